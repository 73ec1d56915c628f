package dev.ato.autoconfigure.shell;

import dev.ato.AtoConfigException;
import dev.ato.autoconfigure.scope.AtoScopes;
import dev.ato.scope.Origin;
import dev.ato.scope.Resolution;
import dev.ato.format.Xyz;

import java.util.List;
import java.util.Map;

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
                    origin.removed() ? "(removed)" : origin.key() + " =" + Xyz.dumps(origin.value())));
        }
        if (resolution.config().contains(inner)) {
            out.append("  final: ").append(resolution.origin(inner).describe()).append('\n');
        } else {
            out.append("  final: not in the resolved config\n");
        }
        return out.toString();
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
