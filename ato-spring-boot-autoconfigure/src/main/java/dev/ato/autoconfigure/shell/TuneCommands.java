package dev.ato.autoconfigure.shell;

import org.jspecify.annotations.Nullable;

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
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;

import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code tune start|run|join}: tracked sampled searches (continuous spaces, TPE, Hyperband, BOHB, pruning) over the
 * application's {@link TuningTrial} bean, or its {@link HyperBandTrial} bean when there is no TuningTrial.
 */
class TuneCommands {

    private static final String GROUP = ScopeCommands.GROUP;

    private final HyperBandService service;
    private final ObjectProvider<TuningTrial> tuning;
    private final ObjectProvider<HyperBandTrial> plain;

    TuneCommands(HyperBandService service, ObjectProvider<TuningTrial> tuning, ObjectProvider<HyperBandTrial> plain) {
        this.service = service;
        this.tuning = tuning;
        this.plain = plain;
    }

    /** The options of a sampled search, as {@code tune start} and {@code tune run} declare them. */
    record Settings(String space, String scope, String sampler, String plan, String trials, String minBudget,
                    String maxBudget, String eta, String iterations, String pruner, String concurrency, String mode,
                    String seed) {
    }

    @Command(name = "tune start", group = GROUP, description = "Record a sampled search for workers to join",
            help = "Example: tune start --space domain.yaml --sampler tpe --trials 50")
    String start(@Option(longName = "space", description = "the domain (.yaml .json .toml .xyz): param_type,"
                         + " param_range, space_type (LINEAR or LOG), categories") String space,
                 @Option(longName = "scope", description = "the scope whose resolution is the base config"
                         + " (default: the first scope)") String scope,
                 @Option(longName = "sampler", description = "tpe, mtpe (multivariate TPE), random or bohb",
                         defaultValue = "tpe") String sampler,
                 @Option(longName = "plan", description = "trials, hyperband or sh", defaultValue = "trials")
                 String plan,
                 @Option(longName = "trials", description = "trials of a trials plan, configs of an sh plan",
                         defaultValue = "50") String trials,
                 @Option(longName = "min-budget", description = "smallest budget of hyperband/sh",
                         defaultValue = "1") String minBudget,
                 @Option(longName = "max-budget", description = "the full budget", defaultValue = "1")
                 String maxBudget,
                 @Option(longName = "eta", description = "reduction factor of hyperband/sh and of the sh pruner",
                         defaultValue = "3") String eta,
                 @Option(longName = "iterations", description = "times Hyperband's brackets run",
                         defaultValue = "1") String iterations,
                 @Option(longName = "pruner", description = "pruner of a trials plan: none, median or sh",
                         defaultValue = "none") String pruner,
                 @Option(longName = "concurrency", description = "trials open at once in a trials plan",
                         defaultValue = "1") String concurrency,
                 @Option(longName = "mode", description = "max or min", defaultValue = "max") String mode,
                 @Option(longName = "seed", description = "the seed", defaultValue = "0") String seed) {
        return "search " + record(new Settings(space, scope, sampler, plan, trials, minBudget, maxBudget, eta,
                iterations, pruner, concurrency, mode, seed));
    }

    @Command(name = "tune run", group = GROUP, description = "Record a sampled search and work on it", help = """
            Starts a search and runs its trials here with the application's TuningTrial bean (or its
            HyperBandTrial bean when there is no TuningTrial).
            Example: tune run --space domain.yaml --plan hyperband --max-budget 27""")
    String run(@Option(longName = "space", description = "the domain (.yaml .json .toml .xyz): param_type,"
                       + " param_range, space_type (LINEAR or LOG), categories") String space,
               @Option(longName = "scope", description = "the scope whose resolution is the base config"
                       + " (default: the first scope)") String scope,
               @Option(longName = "sampler", description = "tpe, mtpe (multivariate TPE), random or bohb",
                       defaultValue = "tpe") String sampler,
               @Option(longName = "plan", description = "trials, hyperband or sh", defaultValue = "trials")
               String plan,
               @Option(longName = "trials", description = "trials of a trials plan, configs of an sh plan",
                       defaultValue = "50") String trials,
               @Option(longName = "min-budget", description = "smallest budget of hyperband/sh",
                       defaultValue = "1") String minBudget,
               @Option(longName = "max-budget", description = "the full budget", defaultValue = "1")
               String maxBudget,
               @Option(longName = "eta", description = "reduction factor of hyperband/sh and of the sh pruner",
                       defaultValue = "3") String eta,
               @Option(longName = "iterations", description = "times Hyperband's brackets run",
                       defaultValue = "1") String iterations,
               @Option(longName = "pruner", description = "pruner of a trials plan: none, median or sh",
                       defaultValue = "none") String pruner,
               @Option(longName = "concurrency", description = "trials open at once in a trials plan",
                       defaultValue = "1") String concurrency,
               @Option(longName = "mode", description = "max or min", defaultValue = "max") String mode,
               @Option(longName = "seed", description = "the seed", defaultValue = "0") String seed) {
        String id = record(new Settings(space, scope, sampler, plan, trials, minBudget, maxBudget, eta, iterations,
                pruner, concurrency, mode, seed));
        return "search " + id + "\n" + result(service.tune(id, trial()));
    }

    @Command(name = "tune join", group = GROUP, description = "Work on a recorded sampled search", help = """
            Claims and runs trials of the search until it completes; any number of workers may join.
            Example: tune join 3""")
    String join(@Argument(index = 0, description = "the search id") @Nullable String searchId) {
        if (searchId == null || searchId.isEmpty()) {
            throw new AtoConfigException("tune join needs the SEARCH_ID ('hyperband list' shows the searches)");
        }
        return result(service.tune(searchId, trial()));
    }

    private String record(Settings input) {
        if (input.space() == null) {
            throw new AtoConfigException("tune needs --space FILE, a domain (param_type, param_range, space_type,"
                    + " categories)");
        }
        String scope = input.scope() != null ? input.scope() : service.defaultScope();
        double eta = number(input.eta(), "eta");
        int trials = (int) number(input.trials(), "trials");
        double minBudget = number(input.minBudget(), "min-budget");
        double maxBudget = number(input.maxBudget(), "max-budget");
        Sampler sampler = switch (choice(input.sampler(), "sampler", "tpe", "mtpe", "random", "bohb")) {
            case "mtpe" -> Samplers.tpe(true, 10, 24);
            case "random" -> Samplers.random();
            case "bohb" -> Samplers.bohb();
            default -> Samplers.tpe();
        };
        Pruner pruner = switch (choice(input.pruner(), "pruner", "none", "median", "sh")) {
            case "median" -> Pruner.median(5, 1);
            case "sh" -> Pruner.successiveHalving((long) minBudget, eta);
            default -> Pruner.none();
        };
        Plan plan = switch (choice(input.plan(), "plan", "trials", "hyperband", "sh")) {
            case "hyperband" -> Plan.hyperband(minBudget, maxBudget, eta, (int) number(input.iterations(),
                    "iterations"));
            case "sh" -> Plan.successiveHalving(trials, minBudget, maxBudget, eta);
            default -> Plan.trials(trials, maxBudget, pruner, (int) number(input.concurrency(), "concurrency"));
        };
        Tuner tuner = Tuner.builder(Domain.from(ADict.load(Path.of(input.space())))).sampler(sampler).plan(plan)
                .mode(Mode.valueOf(choice(input.mode(), "mode", "max", "min").toUpperCase(Locale.ROOT)))
                .seed((long) number(input.seed(), "seed")).build();
        return service.start(scope, tuner);
    }

    private static String result(TuningResult result) {
        return "best metric " + result.value() + " at budget " + result.budget() + " (" + result.trials().size()
                + " trials, budget spent " + result.budgetSpent() + ")\n"
                + Xyz.dumps(result.config()).stripTrailing();
    }

    private @Nullable TrialFunction trial() {
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

    private static double number(String text, String option) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException | NullPointerException e) {
            throw new AtoConfigException("--" + option + " needs a number, got '" + text + "'");
        }
    }

    private static String choice(String text, String option, String... allowed) {
        for (String value : allowed) {
            if (value.equalsIgnoreCase(text)) {
                return value;
            }
        }
        throw new AtoConfigException("--" + option + " is one of " + String.join(", ", allowed) + "; got '" + text
                + "'");
    }
}
