package dev.ato.autoconfigure.scope;

import dev.ato.autoconfigure.AtoScope;
import dev.ato.scope.MultiScope;
import dev.ato.scope.Scope;
import dev.ato.scope.ViewOptions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the scopes from the discovered methods: one {@link Scope} per scope name, in order of first mention; every
 * scope carries the static fingerprints of the {@code @AtoTrace} methods, so each resolution has them.
 */
final class ScopeAssembly {

    private ScopeAssembly() {
    }

    /** The scopes of {@code methods}; an application without any gets the one scope {@code config}. */
    static MultiScope assemble(AtoComponentScanner.Discovery discovery) {
        return assemble(discovery, Map.of());
    }

    /** Like {@link #assemble(AtoComponentScanner.Discovery)}; the scopes named in {@code hydra} rest on a tree. */
    static MultiScope assemble(AtoComponentScanner.Discovery discovery, Map<String, HydraBaseSource> hydra) {
        MultiScope scopes = assemble(discovery.views(), hydra);
        for (AtoComponentScanner.TracedMethod traced : discovery.traces()) {
            scopes.scopes().forEach(scope -> scope.trace(traced.traceId(), traced.method()));
        }
        return scopes;
    }

    static MultiScope assemble(List<ViewMethod> methods) {
        return assemble(methods, Map.of());
    }

    static MultiScope assemble(List<ViewMethod> methods, Map<String, HydraBaseSource> hydra) {
        Map<String, Scope> scopes = new LinkedHashMap<>();
        java.util.function.Function<String, Scope> create = name -> hydra.containsKey(name)
                ? new Scope(name, hydra.get(name)) : new Scope(name);
        for (ViewMethod method : methods) {
            Scope scope = scopes.computeIfAbsent(method.scope(), create);
            if (method.isManual()) {
                scope.manual(method.asConsumer());
            } else {
                ViewSpec spec = method.options();
                ViewOptions options = ViewOptions.defaults().defaultView(spec.defaultView()).priority(spec.priority())
                        .lazy(spec.lazy()).chainWith(spec.chainWith().toArray(String[]::new));
                scope.observe(method.name(), options, method.asConsumer());
            }
        }
        hydra.keySet().forEach(name -> scopes.computeIfAbsent(name, create)); // a tree alone makes a scope
        if (scopes.isEmpty()) {
            scopes.put(AtoScope.DEFAULT_SCOPE, new Scope(AtoScope.DEFAULT_SCOPE));
        }
        return new MultiScope(scopes.values().toArray(Scope[]::new));
    }
}
