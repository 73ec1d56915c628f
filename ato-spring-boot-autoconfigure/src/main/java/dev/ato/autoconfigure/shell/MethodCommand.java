package dev.ato.autoconfigure.shell;

import jakarta.validation.Constraint;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.executable.ExecutableValidator;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.convert.support.ConfigurableConversionService;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.shell.core.command.AbstractCommand;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.ExitStatus;
import org.springframework.shell.core.command.ParsedInput;
import org.springframework.shell.core.command.adapter.MethodInvokerCommandAdapter;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.shell.core.command.completion.CompletionProvider;
import org.springframework.shell.core.command.completion.DefaultCompletionProvider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A command declared by a Spring Shell {@code @Command} method: name, description, group, help text, options
 * ({@code @Option}) and arguments ({@code @Argument}, {@code @Arguments}) are read from the one declaration, and
 * Spring Shell's {@link MethodInvokerCommandAdapter} converts and invokes. Unlike Spring Shell's own registration,
 * the bean that declares the method is looked up only when the command runs (so listing the commands creates no
 * tracker, no DataSource), and Bean Validation starts only for a method that declares constraints.
 */
final class MethodCommand extends AbstractCommand {

    /** A positional parameter, for the usage line. */
    record Positional(String name, String description, boolean many, boolean optional) {
    }

    private final Method method;
    private final Supplier<Object> target;
    private final List<Positional> positionals;
    private final Function<String, CompletionProvider> completions;
    private final String completionProvider;

    private MethodCommand(Command declaration, String name, Method method, Supplier<Object> target,
                          Function<String, CompletionProvider> completions, UnaryOperator<String> placeholders) {
        super(name, declaration.description().isEmpty() ? "N/A" : declaration.description(),
                declaration.group().isEmpty() ? "Commands" : declaration.group(), declaration.help(),
                declaration.hidden());
        this.method = method;
        this.target = target;
        this.completions = completions;
        this.completionProvider = declaration.completionProvider();
        List<CommandOption> options = new ArrayList<>();
        List<Positional> positional = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            Option option = parameter.getAnnotation(Option.class);
            Argument argument = parameter.getAnnotation(Argument.class);
            Arguments arguments = parameter.getAnnotation(Arguments.class);
            if (option != null) {
                options.add(CommandOption.with().shortName(option.shortName())
                        .longName(option.longName().isEmpty() ? parameter.getName() : option.longName())
                        .description(option.description()).required(option.required())
                        .defaultValue(placeholders.apply(option.defaultValue())).type(parameter.getType()).build());
            } else if (argument != null) {
                positional.add(new Positional(parameter.getName(), argument.description(), false,
                        !argument.defaultValue().isEmpty()));
            } else if (arguments != null) {
                positional.add(new Positional(parameter.getName(), "", true, true));
            }
        }
        setOptions(List.copyOf(options));
        this.positionals = List.copyOf(positional);
        setAliases(Arrays.asList(declaration.alias()));
    }

    /** The command {@code method} declares; {@code target} supplies the bean when the command runs. */
    static MethodCommand of(Method method, Supplier<Object> target, Function<String, CompletionProvider> completions,
                            UnaryOperator<String> placeholders) {
        Command declaration = MergedAnnotations.from(method).get(Command.class).synthesize();
        String name = String.join(" ", declaration.name()).trim();
        return new MethodCommand(declaration, name.isEmpty() ? method.getName() : name, method, target, completions,
                placeholders);
    }

    List<Positional> positionals() {
        return positionals;
    }

    @Override
    public CompletionProvider getCompletionProvider() {
        // resolved on use: completion beans may read the database, which a one-shot command must not open
        return context -> (completionProvider.isEmpty() ? new DefaultCompletionProvider()
                : completions.apply(completionProvider)).apply(context);
    }

    @Override
    public ExitStatus doExecute(CommandContext context) throws Exception {
        return new MethodInvokerCommandAdapter(getName(), getDescription(), getGroup(), getHelp(), isHidden(), method,
                target.get(), Conversion.SERVICE, validator()).doExecute(withDefaults(context));
    }

    /**
     * The input with every absent option at its declared default, placeholders resolved ({@code ${ato.project}});
     * Spring Shell would read the raw annotation text.
     */
    private CommandContext withDefaults(CommandContext context) {
        ParsedInput given = context.parsedInput();
        ParsedInput.Builder input = ParsedInput.builder().commandName(given.commandName());
        given.subCommands().forEach(input::addSubCommand);
        given.options().forEach(input::addOption);
        given.arguments().forEach(input::addArgument);
        for (CommandOption declared : getOptions()) {
            boolean present = given.options().stream().anyMatch(o -> declared.longName().equals(o.longName())
                    || declared.shortName() != ' ' && declared.shortName() == o.shortName());
            if (!present && declared.defaultValue() != null && !declared.defaultValue().isEmpty()) {
                input.addOption(CommandOption.with().longName(declared.longName()).value(declared.defaultValue())
                        .build());
            }
        }
        return new CommandContext(input.build(), context.commandRegistry(), context.outputWriter(),
                context.inputReader());
    }

    /** Bean Validation (hundreds of classes) only for a method whose parameters declare constraints. */
    private Validator validator() {
        for (Parameter parameter : method.getParameters()) {
            for (Annotation annotation : parameter.getAnnotations()) {
                if (annotation instanceof Valid || annotation.annotationType().isAnnotationPresent(Constraint.class)) {
                    return Validation.buildDefaultValidatorFactory().getValidator();
                }
            }
        }
        return NO_CONSTRAINTS;
    }

    /** A validator for parameters without constraints: nothing to check, so every check finds nothing. */
    private static final Validator NO_CONSTRAINTS = (Validator) Proxy.newProxyInstance(
            MethodCommand.class.getClassLoader(), new Class<?>[] {Validator.class, ExecutableValidator.class},
            (proxy, called, args) -> {
                if (called.getName().equals("forExecutables")) {
                    return proxy;
                }
                if (called.getReturnType() == Set.class) {
                    return Set.of();
                }
                if (called.getDeclaringClass() == Object.class) {
                    return called.getName().equals("equals") ? proxy == args[0]
                            : called.getName().equals("hashCode") ? System.identityHashCode(proxy) : "NO_CONSTRAINTS";
                }
                throw new UnsupportedOperationException(called.getName());
            });

    /** One conversion service for every command's options and arguments. */
    private static final class Conversion {
        static final ConfigurableConversionService SERVICE = new DefaultConversionService();
    }
}
