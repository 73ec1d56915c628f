package dev.ato.autoconfigure.shell;

import dev.ato.AtoConfigException;
import dev.ato.Mode;
import dev.ato.adict.ADict;
import dev.ato.autoconfigure.hyperopt.HyperBandService;
import dev.ato.autoconfigure.hyperopt.HyperBandTrial;
import dev.ato.autoconfigure.hyperopt.TuningTrial;
import dev.ato.format.Xyz;
import dev.ato.hyperopt.Domain;
import dev.ato.hyperopt.Plan;
import dev.ato.hyperopt.Pruner;
import dev.ato.hyperopt.Sampler;
import dev.ato.hyperopt.Samplers;
import dev.ato.hyperopt.TrialFunction;
import dev.ato.hyperopt.Tuner;
import dev.ato.hyperopt.TuningResult;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.core.command.CommandOption;

import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code tune start|run|join}: tracked sampled searches (continuous spaces, TPE, Hyperband, BOHB, pruning) over the
 * application's {@link TuningTrial} bean, or its {@link HyperBandTrial} bean when there is no TuningTrial.
 */
final class TuneCommands {

    private static final String OPTIONS = """
              --space FILE          the domain (.yaml .json .toml .xyz): param_type, param_range, space_type
                                    (LINEAR or LOG), categories; a range without num_samples is continuous
              --scope NAME          the scope whose resolution is the base config (default: the first scope)
              --sampler tpe|mtpe|random|bohb   (default tpe; mtpe is multivariate TPE)
              --plan trials|hyperband|sh       (default trials)
              --trials N            trials of a trials plan, configs of an sh plan (default 50)
              --min-budget B        smallest budget of hyperband/sh (default 1)
              --max-budget B        the full budget (default 1)
              --eta E               reduction factor of hyperband/sh and of the sh pruner (default 3)
              --iterations N        times Hyperband's brackets run (default 1)
              --pruner none|median|sh          pruner of a trials plan (default none)
              --concurrency N       trials open at once in a trials plan (default 1)
              --mode max|min        whether a higher metric is better (default max)
              --seed N              the seed (default 0)""";

    private TuneCommands() {
    }

    static AtoCommand startCommand(HyperBandService service) {
        return new AtoCommand("tune start", "Record a sampled search for workers to join", """
                tune start --space FILE [options]
                """ + OPTIONS, options()) {
            @Override
            String run(Input input) {
                return "search " + start(service, input) + "\n";
            }
        };
    }

    static AtoCommand runCommand(HyperBandService service, ObjectProvider<TuningTrial> tuning,
            ObjectProvider<HyperBandTrial> plain) {
        return new AtoCommand("tune run", "Record a sampled search and work on it", """
                tune run --space FILE [options]
                  Starts a search and runs its trials here with the application's TuningTrial bean.
                """ + OPTIONS, options()) {
            @Override
            String run(Input input) {
                String id = start(service, input);
                return "search " + id + "\n" + result(service.tune(id, trial(tuning, plain)));
            }
        };
    }

    static AtoCommand joinCommand(HyperBandService service, ObjectProvider<TuningTrial> tuning,
            ObjectProvider<HyperBandTrial> plain) {
        return new AtoCommand("tune join", "Work on a recorded sampled search", """
                tune join SEARCH_ID
                  Claims and runs trials of the search until it completes; any number of workers may join.""") {
            @Override
            String run(Input input) {
                return result(service.tune(input.argument(0, "the search id"), trial(tuning, plain)));
            }
        };
    }

    private static CommandOption[] options() {
        return new CommandOption[] {
            AtoCommand.option("space", "domain file", null), AtoCommand.option("scope", "scope", null),
            AtoCommand.option("sampler", "tpe, mtpe, random or bohb", "tpe"),
            AtoCommand.option("plan", "trials, hyperband or sh", "trials"),
            AtoCommand.option("trials", "number of trials", "50"),
            AtoCommand.option("min-budget", "smallest budget", "1"),
            AtoCommand.option("max-budget", "full budget", "1"),
            AtoCommand.option("eta", "reduction factor", "3"),
            AtoCommand.option("iterations", "Hyperband iterations", "1"),
            AtoCommand.option("pruner", "none, median or sh", "none"),
            AtoCommand.option("concurrency", "open trials", "1"),
            AtoCommand.option("mode", "max or min", "max"),
            AtoCommand.option("seed", "seed", "0")};
    }

    private static String start(HyperBandService service, AtoCommand.Input input) {
        String space = input.option("space");
        if (space == null) {
            throw new AtoConfigException("tune needs --space FILE, a domain (param_type, param_range, space_type,"
                    + " categories)");
        }
        String scope = input.option("scope") != null ? input.option("scope") : service.defaultScope();
        double eta = number(input, "eta");
        int trials = (int) number(input, "trials");
        double minBudget = number(input, "min-budget");
        double maxBudget = number(input, "max-budget");
        Sampler sampler = switch (choice(input, "sampler", "tpe", "mtpe", "random", "bohb")) {
            case "mtpe" -> Samplers.tpe(true, 10, 24);
            case "random" -> Samplers.random();
            case "bohb" -> Samplers.bohb();
            default -> Samplers.tpe();
        };
        Pruner pruner = switch (choice(input, "pruner", "none", "median", "sh")) {
            case "median" -> Pruner.median(5, 1);
            case "sh" -> Pruner.successiveHalving((long) minBudget, eta);
            default -> Pruner.none();
        };
        Plan plan = switch (choice(input, "plan", "trials", "hyperband", "sh")) {
            case "hyperband" -> Plan.hyperband(minBudget, maxBudget, eta, (int) number(input, "iterations"));
            case "sh" -> Plan.successiveHalving(trials, minBudget, maxBudget, eta);
            default -> Plan.trials(trials, maxBudget, pruner, (int) number(input, "concurrency"));
        };
        Tuner tuner = Tuner.builder(Domain.from(ADict.load(Path.of(space)))).sampler(sampler).plan(plan)
                .mode(Mode.valueOf(choice(input, "mode", "max", "min").toUpperCase(Locale.ROOT)))
                .seed((long) number(input, "seed")).build();
        return service.start(scope, tuner);
    }

    private static String result(TuningResult result) {
        return "best metric " + result.value() + " at budget " + result.budget() + " (" + result.trials().size()
                + " trials, budget spent " + result.budgetSpent() + ")\n"
                + Xyz.dumps(result.config()).stripTrailing() + "\n";
    }

    private static TrialFunction trial(ObjectProvider<TuningTrial> tuning, ObjectProvider<HyperBandTrial> plain) {
        TuningTrial found = tuning.getIfUnique();
        if (found != null) {
            return found;
        }
        HyperBandTrial fallback = plain.getIfUnique();
        if (fallback == null) {
            throw new AtoConfigException("tune needs exactly one bean of type TuningTrial (or HyperBandTrial): the"
                    + " function that trains one config for its budget and returns its metric");
        }
        return trial -> fallback.applyAsDouble(trial.config());
    }

    private static double number(AtoCommand.Input input, String option) {
        String text = input.option(option);
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException | NullPointerException e) {
            throw new AtoConfigException("--" + option + " needs a number, got '" + text + "'");
        }
    }

    private static String choice(AtoCommand.Input input, String option, String... allowed) {
        String text = input.option(option);
        for (String value : allowed) {
            if (value.equalsIgnoreCase(text)) {
                return value;
            }
        }
        throw new AtoConfigException("--" + option + " is one of " + String.join(", ", allowed) + "; got '" + text
                + "'");
    }
}
