package dev.ato.autoconfigure.scope;

import dev.ato.AtoConfigException;
import dev.ato.scope.MultiScope;
import dev.ato.scope.Resolution;
import dev.ato.scope.Scope;
import org.springframework.core.env.ConfigurableEnvironment;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The application's scopes and how they resolved at start-up: what the Shell commands, the Actuator endpoint and
 * {@code HyperBandService} work from. {@link #resolve(List)} resolves again with other command-line input and the
 * Environment's current external properties.
 */
public final class AtoScopes {

    private final MultiScope multiScope;
    private final ConfigurableEnvironment environment;
    private final Map<String, Resolution> resolutions;

    AtoScopes(MultiScope multiScope, ConfigurableEnvironment environment, Map<String, Resolution> resolutions) {
        this.multiScope = multiScope;
        this.environment = environment;
        this.resolutions = resolutions;
    }

    /** Resolves the scopes from {@code args} and the Environment's external properties; nothing is changed. */
    static Map<String, Resolution> resolve(MultiScope scopes, ConfigurableEnvironment environment, List<String> args) {
        Map<String, Set<String>> known = new LinkedHashMap<>();
        scopes.resolve(List.of()).forEach((name, plain) ->
                known.put(name, LayerPropertySources.leaves(plain.config())));
        return scopes.resolve(args, ExternalProperties.collect(environment, known));
    }

    MultiScope multiScope() {
        return multiScope;
    }

    /** The scopes, in the order their names were first found. */
    public List<Scope> scopes() {
        return multiScope.scopes();
    }

    /** The scope called {@code name}; an unknown name is an error listing the scopes. */
    public Scope scope(String name) {
        return scopes().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() ->
                new AtoConfigException("no scope '" + name + "'; scopes: " + names()));
    }

    public List<String> names() {
        return scopes().stream().map(Scope::name).toList();
    }

    /** Each scope's resolution from the application's own command line, by scope name. */
    public Map<String, Resolution> resolutions() {
        return resolutions;
    }

    /** The start-up resolution of scope {@code name}; an unknown name is an error listing the scopes. */
    public Resolution resolution(String name) {
        scope(name);
        return resolutions.get(name);
    }

    /** Resolves every scope again from {@code args} (views and literals) and the current external properties. */
    public Map<String, Resolution> resolve(List<String> args) {
        return resolve(multiScope, environment, args);
    }

    /** Every view name a command line may use: plain, and prefixed by its scope ({@code model.resnet101}). */
    public Set<String> viewNames() {
        Set<String> names = new LinkedHashSet<>();
        for (Scope scope : scopes()) {
            scope.views().keySet().forEach(view -> {
                names.add(view);
                names.add(scope.name() + "." + view);
            });
        }
        return names;
    }

    /** Whether a scope's layered base (a Hydra tree) claims {@code word} ({@code db=mysql}, {@code ~db}). */
    public boolean isBaseWord(String word) {
        boolean single = scopes().size() == 1;
        for (Scope scope : scopes()) {
            if (scope.baseSource() == null) {
                continue;
            }
            int sigil = word.startsWith("++") ? 2 : word.startsWith("+") || word.startsWith("~") ? 1 : 0;
            String body = word.substring(sigil);
            String candidate = single ? word : body.startsWith(scope.name() + ".")
                    ? word.substring(0, sigil) + body.substring(scope.name().length() + 1) : null;
            if (candidate != null && scope.baseSource().claims(candidate)) {
                return true;
            }
        }
        return false;
    }

    public boolean isView(String word) {
        return viewNames().contains(word);
    }
}
