package dev.ato.hyperopt;

import dev.ato.adict.ADict;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Framework overhead per trial of sampled searches, tracked in a SQLite file, with an objective that does nothing:
 * {@code hyperbandRandom} is Hyperband from budget 1 to 81 (eta 3, 5 brackets, 206 trials) with random sampling;
 * {@code trialsMedianPruner} is 100 trials reporting 10 steps each to a median pruner (every report a tracker
 * metric, every {@code shouldStop} a pruner decision over the other trials' reports); {@code hyperbandBohb} adds
 * BOHB's model to the first. Each trial claims a row, runs as a tracker run, records its result and plans the next
 * step in one transaction. Scores are per trial. Run: {@code ./mvnw -B -o -pl ato-spring-boot-autoconfigure -Pjmh
 * test-compile exec:exec -Djmh.args="-f 1 .*TunerOverheadBench.*"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 8)
public class TunerOverheadBench {

    private static final int HYPERBAND_TRIALS = 206;
    private static final Domain DOMAIN = Domain.builder().logFloats("lr", 1e-4, 1).floats("momentum", 0, 0.99)
            .logIntegers("batch", 16, 512).choice("opt", java.util.List.of("sgd", "adam")).build();
    private static final ADict BASE = ADict.of(java.util.Map.of("model", "resnet", "epochs", 10));

    private Path dir;
    private Searches searches;
    private long seed;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("tuner-bench");
        searches = Searches.open("jdbc:sqlite:" + dir.resolve("experiments.db"));
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        searches.close();
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    @Benchmark
    @OperationsPerInvocation(HYPERBAND_TRIALS)
    public TuningResult hyperbandRandom() {
        Tuner tuner = Tuner.builder(DOMAIN).sampler(Samplers.random()).plan(Plan.hyperband(1, 81, 3))
                .seed(seed++).build();
        return searches.tune("bench", tuner, BASE, t -> t.config().getDouble("lr"));
    }

    @Benchmark
    @OperationsPerInvocation(HYPERBAND_TRIALS)
    public TuningResult hyperbandBohb() {
        Tuner tuner = Tuner.builder(DOMAIN).sampler(Samplers.bohb()).plan(Plan.hyperband(1, 81, 3))
                .seed(seed++).build();
        return searches.tune("bench", tuner, BASE, t -> t.config().getDouble("lr"));
    }

    @Benchmark
    @OperationsPerInvocation(100)
    public TuningResult trialsMedianPruner() {
        Tuner tuner = Tuner.builder(DOMAIN).sampler(Samplers.random()).plan(Plan.trials(100, 10, Pruner.median(5, 1)))
                .seed(seed++).build();
        return searches.tune("bench", tuner, BASE, t -> {
            double value = 0;
            for (int step = 1; step <= 10; step++) {
                value = t.config().getDouble("lr") + 1.0 / step;
                t.report(step, value);
                if (t.shouldStop()) {
                    break;
                }
            }
            return value;
        });
    }
}
