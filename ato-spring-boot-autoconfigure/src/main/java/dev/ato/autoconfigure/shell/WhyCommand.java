package dev.ato.autoconfigure.shell;

import dev.ato.AtoConfigException;
import dev.ato.adict.ADict;
import dev.ato.autoconfigure.scope.AtoScopes;
import dev.ato.scope.Origin;
import dev.ato.scope.Resolution;
import dev.ato.format.Xyz;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** {@code why <key> [args…]}: every layer that wrote one key, in order, and which one won. */
final class WhyCommand extends AtoCommand {

    private final AtoScopes scopes;

    WhyCommand(AtoScopes scopes) {
        super("why", "Show every layer that wrote a key", """
                why KEY [VIEW|KEY=VALUE ...]
                  KEY is a dotted key; with several scopes prefix it with the scope (model.lr).
                  Prints the key's history, oldest first, for a resolution with the arguments.""");
        this.scopes = scopes;
    }

    @Override
    String run(Input input) {
        String key = input.argument(0, "the key to explain");
        List<String> args = input.arguments().subList(1, input.arguments().size());
        Map<String, Resolution> resolved = scopes.resolve(args);
        String scope = scopeOf(key, resolved);
        String inner = resolved.size() == 1 && !key.startsWith(scope + ".") ? key : key.substring(scope.length() + 1);
        Resolution resolution = resolved.get(scope);
        StringBuilder out = new StringBuilder(scope).append('.').append(inner).append('\n');
        int step = 1;
        for (Origin origin : resolution.history(inner)) {
            out.append(String.format("  %d. %-40s %s%n", step++, origin.describe(),
                    origin.removed() ? "(removed)" : origin.key() + " = " + inline(origin.value())));
        }
        if (resolution.config().contains(inner)) {
            out.append("  final: ").append(resolution.origin(inner).describe()).append('\n');
        } else {
            out.append("  final: not in the resolved config\n");
        }
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

    private static String scopeOf(String key, Map<String, Resolution> resolved) {
        if (resolved.size() == 1) {
            return resolved.keySet().iterator().next();
        }
        String prefix = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
        if (!resolved.containsKey(prefix)) {
            throw new AtoConfigException("'" + key + "' names no scope; with several scopes prefix the key with one of "
                    + resolved.keySet() + " (e.g. " + resolved.keySet().iterator().next() + ".lr)");
        }
        return prefix;
    }
}
