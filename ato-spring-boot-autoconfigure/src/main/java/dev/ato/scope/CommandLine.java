package dev.ato.scope;

import dev.ato.AtoConfigException;
import dev.ato.cli.CliArgument;
import dev.ato.cli.CliParser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Program arguments routed to scopes: which views and literals each scope gets. Every token is checked before any
 * scope resolves, and all problems are reported together.
 */
final class CommandLine {

    private final Map<String, List<String>> views = new LinkedHashMap<>();
    private final Map<String, List<Literal>> literals = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    private CommandLine(List<Scope> scopes) {
        for (Scope scope : scopes) {
            views.put(scope.name(), new ArrayList<>());
            literals.put(scope.name(), new ArrayList<>());
        }
    }

    /** One scope: view names and keys are written without the scope's name. */
    static CommandLine forScope(Scope scope, List<String> args) {
        CommandLine line = new CommandLine(List.of(scope));
        for (CliArgument argument : CliParser.parseArguments(args)) {
            if (argument instanceof CliArgument.ViewName view) {
                line.routeView(scope, view.name(), view.name(), view.index());
            } else if (argument instanceof CliArgument.Assignment assignment) {
                line.literals.get(scope.name()).add(literal(assignment, assignment.key()));
            }
        }
        return line.checked();
    }

    /**
     * Several scopes: literals are {@code scope.key=value}; a view is {@code scope.view}, or a bare name that
     * applies to every scope having that view. With one scope this is {@link #forScope}.
     */
    static CommandLine forScopes(List<Scope> scopes, List<String> args) {
        if (scopes.size() == 1) {
            return forScope(scopes.get(0), args);
        }
        Map<String, Scope> byName = new LinkedHashMap<>();
        scopes.forEach(scope -> byName.put(scope.name(), scope));
        CommandLine line = new CommandLine(scopes);
        for (CliArgument argument : CliParser.parseArguments(args)) {
            if (argument instanceof CliArgument.ViewName view) {
                line.routeMultiView(byName, view);
            } else if (argument instanceof CliArgument.Assignment assignment) {
                line.routeMultiLiteral(byName, assignment);
            }
        }
        return line.checked();
    }

    List<String> viewsOf(String scope) {
        return views.get(scope);
    }

    List<Literal> literalsOf(String scope) {
        return literals.get(scope);
    }

    private static Literal literal(CliArgument.Assignment assignment, String key) {
        return new Literal(key, assignment.value(), assignment.key() + "=" + assignment.literal(), assignment.index());
    }

    private void routeView(Scope scope, String view, String token, int index) {
        Set<String> known = scope.registeredViews().keySet();
        if (known.contains(view)) {
            views.get(scope.name()).add(view);
            return;
        }
        String hint = Suggestions.didYouMean(view, known);
        String prefix = scope.name() + ".";
        if (view.startsWith(prefix) && known.contains(view.substring(prefix.length()))) {
            hint = "; did you mean '" + view.substring(prefix.length()) + "'? (a single scope takes view names "
                    + "without its prefix)";
        }
        problems.add("command-line token #" + index + " '" + token + "' is not a view of scope '" + scope.name()
                + "' (views: " + Suggestions.list(known) + ")" + hint
                + "; a value must be written key=value");
    }

    private void routeMultiView(Map<String, Scope> scopes, CliArgument.ViewName view) {
        String name = view.name();
        int dot = name.indexOf('.');
        if (dot > 0 && scopes.containsKey(name.substring(0, dot))) {
            routeView(scopes.get(name.substring(0, dot)), name.substring(dot + 1), name, view.index());
            return;
        }
        boolean found = false;
        Set<String> all = new LinkedHashSet<>();
        for (Scope scope : scopes.values()) {
            if (scope.registeredViews().containsKey(name)) {
                views.get(scope.name()).add(name);
                found = true;
            }
            scope.registeredViews().keySet().forEach(v -> all.add(scope.name() + "." + v));
        }
        if (!found) {
            Set<String> candidates = new LinkedHashSet<>(all);
            scopes.values().forEach(scope -> candidates.addAll(scope.registeredViews().keySet()));
            problems.add("command-line token #" + view.index() + " '" + name + "' is not a view of any scope ("
                    + "scopes: " + Suggestions.list(scopes.keySet()) + "; views: " + Suggestions.list(all) + ")"
                    + Suggestions.didYouMean(name, candidates) + "; a value is written scope.name=value");
        }
    }

    private void routeMultiLiteral(Map<String, Scope> scopes, CliArgument.Assignment assignment) {
        String key = assignment.key();
        int dot = key.indexOf('.');
        String prefix = dot > 0 ? key.substring(0, dot) : key;
        if (dot > 0 && scopes.containsKey(prefix)) {
            literals.get(prefix).add(literal(assignment, key.substring(dot + 1)));
            return;
        }
        String text = assignment.key() + "=" + assignment.literal();
        problems.add("command-line literal #" + assignment.index() + " '" + text + "' names no scope: with "
                + "several scopes a key starts with its scope's name (scopes: " + Suggestions.list(scopes.keySet())
                + ", e.g. " + scopes.keySet().iterator().next() + "." + key + "=" + assignment.literal() + ")"
                + (dot > 0 ? Suggestions.didYouMean(prefix, scopes.keySet()) : ""));
    }

    private CommandLine checked() {
        if (problems.size() == 1) {
            throw new AtoConfigException(problems.get(0));
        }
        if (!problems.isEmpty()) {
            throw new AtoConfigException(problems.size() + " problems on the command line (nothing was applied):\n"
                    + String.join("\n", problems));
        }
        return this;
    }
}
