package dev.ato.autoconfigure.hyperopt;

import dev.ato.adict.ADict;
import dev.ato.autoconfigure.scope.AtoScopes;
import dev.ato.hyperopt.HyperBand;
import dev.ato.hyperopt.HyperBandResult;
import dev.ato.hyperopt.Schedule;
import dev.ato.hyperopt.Searches;
import dev.ato.hyperopt.TrialFunction;
import dev.ato.hyperopt.Tuner;
import dev.ato.hyperopt.TuningResult;
import org.springframework.beans.factory.ObjectProvider;

import java.util.function.ToDoubleFunction;

/**
 * HyperBand searches whose base config is the application's own resolution of a scope (its views, external
 * properties and command line), so a trial sees exactly what the application would run with, plus the grid point.
 * {@link #run} searches in this thread without tracking; {@link #start} / {@link #work} record the search in the
 * tracker's database so that workers in other processes and machines can join it. The same holds for sampled
 * searches ({@link Tuner}: continuous spaces, TPE, Hyperband brackets, BOHB, pruning): {@link #run(String, Tuner,
 * TrialFunction)}, {@link #start(String, Tuner)} and {@link #tune}.
 */
public final class HyperBandService {

    private final AtoScopes scopes;
    private final ObjectProvider<Searches> searches;
    private final String project;

    public HyperBandService(AtoScopes scopes, ObjectProvider<Searches> searches, String project) {
        this.scopes = scopes;
        this.searches = searches;
        this.project = project;
    }

    /** The scope searches use when none is named: the application's first scope. */
    public String defaultScope() {
        return scopes.names().get(0);
    }

    /** The base config of a search: a mutable copy of the start-up resolution of {@code scope}. */
    public ADict base(String scope) {
        return scopes.resolution(scope).config().copy();
    }

    /** Searches in this thread, untracked; each trial gets the base of {@code scope} merged with a grid point. */
    public HyperBandResult run(String scope, HyperBand hyperBand, ToDoubleFunction<ADict> trial) {
        return hyperBand.run(base(scope), trial);
    }

    /** Records a search of {@code scope} in project {@code ato.project}; returns its id for {@link #work}. */
    public String start(String scope, HyperBand hyperBand, Schedule schedule) {
        return searches.getObject().start(project, hyperBand, schedule, base(scope));
    }

    /** Joins a recorded search and works on it until it completes; safe from any number of threads and processes. */
    public HyperBandResult work(String searchId, ToDoubleFunction<ADict> trial) {
        return searches.getObject().work(searchId, trial);
    }

    /** A sampled search in this thread, untracked; each trial gets the base of {@code scope} and its values. */
    public TuningResult run(String scope, Tuner tuner, TrialFunction trial) {
        return tuner.run(base(scope), trial);
    }

    /** Records a sampled search of {@code scope} in project {@code ato.project}; returns its id for {@link #tune}. */
    public String start(String scope, Tuner tuner) {
        return searches.getObject().start(project, tuner, base(scope));
    }

    /** Joins a recorded sampled search and works on it until it completes; safe from any number of workers. */
    public TuningResult tune(String searchId, TrialFunction trial) {
        return searches.getObject().tune(searchId, trial);
    }

    /** The tracked searches, for listing and results. */
    public Searches searches() {
        return searches.getObject();
    }
}
