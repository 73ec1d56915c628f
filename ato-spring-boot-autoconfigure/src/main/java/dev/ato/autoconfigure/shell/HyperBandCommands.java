package dev.ato.autoconfigure.shell;

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
import org.springframework.shell.core.command.CommandOption;

import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code hyperband start|run|join|list}: tracked HyperBand searches over the application's {@link HyperBandTrial}
 * bean, with a search space file in Python ato's format ({@code lr: {param_type: FLOAT, param_range: [..], ...}}).
 */
final class HyperBandCommands {

    private static final String SEARCH_OPTIONS = """
              --space FILE        the search space (.yaml .json .toml .xyz), Python ato's description
              --scope NAME        the scope whose resolution is the base config (default: the first scope)
              --halving-rate R    fraction kept per generation (default 0.5)
              --min-samples N     configs in the last generation (default 1)
              --mode max|min      whether a higher metric is better (default max)
              --schedule synchronous|asynchronous   (default synchronous)""";

    private HyperBandCommands() {
    }

    static AtoCommand startCommand(HyperBandService service) {
        return new AtoCommand("hyperband start", "Record a HyperBand search for workers to join", """
                hyperband start --space FILE [options]
                """ + SEARCH_OPTIONS, searchOptions()) {
            @Override
            String run(Input input) {
                return "search " + start(service, input) + "\n";
            }
        };
    }

    static AtoCommand runCommand(HyperBandService service, ObjectProvider<HyperBandTrial> trial) {
        return new AtoCommand("hyperband run", "Record a HyperBand search and work on it", """
                hyperband run --space FILE [options]
                  Starts a search and runs its trials here with the application's HyperBandTrial bean.
                """ + SEARCH_OPTIONS, searchOptions()) {
            @Override
            String run(Input input) {
                String id = start(service, input);
                return "search " + id + "\n" + result(service.work(id, trial(trial)));
            }
        };
    }

    static AtoCommand joinCommand(HyperBandService service, ObjectProvider<HyperBandTrial> trial) {
        return new AtoCommand("hyperband join", "Work on a recorded HyperBand search", """
                hyperband join SEARCH_ID
                  Claims and runs trials of the search with the application's HyperBandTrial bean until
                  the search completes; any number of workers may join.""") {
            @Override
            String run(Input input) {
                return result(service.work(input.argument(0, "the search id"), trial(trial)));
            }
        };
    }

    static AtoCommand listCommand(HyperBandService service, String project) {
        return new AtoCommand("hyperband list", "List the HyperBand searches of a project", """
                hyperband list [--project NAME]""", AtoCommand.option("project", "the project", project)) {
            @Override
            String run(Input input) {
                TextTable table = new TextTable("SEARCH", "STATUS", "GENERATION", "BEST RUN", "BEST METRIC");
                service.searches().list(input.option("project")).forEach(s -> table.row(s.id(), s.status(),
                        s.generation(), s.bestRunId(), s.bestMetric()));
                return table.render();
            }
        };
    }

    private static CommandOption[] searchOptions() {
        return new CommandOption[] {
            AtoCommand.option("space", "search space file", null), AtoCommand.option("scope", "scope", null),
            AtoCommand.option("halving-rate", "fraction kept", "0.5"),
            AtoCommand.option("min-samples", "configs in the last generation", "1"),
            AtoCommand.option("mode", "max or min", "max"),
            AtoCommand.option("schedule", "synchronous or asynchronous", "synchronous")};
    }

    private static String start(HyperBandService service, AtoCommand.Input input) {
        String space = input.option("space");
        if (space == null) {
            throw new AtoConfigException("hyperband needs --space FILE, a search space in Python ato's format");
        }
        String scope = input.option("scope") != null ? input.option("scope") : service.defaultScope();
        HyperBand hyperBand = new HyperBand(SearchSpace.from(ADict.load(Path.of(space))),
                number(input.option("halving-rate"), "--halving-rate"),
                (int) number(input.option("min-samples"), "--min-samples"),
                Mode.valueOf(choice(input.option("mode"), "--mode", "max", "min")));
        return service.start(scope, hyperBand,
                Schedule.valueOf(choice(input.option("schedule"), "--schedule", "synchronous", "asynchronous")));
    }

    private static String result(HyperBandResult result) {
        return "best metric " + result.metric() + "\n" + Xyz.dumps(result.config()).stripTrailing() + "\n";
    }

    private static HyperBandTrial trial(ObjectProvider<HyperBandTrial> trial) {
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
