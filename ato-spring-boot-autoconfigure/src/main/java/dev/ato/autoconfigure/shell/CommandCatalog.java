package dev.ato.autoconfigure.shell;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.completion.CompletionProvider;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.List;

/**
 * The application's commands: every {@code @Command} method of a component (scanned, imported or Ato's own), read
 * from the bean definitions' class metadata, so no command bean is created to list, complete or explain commands.
 * Spring Shell's programmatic built-ins (clear, script, history) join only the interactive shell
 * ({@link #addShellBuiltIns}); Ato declares its own {@code help} and {@code version}.
 */
final class CommandCatalog {

    /** The group of Spring Shell's own commands; help and did-you-mean leave it out. */
    static final String BUILT_IN_GROUP = "Built-In Commands";

    private CommandCatalog() {
    }

    static CommandRegistry create(ConfigurableListableBeanFactory beanFactory) {
        CommandRegistry registry = new Registry();
        for (String name : beanFactory.getBeanDefinitionNames()) {
            BeanDefinition definition = beanFactory.getBeanDefinition(name);
            if (!(definition instanceof AnnotatedBeanDefinition annotated)
                    || annotated.getFactoryMethodMetadata() != null
                    || !annotated.getMetadata().hasAnnotatedMethods(Command.class.getName())) {
                continue;
            }
            Class<?> type = ClassUtils.resolveClassName(annotated.getMetadata().getClassName(),
                    beanFactory.getBeanClassLoader());
            MethodIntrospector.selectMethods(type, (ReflectionUtils.MethodFilter) method ->
                            AnnotatedElementUtils.hasAnnotation(method, Command.class)).stream()
                    .sorted(Comparator.comparing(Method::getName))
                    .map(method -> MethodCommand.of(method, () -> beanFactory.getBean(name),
                            provider -> beanFactory.getBean(provider, CompletionProvider.class),
                            beanFactory::resolveEmbeddedValue))
                    .forEach(registry::registerCommand);
        }
        for (String name : beanFactory.getBeanNamesForType(org.springframework.shell.core.command.Command.class,
                true, false)) {
            if (!isSpringShells(beanFactory, name)) {
                addShellBuiltIns(registry, List.of(beanFactory.getBean(name,
                        org.springframework.shell.core.command.Command.class)));
            }
        }
        return registry;
    }

    /** Whether the bean {@code name} is one of Spring Shell's built-in commands (defined by its configuration). */
    static boolean isSpringShells(ConfigurableListableBeanFactory beanFactory, String name) {
        BeanDefinition definition = beanFactory.getMergedBeanDefinition(name);
        String source = definition.getFactoryBeanName() != null
                ? beanFactory.getMergedBeanDefinition(definition.getFactoryBeanName()).getBeanClassName()
                : definition.getBeanClassName();
        return source == null || source.startsWith("org.springframework.shell.");
    }

    /**
     * The registry without Spring Shell's own start-up step, which adds (and so creates) every {@code Command}
     * bean, the JLine terminal's among them, even in a one-shot run.
     */
    private static final class Registry extends CommandRegistry {

        @Override
        public void afterSingletonsInstantiated() {
            // the catalog registered the commands
        }
    }

    /** Adds Spring Shell's programmatic commands whose names no {@code @Command} declares. */
    static void addShellBuiltIns(CommandRegistry registry, List<org.springframework.shell.core.command.Command> beans) {
        for (org.springframework.shell.core.command.Command command : beans) {
            if (registry.getCommandByName(command.getName()) == null) {
                registry.registerCommand(command);
            }
        }
    }

    /** Whether {@code command} is one of the application's or Ato's commands (not a Spring Shell built-in). */
    static boolean isOwn(org.springframework.shell.core.command.Command command) {
        return !BUILT_IN_GROUP.equals(command.getGroup()) && !command.isHidden();
    }

    /** The declared option called {@code name} (long name), or {@code null}. */
    static @Nullable CommandOption declaredOption(org.springframework.shell.core.command.Command command, String name) {
        return command.getOptions().stream().filter(o -> name.equals(o.longName())).findFirst().orElse(null);
    }
}
