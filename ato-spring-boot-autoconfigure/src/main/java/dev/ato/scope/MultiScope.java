package dev.ato.scope;

import dev.ato.AtoConfigException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Several independent scopes ({@code model}, {@code data}, {@code train}) resolved from one command line. With
 * more than one scope, literals carry the scope's name ({@code model.lr=0.1}), and so may view names
 * ({@code model.resnet101}); a bare view name applies to every scope that has that view. An unprefixed literal,
 * an unknown scope or a view no scope knows is an error that lists what exists.
 */
public final class MultiScope {

    private final List<Scope> scopes;

    /** Groups {@code scopes}; their names must differ. */
    public MultiScope(Scope... scopes) {
        if (scopes.length == 0) {
            throw new AtoConfigException("a MultiScope needs at least one scope");
        }
        Map<String, Scope> byName = new LinkedHashMap<>();
        for (Scope scope : scopes) {
            if (byName.put(scope.name(), scope) != null) {
                throw new AtoConfigException("two scopes are named '" + scope.name() + "'; scope names must differ");
            }
        }
        this.scopes = List.of(scopes);
    }

    /** The scopes, in the order given. */
    public List<Scope> scopes() {
        return scopes;
    }

    /**
     * The scope whose base source claims {@code arg}: with one scope the word as written, with several the word
     * prefixed by the scope's name ({@code model.db=mysql}, {@code +model.db=mysql}, {@code ~model.db}).
     */
    private String claimer(String arg) {
        for (Scope scope : scopes) {
            if (scope.baseSource() == null) {
                continue;
            }
            String word = scopes.size() == 1 ? arg : unprefixed(arg, scope.name());
            if (word != null && scope.baseSource().claims(word)) {
                return scope.name();
            }
        }
        return null;
    }

    private String unprefixed(String arg, String scope) {
        if (scopes.size() == 1) {
            return arg;
        }
        int sigil = arg.startsWith("++") ? 2 : arg.startsWith("+") || arg.startsWith("~") ? 1 : 0;
        String body = arg.substring(sigil);
        return body.startsWith(scope + ".") ? arg.substring(0, sigil) + body.substring(scope.length() + 1) : null;
    }

    /** Resolves every scope from {@code args}; the map keeps the scopes' order. */
    public Map<String, Resolution> resolve(List<String> args) {
        return resolve(args, Map.of());
    }

    /**
     * Resolves every scope from {@code args} and external properties given per scope name (keys inside the scope).
     * All tokens are checked before any scope resolves.
     */
    public Map<String, Resolution> resolve(List<String> args, Map<String, List<ExternalProperty>> external) {
        for (String name : external.keySet()) {
            if (scopes.stream().noneMatch(scope -> scope.name().equals(name))) {
                throw new AtoConfigException("external properties for unknown scope '" + name + "' (scopes: "
                        + Suggestions.list(scopes.stream().map(Scope::name).toList()) + ")");
            }
        }
        Map<String, List<String>> baseWords = new LinkedHashMap<>();
        List<String> rest = new java.util.ArrayList<>();
        for (String arg : args) {
            String claimedBy = claimer(arg);
            if (claimedBy == null) {
                rest.add(arg);
            } else {
                baseWords.computeIfAbsent(claimedBy, k -> new java.util.ArrayList<>()).add(unprefixed(arg, claimedBy));
            }
        }
        CommandLine line = CommandLine.forScopes(scopes, rest);
        Map<String, Resolution> result = new LinkedHashMap<>();
        for (Scope scope : scopes) {
            result.put(scope.name(), scope.apply(line.viewsOf(scope.name()), line.literalsOf(scope.name()),
                    external.getOrDefault(scope.name(), List.of()), baseWords.getOrDefault(scope.name(), List.of())));
        }
        return Collections.unmodifiableMap(result);
    }
}
