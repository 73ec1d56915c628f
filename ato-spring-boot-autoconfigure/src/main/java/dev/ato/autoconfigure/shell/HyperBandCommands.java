package dev.ato.autoconfigure.shell;

import org.jspecify.annotations.Nullable;

import dev.ato.AtoConfigException;
import dev.ato.Mode;
import dev.ato.adict.ADict;
import dev.ato.autoconfigure.hyperopt.HyperBandService;
import dev.ato.autoconfigure.hyperopt.HyperBandTrial;
import dev.ato.format.Xyz;
import dev.ato.hyperopt.HyperBand;
import dev.ato.hyperopt.HyperBandResult;
import dev.ato.hyperopt.Schedule;
import dev.ato.hyperopt.SearchSpace;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;

import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code hyperband start|run|join|list}: tracked HyperBand searches over the application's {@link HyperBandTrial}
 * bean, with a search space file in Python ato's format ({@code lr: {param_type: FLOAT, param_range: [..], ...}}).
 */
class HyperBandCommands {

    private static final String GROUP = ScopeCommands.GROUP;

    private final HyperBandService service;
    private final ObjectProvider<HyperBandTrial> trial;

    HyperBandCommands(HyperBandService service, ObjectProvider<HyperBandTrial> trial) {
        this.service = service;
        this.trial = trial;
    }

    @Command(name = "hyperband start", group = GROUP, description = "Record a HyperBand search for workers to join",
            help = "Example: hyperband start --space space.yaml --mode max")
    String start(@Option(longName = "space", description = "the search space file (.yaml .json .toml .xyz)")
                 String space,
                 @Option(longName = "scope", description = "the scope whose resolution is the base config"
                         + " (default: the first scope)") String scope,
                 @Option(longName = "halving-rate", description = "fraction kept per generation",
                         defaultValue = "0.5") String halvingRate,
                 @Option(longName = "min-samples", description = "configs in the last generation",
                         defaultValue = "1") String minSamples,
                 @Option(longName = "mode", description = "max or min", defaultValue = "max") String mode,
                 @Option(longName = "schedule", description = "synchronous or asynchronous",
                         defaultValue = "synchronous") String schedule) {
        return "search " + record(space, scope, halvingRate, minSamples, mode, schedule);
    }

    @Command(name = "hyperband run", group = GROUP, description = "Record a HyperBand search and work on it", help = """
            Starts a search and runs its trials here with the application's HyperBandTrial bean.
            Example: hyperband run --space space.yaml""")
    String run(@Option(longName = "space", description = "the search space file (.yaml .json .toml .xyz)")
               String space,
               @Option(longName = "scope", description = "the scope whose resolution is the base config"
                       + " (default: the first scope)") String scope,
               @Option(longName = "halving-rate", description = "fraction kept per generation",
                       defaultValue = "0.5") String halvingRate,
               @Option(longName = "min-samples", description = "configs in the last generation",
                       defaultValue = "1") String minSamples,
               @Option(longName = "mode", description = "max or min", defaultValue = "max") String mode,
               @Option(longName = "schedule", description = "synchronous or asynchronous",
                       defaultValue = "synchronous") String schedule) {
        String id = record(space, scope, halvingRate, minSamples, mode, schedule);
        return "search " + id + "\n" + result(service.work(id, trial()));
    }

    @Command(name = "hyperband join", group = GROUP, description = "Work on a recorded HyperBand search", help = """
            Claims and runs trials of the search with the application's HyperBandTrial bean until the search
            completes; any number of workers may join.
            Example: hyperband join 3""")
    String join(@Argument(index = 0, description = "the search id") @Nullable String searchId) {
        if (searchId == null || searchId.isEmpty()) {
            throw new AtoConfigException("hyperband join needs the SEARCH_ID ('hyperband list' shows them)");
        }
        return result(service.work(searchId, trial()));
    }

    @Command(name = "hyperband list", group = GROUP, description = "List the HyperBand searches of a project",
            help = "Example: hyperband list --project digits")
    String list(@Option(longName = "project", description = "the project (ato.project)",
                        defaultValue = Runs.PROJECT) String project) {
        TextTable table = new TextTable("SEARCH", "STATUS", "GENERATION", "BEST RUN", "BEST METRIC");
        service.searches().list(project).forEach(s -> table.row(s.id(), s.status(), s.generation(), s.bestRunId(),
                s.bestMetric()));
        return table.render().stripTrailing();
    }

    private String record(@Nullable String space, String scope, String halvingRate, String minSamples, String mode,
                          String schedule) {
        if (space == null) {
            throw new AtoConfigException("hyperband needs --space FILE, a search space in Python ato's format");
        }
        HyperBand hyperBand = new HyperBand(SearchSpace.from(ADict.load(Path.of(space))),
                number(halvingRate, "--halving-rate"), (int) number(minSamples, "--min-samples"),
                Mode.valueOf(choice(mode, "--mode", "max", "min")));
        return service.start(scope != null ? scope : service.defaultScope(), hyperBand,
                Schedule.valueOf(choice(schedule, "--schedule", "synchronous", "asynchronous")));
    }

    private static String result(HyperBandResult result) {
        return "best metric " + result.metric() + "\n" + Xyz.dumps(result.config()).stripTrailing();
    }

    private @Nullable HyperBandTrial trial() {
        HyperBandTrial found = trial.getIfUnique();
        if (found == null) {
            throw new AtoConfigException("hyperband needs exactly one bean of type HyperBandTrial (the function that"
                    + " trains one config and returns its metric); the application defines "
                    + trial.stream().count());
        }
        return found;
    }

    private static double number(String text, String option) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new AtoConfigException(option + " needs a number, got '" + text + "'");
        }
    }

    private static String choice(String text, String option, String... allowed) {
        for (String value : allowed) {
            if (value.equalsIgnoreCase(text)) {
                return value.toUpperCase(Locale.ROOT);
            }
        }
        throw new AtoConfigException(option + " is one of " + String.join(", ", allowed) + "; got '" + text + "'");
    }
}
