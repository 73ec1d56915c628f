package dev.ato.autoconfigure.shell;

import dev.ato.format.Xyz;
import dev.ato.tracker.Run;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** {@code runs diff ID ID}: the keys whose values differ between two runs' configs. */
final class RunsDiffCommand extends AtoCommand {

    private static final String ABSENT = "(absent)";

    private final Runs runs;

    RunsDiffCommand(Runs runs) {
        super("runs diff", "Compare the configs of two runs", """
                runs diff ID ID
                  Every dotted key whose value differs, with both values; keys only one run has show (absent).""");
        this.runs = runs;
    }

    @Override
    String run(Input input) {
        Run left = runs.run(input.argument(0, "the first run id"));
        Run right = runs.run(input.argument(1, "the second run id"));
        Map<String, Object> a = left.config().leaves();
        Map<String, Object> b = right.config().leaves();
        Set<String> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        TextTable table = new TextTable("KEY", "RUN " + left.id(), "RUN " + right.id());
        int differences = 0;
        for (String key : keys) {
            if (!a.containsKey(key) || !b.containsKey(key) || !Objects.equals(a.get(key), b.get(key))) {
                table.row(key, show(a, key), show(b, key));
                differences++;
            }
        }
        return differences == 0 ? "the configs of runs " + left.id() + " and " + right.id() + " are equal\n"
                : table.render();
    }

    private static String show(Map<String, Object> values, String key) {
        return values.containsKey(key) ? Xyz.dumps(values.get(key)).strip() : ABSENT;
    }

}
