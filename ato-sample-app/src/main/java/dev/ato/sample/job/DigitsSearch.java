package dev.ato.sample.job;

import dev.ato.AtoConfigException;
import dev.ato.Mode;
import dev.ato.adict.ADict;
import dev.ato.autoconfigure.AtoProperties;
import dev.ato.autoconfigure.hyperopt.HyperBandService;
import dev.ato.autoconfigure.scope.AtoScopes;
import dev.ato.hyperopt.HyperBand;
import dev.ato.hyperopt.HyperBandResult;
import dev.ato.hyperopt.Schedule;
import dev.ato.hyperopt.SearchRecord;
import dev.ato.hyperopt.SearchSpace;
import dev.ato.sample.config.DigitsJob;
import dev.ato.sample.config.TrainProperties;
import dev.ato.scope.ExternalProperty;
import dev.ato.scope.MultiScope;
import dev.ato.scope.Scope;
import org.springframework.stereotype.Component;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * HyperBand over learning rate × optimiser × minibatch size, tracked in the database so that other processes
 * ({@code search --worker}) can share the work. The search's base is the three scopes' resolution of the command
 * line; every trial resolves the scopes again with its config as input, so the lazy view
 * {@code train.epochs_from_generation} grants it epochs by its generation ({@code __num_halved__}).
 */
@Component
public class DigitsSearch {

    /** Where the values of a trial's config come from, as {@code why} and the manual show it. */
    static final String TRIAL_SOURCE = "search trial";

    private final AtoScopes scopes;
    private final HyperBandService service;
    private final String project;

    DigitsSearch(AtoScopes scopes, HyperBandService service, AtoProperties properties) {
        this.scopes = scopes;
        this.service = service;
        this.project = properties.getProject();
    }

    /** Starts a search of the scopes resolved from {@code args}, works on it until it completes, and returns it. */
    public SearchOutcome run(List<String> args, PrintWriter out) {
        DigitsJob job = DigitsJob.of(scopes.resolve(args));
        TrainProperties.Search settings = job.train().search();
        HyperBand search = new HyperBand(space(settings), settings.halvingRate(), settings.minSamples(), Mode.MAX);
        ADict base = job.config().copy();
        base.remove(DigitsJob.TRAIN + ".epochs"); // a trial's epochs come from its generation
        SearchTrial trial = new SearchTrial(this, out);
        trial.check(search.space().grid(base));
        String id = service.searches().start(project, search, Schedule.SYNCHRONOUS, base);
        out.printf("search %s in project '%s': %d configs (%s), HyperBand generations of %s configs, then the best"
                        + " once more%n", id, project, search.space().size(), gridShape(settings),
                generationSizes(search));
        out.printf("other processes can join: java -jar ato-sample-app.jar search --worker --id %s%n", id);
        out.flush();
        return finish(id, service.searches().work(id, trial), out);
    }

    /** Joins the search {@code id}, or the project's newest running search when {@code id} is {@code null}. */
    public SearchOutcome join(String id, PrintWriter out) {
        String searchId = id != null ? id : newestRunning().orElseThrow(() -> new AtoConfigException(
                "no running search in project '" + project + "' to join; start one with 'search', or name one with"
                        + " --id (searches: 'hyperband list')"));
        out.printf("joining search %s in project '%s'%n", searchId, project);
        out.flush();
        return finish(searchId, service.searches().work(searchId, new SearchTrial(this, out)), out);
    }

    /** The job a trial config stands for: the scopes resolved with the trial's values as input, then lazy views. */
    DigitsJob trialJob(ADict trialConfig) {
        Map<String, List<ExternalProperty>> input = new LinkedHashMap<>();
        for (String scope : scopes.names()) {
            List<ExternalProperty> values = new ArrayList<>();
            if (trialConfig.contains(scope)) {
                leaves("", trialConfig.child(scope), values);
            }
            input.put(scope, values);
        }
        input.get(DigitsJob.TRAIN).add(new ExternalProperty(HyperBand.NUM_HALVED,
                trialConfig.getInt(HyperBand.NUM_HALVED), TRIAL_SOURCE));
        MultiScope multiScope = new MultiScope(scopes.scopes().toArray(Scope[]::new));
        return DigitsJob.of(multiScope.resolve(List.of(), input));
    }

    private static void leaves(String prefix, ADict config, List<ExternalProperty> out) {
        config.forEach((key, value) -> {
            if (value instanceof ADict child) {
                leaves(prefix + key + ".", child, out);
            } else {
                out.add(new ExternalProperty(prefix + key, value, TRIAL_SOURCE));
            }
        });
    }

    private Optional<String> newestRunning() {
        List<SearchRecord> running = service.searches().list(project).stream()
                .filter(s -> s.status().equals("running")).toList();
        return running.isEmpty() ? Optional.empty() : Optional.of(running.get(running.size() - 1).id());
    }

    private SearchOutcome finish(String id, HyperBandResult result, PrintWriter out) {
        SearchRecord record = service.searches().find(id).orElseThrow();
        ADict best = result.config();
        SearchOutcome outcome = new SearchOutcome(id, record.bestRunId() == null ? -1 : record.bestRunId(),
                best.getDouble(DigitsJob.TRAIN + ".lr"), best.getString(DigitsJob.TRAIN + ".optimiser"),
                best.getInt(DigitsJob.TRAIN + ".minibatch_size"), result.metric());
        out.printf("best: lr %s, optimiser %s, minibatch_size %d -> validation accuracy %.4f (run %d)%n",
                outcome.lr(), outcome.optimiser(), outcome.minibatchSize(), outcome.validationAccuracy(),
                outcome.bestRunId());
        out.flush();
        return outcome;
    }

    private static SearchSpace space(TrainProperties.Search settings) {
        return SearchSpace.builder()
                .categories(DigitsJob.TRAIN + ".lr", settings.lr())
                .categories(DigitsJob.TRAIN + ".optimiser", settings.optimiser())
                .categories(DigitsJob.TRAIN + ".minibatch_size", settings.minibatchSize())
                .build();
    }

    private static String gridShape(TrainProperties.Search settings) {
        return settings.lr().size() + " lr x " + settings.optimiser().size() + " optimiser x "
                + settings.minibatchSize().size() + " minibatch_size";
    }

    /** The sizes of the generations HyperBand evaluates, as its halving rule schedules them. */
    private static String generationSizes(HyperBand search) {
        return String.join(", ", search.halving().generationSizes(search.space().size()).stream()
                .map(String::valueOf).toList());
    }

    /**
     * What a search found.
     *
     * @param searchId           the search's id
     * @param bestRunId          the tracker run of the best config's final evaluation
     * @param lr                 the best learning rate
     * @param optimiser          the best optimiser
     * @param minibatchSize      the best minibatch size
     * @param validationAccuracy its validation accuracy in the final evaluation
     */
    public record SearchOutcome(String searchId, long bestRunId, double lr, String optimiser, int minibatchSize,
                                double validationAccuracy) {
    }
}
