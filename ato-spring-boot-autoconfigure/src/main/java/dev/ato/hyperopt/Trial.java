package dev.ato.hyperopt;

import dev.ato.Mode;
import dev.ato.adict.ADict;

import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.Supplier;

/**
 * One running trial of a sampled search: its config, its budget, and the way to report intermediate values and ask
 * whether to stop. In a tracked search every report is a tracker metric ({@code report}, at its step) of the
 * trial's run, and a trial that stopped because {@link #shouldStop()} said so ends as a run with status
 * {@code pruned}.
 */
public final class Trial {

    /** The key of a trial's reports in its tracker run. */
    public static final String REPORT_KEY = "report";

    private final int number;
    private final ADict config;
    private final double budget;
    private final Pruner pruner;
    private final Mode mode;
    private final Supplier<List<Pruner.Reports>> others;
    private final Reporter reporter;
    private final NavigableMap<Long, Double> reports = new ConcurrentSkipListMap<>();
    private volatile boolean pruned;

    /** Where reports go besides the trial (a tracker run). */
    @FunctionalInterface
    interface Reporter {
        void report(long step, double value);
    }

    Trial(int number, ADict config, double budget, Pruner pruner, Mode mode, Supplier<List<Pruner.Reports>> others,
            Reporter reporter) {
        this.number = number;
        this.config = config;
        this.budget = budget;
        this.pruner = pruner;
        this.mode = mode;
        this.others = others;
        this.reporter = reporter;
    }

    /** The trial's number in its search (a config promoted to a larger budget keeps its number). */
    public int number() {
        return number;
    }

    /** The config to run: the base, the sampled parameter values and the bookkeeping keys. A copy. */
    public ADict config() {
        return config.copy();
    }

    /** The budget to spend (epochs, steps...): the plan's value for this trial. */
    public double budget() {
        return budget;
    }

    /** Records an intermediate value at a step (an epoch, say); a later report at the same step replaces it. */
    public void report(long step, double value) {
        reports.put(step, value);
        reporter.report(step, value);
    }

    /** Whether the pruner asks this trial to stop now, judging its latest report; once true, stays true. */
    public boolean shouldStop() {
        if (!pruned && !reports.isEmpty()) {
            pruned = pruner.prune(Collections.unmodifiableNavigableMap(reports), others.get(), mode);
        }
        return pruned;
    }

    /** Whether {@link #shouldStop()} said stop. */
    public boolean isPruned() {
        return pruned;
    }

    /** The reports so far, step to value. */
    public NavigableMap<Long, Double> reports() {
        return Collections.unmodifiableNavigableMap(reports);
    }

    /** The last step reported, or 0. */
    long lastStep() {
        return reports.isEmpty() ? 0 : reports.lastKey();
    }
}
