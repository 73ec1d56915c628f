package dev.ato.autoconfigure.shell;

import dev.ato.autoconfigure.scope.AtoScopes;
import dev.ato.scope.AppliedView;
import dev.ato.scope.Manual;
import dev.ato.scope.Resolution;
import dev.ato.scope.Scope;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code manual [args…]}: per scope the applying order of the views and the key docs; with args, what they apply. */
final class ManualCommand extends AtoCommand {

    private final AtoScopes scopes;

    ManualCommand(AtoScopes scopes) {
        super("manual", "Show each scope's view order and key docs", """
                manual [VIEW|KEY=VALUE ...]
                  Prints, per scope, the order in which views apply and the documentation of every key.
                  With arguments, also the views they apply, in order (the arguments are checked first).""");
        this.scopes = scopes;
    }

    @Override
    String run(Input input) {
        List<String> args = input.arguments();
        Map<String, Resolution> resolved = scopes.resolve(args);
        StringBuilder out = new StringBuilder(Manual.render(scopes.scopes().toArray(Scope[]::new)));
        if (!args.isEmpty()) {
            out.append("(Applied for: ").append(String.join(" ", args)).append(")\n");
            resolved.forEach((name, resolution) -> out.append(name).append(": ").append(
                    resolution.appliedViews().stream().map(ManualCommand::step).collect(Collectors.joining(" \u2192 ")))
                    .append('\n'));
        }
        return out.toString();
    }

    private static String step(AppliedView view) {
        return view.name() + (view.lazy() ? " (lazy)" : "");
    }
}
