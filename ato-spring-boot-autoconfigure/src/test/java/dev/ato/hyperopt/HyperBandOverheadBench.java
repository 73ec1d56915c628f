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
 * Framework overhead per trial: whole searches of 255 trials (a 128-config grid halved down to 2, plus the final
 * re-evaluation) whose objective does nothing, so every millisecond is Ato's. {@code trackedSqlite} claims each
 * trial, records it as a tracker run with its metric in a SQLite file, and moves the search on; {@code inProcess}
 * is the untracked {@link HyperBand#run}. Scores are per trial; the median is JMH's {@code p(50)} over the
 * measured searches. Run: {@code ./mvnw -B -o -pl ato-spring-boot-autoconfigure -Pjmh test-compile exec:exec
 * -Djmh.args="-f 1 .*HyperBandOverheadBench.*"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 15)
public class HyperBandOverheadBench {

    private static final int TRIALS = 128 + 64 + 32 + 16 + 8 + 4 + 2 + 1;
    private static final SearchSpace SPACE = SearchSpace.builder().integers("x", 0, 127, 128).build();
    private static final ADict BASE = ADict.of(java.util.Map.of("model", "resnet", "epochs", 10));

    private Path dir;
    private Searches searches;
    private HyperBand hyperBand;

    @Setup(Level.Trial)
    public void open() throws IOException {
        dir = Files.createTempDirectory("hyperband-bench");
        searches = Searches.open("jdbc:sqlite:" + dir.resolve("experiments.db"));
        hyperBand = new HyperBand(SPACE, 0.5, 2, dev.ato.Mode.MAX);
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
    @OperationsPerInvocation(TRIALS)
    public HyperBandResult trackedSqlite() {
        return searches.run("bench", hyperBand, Schedule.SYNCHRONOUS, BASE, config -> config.getInt("x"));
    }

    @Benchmark
    @OperationsPerInvocation(TRIALS)
    public HyperBandResult inProcess() {
        return hyperBand.run(BASE, config -> config.getInt("x"));
    }
}
