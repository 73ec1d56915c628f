package dev.ato.autoconfigure.scope;

import dev.ato.AtoConfigException;
import dev.ato.adict.ADict;
import dev.ato.scope.MultiScope;
import dev.ato.scope.Resolution;
import dev.ato.scope.Scope;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.support.AutowireCandidateQualifier;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Resolves the scopes while bean definitions are still being collected, before any ordinary bean exists: finds the
 * view components, reads the command line, resolves, installs the property source chain (so {@code @Value} and
 * {@code @ConfigurationProperties} see the result), and registers the beans: per scope an {@link ADict} named after
 * the scope (frozen), {@code <scope>Scope} and {@code <scope>Resolution}; and {@code atoScopes}.
 */
final class AtoScopeRegistrar implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {

    private ConfigurableEnvironment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = (ConfigurableEnvironment) environment;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        DefaultListableBeanFactory beanFactory = (DefaultListableBeanFactory) registry;
        List<String> packages = AutoConfigurationPackages.has(beanFactory) ? AutoConfigurationPackages.get(beanFactory)
                : List.of();
        ScopeStartup startup = ScopeStartup.resolve(environment, beanFactory.getBeanClassLoader(), packages,
                sourceArgs(beanFactory), reader -> { });
        MultiScope multiScope = startup.multiScope();
        Map<String, Resolution> resolutions = startup.scopes().resolutions();
        AtoCommandLine commandLine = startup.commandLine();
        register(registry, "atoScopes", AtoScopes.class, startup::scopes);
        register(registry, "atoCommandLine", AtoCommandLine.class, () -> commandLine);
        for (Scope scope : multiScope.scopes()) {
            Resolution resolution = resolutions.get(scope.name());
            RootBeanDefinition config = definition(ADict.class, () -> resolution.config().copy().freeze());
            config.addQualifier(new AutowireCandidateQualifier(Qualifier.class, scope.name()));
            register(registry, scope.name(), config);
            register(registry, scope.name() + "Scope", Scope.class, () -> scope);
            register(registry, scope.name() + "Resolution", Resolution.class, () -> resolution);
        }
    }

    private static String[] sourceArgs(DefaultListableBeanFactory beanFactory) {
        return beanFactory.containsSingleton("springApplicationArguments")
                ? beanFactory.getBean("springApplicationArguments", ApplicationArguments.class).getSourceArgs()
                : new String[0];
    }

    private static <T> void register(BeanDefinitionRegistry registry, String name, Class<T> type, Supplier<T> bean) {
        register(registry, name, definition(type, bean));
    }

    private static <T> RootBeanDefinition definition(Class<T> type, Supplier<T> bean) {
        return new RootBeanDefinition(type, bean);
    }

    private static void register(BeanDefinitionRegistry registry, String name, RootBeanDefinition definition) {
        if (registry.containsBeanDefinition(name)) {
            throw new AtoConfigException("Ato registers the bean '" + name + "' (" + definition.getBeanClass()
                    .getSimpleName() + ") for its scopes, but the application already defines a bean of that name ("
                    + registry.getBeanDefinition(name).getBeanClassName() + "); rename the scope or the bean");
        }
        registry.registerBeanDefinition(name, definition);
    }
}
