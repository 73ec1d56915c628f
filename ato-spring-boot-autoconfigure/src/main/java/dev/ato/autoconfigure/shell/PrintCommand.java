package dev.ato.autoconfigure.shell;

import dev.ato.AtoConfigException;
import dev.ato.autoconfigure.scope.AtoScopes;
import dev.ato.format.FileFormat;
import dev.ato.format.Xyz;
import dev.ato.scope.Resolution;

import java.util.Locale;
import java.util.Map;

/** {@code print [--format xyz|yaml|json|toml] [args…]}: the resolved config of every scope. */
final class PrintCommand extends AtoCommand {

    private final AtoScopes scopes;

    PrintCommand(AtoScopes scopes) {
        super("print", "Print the resolved config of every scope", """
                print [--format xyz|yaml|json|toml] [VIEW|KEY=VALUE ...]
                  Resolves the scopes with the arguments (and the application's external properties) and prints
                  each config, XYZ by default.""", option("format", "xyz, yaml, json or toml", "xyz"));
        this.scopes = scopes;
    }

    @Override
    String run(Input input) {
        FileFormat format = format(input.option("format"));
        Map<String, Resolution> resolved = scopes.resolve(input.arguments());
        StringBuilder out = new StringBuilder();
        resolved.forEach((name, resolution) -> {
            if (resolved.size() > 1) {
                out.append("[").append(name).append("]\n");
            }
            String text = format == FileFormat.XYZ ? Xyz.dumps(resolution.config()) : format.write(resolution.config());
            out.append(text.stripTrailing()).append('\n');
        });
        return out.toString();
    }

    private static FileFormat format(String name) {
        try {
            return FileFormat.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new AtoConfigException("unknown format '" + name + "'; use xyz, yaml, json or toml");
        }
    }
}
