package dev.ato.autoconfigure.scope;

import dev.ato.AtoConfigException;
import dev.ato.autoconfigure.AtoProperties;
import dev.ato.scope.MultiScope;
import dev.ato.scope.Resolution;
import dev.ato.sanitize.Sanitizer;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.type.classreading.MetadataReader;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * How the scopes resolve at start-up, from the Environment, the application's packages and its command line: the
 * one procedure behind the context's scope beans and behind the one-shot commands that run before any context
 * exists ({@code manual}, {@code print}, {@code why}, {@code help}), so both give the same answer.
 *
 * @param scopes the scopes with their start-up resolutions
 * @param commandLine the command line split into Ato input and a command
 */
public record ScopeStartup(AtoScopes scopes, AtoCommandLine commandLine) {

    /**
     * Finds the view components in {@code packages} (or in {@code ato.scan-packages} when set), splits {@code args},
     * resolves every scope with the Environment's external properties and installs the layers as property sources.
     * {@code everyClass} sees each class file of the packages as it is read (for callers that need more facts of
     * the application's classes without reading them twice).
     *
     * @throws InvalidAtoInputException when a view, a literal or a file of the configuration is wrong
     */
    public static ScopeStartup resolve(ConfigurableEnvironment environment, ClassLoader classLoader,
                                       List<String> packages, String[] args, Consumer<MetadataReader> everyClass) {
        AtoProperties properties = Binder.get(environment).bindOrCreate("ato", AtoProperties.class);
        Sanitizer sanitizer = sanitizer(properties);
        List<String> scanned = !properties.getScanPackages().isEmpty() ? properties.getScanPackages() : packages;
        MultiScope multiScope;
        try {
            multiScope = ScopeAssembly.assemble(new AtoComponentScanner(classLoader).discover(scanned, everyClass),
                    HydraBaseSource.configured(environment));
        } catch (AtoConfigException e) {
            throw new InvalidAtoInputException(e, sanitizer);
        }
        AtoScopes unresolved = new AtoScopes(multiScope, environment, Map.of());
        AtoCommandLine commandLine = AtoCommandLine.parse(properties.isCommandLine() ? args : new String[0],
                word -> unresolved.isView(word) || unresolved.isBaseWord(word));
        Map<String, Resolution> resolutions;
        try {
            resolutions = AtoScopes.resolve(multiScope, environment, commandLine.atoInput());
        } catch (AtoConfigException e) {
            throw new InvalidAtoInputException(e, sanitizer);
        }
        LayerPropertySources.install(environment, resolutions);
        return new ScopeStartup(new AtoScopes(multiScope, environment, resolutions), commandLine);
    }

    /**
     * The sanitizer the Environment alone defines (Spring Boot's and Ato's secret keys and
     * {@code ato.sanitize.key-patterns}): what masks values before the application's own sanitizing beans exist.
     */
    public static Sanitizer sanitizer(Environment environment) {
        return sanitizer(Binder.get(environment).bindOrCreate("ato", AtoProperties.class));
    }

    private static Sanitizer sanitizer(AtoProperties properties) {
        return Sanitizer.of(properties.getSanitize().getKeyPatterns(), List.of());
    }

    /** The scopes, for the bean definitions. */
    MultiScope multiScope() {
        return scopes.multiScope();
    }
}
