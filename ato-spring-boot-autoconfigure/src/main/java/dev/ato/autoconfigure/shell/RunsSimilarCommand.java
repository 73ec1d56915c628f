package dev.ato.autoconfigure.shell;

import dev.ato.tracker.Run;

import java.util.List;

/** {@code runs similar ID [--trace TRACE_ID]}: runs with the same config structure, or the same code fingerprint. */
final class RunsSimilarCommand extends AtoCommand {

    private final Runs runs;

    RunsSimilarCommand(Runs runs) {
        super("runs similar", "Find runs with the same structure or code", """
                runs similar ID [--trace TRACE_ID] [--trace-type static|runtime]
                  Without --trace: runs of the project with the same structural hash.
                  With --trace: runs that recorded the same fingerprint for that trace.""",
                option("trace", "a trace id (@AtoTrace)", null), option("trace-type", "static or runtime", "static"));
        this.runs = runs;
    }

    @Override
    String run(Input input) {
        Run run = runs.run(input.argument(0, "the run id"));
        String trace = input.option("trace");
        List<Run> similar = trace == null ? runs.finder().findSimilarRuns(run.id())
                : runs.finder().findSimilarRunsByTrace(run.id(), trace, input.option("trace-type"));
        return Runs.table(similar);
    }
}
