package dev.ato.autoconfigure.shell;

import org.jspecify.annotations.Nullable;

import dev.ato.AtoConfigException;
import dev.ato.adict.ADict;
import dev.ato.autoconfigure.scope.AtoScopes;
import dev.ato.format.FileFormat;
import dev.ato.format.Xyz;
import dev.ato.scope.AppliedView;
import dev.ato.scope.Manual;
import dev.ato.scope.Origin;
import dev.ato.scope.Resolution;
import dev.ato.scope.Scope;
import dev.ato.scope.Suggestions;
import dev.ato.sanitize.Sanitizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * {@code manual}, {@code print} and {@code why}: the commands that explain the scopes. They need no database, so
 * they work whatever state the tracker's database is in.
 */
class ScopeCommands {

    static final String GROUP = "Ato";

    private final AtoScopes scopes;
    private final ObjectProvider<Sanitizer> sanitizer;

    ScopeCommands(AtoScopes scopes, ObjectProvider<Sanitizer> sanitizer) {
        this.scopes = scopes;
        this.sanitizer = sanitizer;
    }

    /** The one sanitizer: every value and quoted text these commands print passes through it. */
    private Sanitizer sanitizer() {
        return sanitizer.getIfAvailable(Sanitizer::defaults);
    }

    @Command(name = "manual", group = GROUP, description = "Show each scope's view order and key docs",
            completionProvider = AtoShellAutoConfiguration.VIEW_COMPLETION, help = """
                    Prints, per scope, the order in which views apply and the documentation of every key.
                    With arguments, also the views they apply, in order (the arguments are checked first).
                    Example: manual high_lr""")
    String manual(@Arguments List<String> viewOrLiteral) {
        List<String> input = words(viewOrLiteral);
        Map<String, Resolution> resolved = scopes.resolve(input);
        StringBuilder out = new StringBuilder(Manual.renderWithExternal(scopes.scopes().toArray(Scope[]::new)));
        if (!input.isEmpty()) {
            out.append("(Applied for: ").append(String.join(" ", input)).append(")\n");
            resolved.forEach((name, resolution) -> out.append(name).append(": ").append(resolution.appliedViews()
                    .stream().map(ScopeCommands::step).collect(Collectors.joining(" \u2192 "))).append('\n'));
        }
        return out.toString().stripTrailing();
    }

    @Command(name = "print", group = GROUP, description = "Print the resolved config of every scope",
            completionProvider = AtoShellAutoConfiguration.VIEW_COMPLETION, help = """
                    Resolves the scopes with the arguments (and the application's external properties). XYZ shows
                    each scope under a [scope] header; json, yaml and toml print one document {scope: config}, or
                    with --scope that scope's config alone.
                    Example: print --format json --scope train high_lr train.lr=0.05""")
    String print(@Option(longName = "format", description = "xyz, yaml, json or toml", defaultValue = "xyz")
                 String format,
                 @Option(longName = "scope", description = "print only this scope's config") @Nullable String scope,
                 @Arguments List<String> viewOrLiteral) {
        FileFormat chosen = format(format);
        Map<String, Resolution> resolved = scopes.resolve(words(viewOrLiteral));
        if (scope != null) {
            if (!resolved.containsKey(scope)) {
                throw new AtoConfigException("no scope '" + scope + "'" + Suggestions.didYouMean(scope,
                        resolved.keySet()) + "; scopes: " + Suggestions.list(resolved.keySet()));
            }
            return chosen.write(sanitizer().config(resolved.get(scope).config())).stripTrailing();
        }
        if (chosen == FileFormat.XYZ) {
            StringBuilder out = new StringBuilder();
            resolved.forEach((name, resolution) -> {
                if (resolved.size() > 1) {
                    out.append('[').append(name).append("]\n");
                }
                out.append(Xyz.dumps(sanitizer().config(resolution.config())).stripTrailing()).append('\n');
            });
            return out.toString().stripTrailing();
        }
        Map<String, Object> document = new LinkedHashMap<>();
        resolved.forEach((name, resolution) -> document.put(name, sanitizer().config(resolution.config())));
        return chosen.write(ADict.of(document)).stripTrailing();
    }

    @Command(name = "why", group = GROUP, description = "Show every layer that wrote a key",
            completionProvider = AtoShellAutoConfiguration.KEY_COMPLETION, help = """
                    KEY is a dotted key; with several scopes it starts with the scope (train.lr). Prints the
                    key's history, oldest first, for a resolution with the arguments, and which layer won.
                    Example: why train.lr high_lr train.lr=0.05""")
    String why(@Argument(index = 0, description = "the dotted key to explain") @Nullable String key,
               @Arguments List<String> viewOrLiteral) {
        if (key == null || key.isEmpty()) {
            throw new AtoConfigException("why needs the KEY to explain, e.g. why " + exampleKey());
        }
        List<String> all = words(viewOrLiteral);
        List<String> rest = all.isEmpty() ? List.of() : all.subList(1, all.size());
        Map<String, Resolution> resolved = scopes.resolve(rest);
        String scope = scopeOf(key, resolved);
        String inner = resolved.size() == 1 && !key.startsWith(scope + ".") ? key : key.substring(scope.length() + 1);
        Resolution resolution = resolved.get(scope);
        List<Origin> history = resolution.history(inner);
        if (history.isEmpty() && !resolution.config().contains(inner)) {
            List<String> keys = new ArrayList<>(resolution.config().leaves().keySet());
            throw new AtoConfigException("no key '" + inner + "' in scope '" + scope + "'"
                    + Suggestions.didYouMean(inner, keys) + "; keys: " + Suggestions.list(keys));
        }
        Sanitizer shown = sanitizer();
        StringBuilder out = new StringBuilder(scope).append('.').append(inner).append('\n');
        int step = 1;
        for (Origin origin : history) {
            out.append(String.format("  %d. %-40s %s%n", step++, shown.text(origin.describe()),
                    origin.removed() ? "(removed)" : origin.key() + " = "
                            + inline(shown.value(scope + "." + origin.key(), origin.value()))));
        }
        out.append("  final: ").append(resolution.config().contains(inner)
                ? shown.text(resolution.origin(inner).describe()) : "not in the resolved config");
        return out.toString();
    }

    /** A value on one line: lists and dicts as {@code [64, 32]} and {@code {a: 1}}, so each step stays one line. */
    static String inline(Object value) {
        if (value instanceof List<?> list) {
            StringJoiner items = new StringJoiner(", ", "[", "]");
            list.forEach(item -> items.add(inline(item)));
            return items.toString();
        }
        if (value instanceof Map<?, ?> map) {
            StringJoiner entries = new StringJoiner(", ", "{", "}");
            map.forEach((k, v) -> entries.add(k + ": " + inline(v)));
            return entries.toString();
        }
        if (value instanceof ADict dict) {
            return inline(dict.toMap());
        }
        return Xyz.dumps(value).substring(1); // a scalar's XYZ text, after its leading space
    }

    /** A key the application really has (the first scope's first leaf), so the example can be copied. */
    private String exampleKey() {
        return exampleKey(scopes.resolutions());
    }

    private static String exampleKey(Map<String, Resolution> resolved) {
        for (Map.Entry<String, Resolution> scope : resolved.entrySet()) {
            for (String leaf : scope.getValue().config().leaves().keySet()) {
                return resolved.size() > 1 ? scope.getKey() + "." + leaf : leaf;
            }
        }
        return resolved.size() > 1 ? resolved.keySet().iterator().next() + ".lr" : "lr";
    }

    /** The words of {@code @Arguments}: Spring Shell hands over an empty list, or {@code null}, when there are none. */
    static List<String> words(List<String> args) {
        return args == null ? List.of() : args;
    }

    private static String step(AppliedView view) {
        return view.name() + (view.lazy() ? " (lazy)" : "");
    }

    static FileFormat format(String name) {
        try {
            return FileFormat.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AtoConfigException("unknown format '" + name + "'; use xyz, yaml, json or toml");
        }
    }

    private static String scopeOf(String key, Map<String, Resolution> resolved) {
        if (resolved.size() == 1) {
            return resolved.keySet().iterator().next();
        }
        String prefix = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
        if (!resolved.containsKey(prefix)) {
            throw new AtoConfigException("'" + key + "' names no scope; with several scopes prefix the key with one of "
                    + resolved.keySet() + " (e.g. " + exampleKey(resolved) + ")"
                    + Suggestions.didYouMean(prefix, resolved.keySet()));
        }
        return prefix;
    }
}
