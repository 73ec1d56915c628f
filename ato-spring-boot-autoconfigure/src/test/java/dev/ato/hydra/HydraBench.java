package dev.ato.hydra;

import dev.ato.adict.ADict;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Composing the rcl config tree (conformance vectors) with three overrides: files read, merged, resolved. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class HydraBench {

    private static final List<String> OVERRIDES =
            List.of("run@_global_=teacher_rcl", "gradient_accumulation_steps=8", "max_steps=4");

    private static final List<String> FILES = List.of("train.yaml", "model/base.yaml", "model/qwen3_8b.yaml",
            "data/arc_atlas_rl.yaml", "trainer/base.yaml", "trainer/grpo.yaml",
            "trainer/reward/adaptive_teaching.yaml", "trainer/teacher_grpo.yaml", "run/teacher_rcl.yaml");

    private Path configDir;

    @Setup
    public void setUp() throws Exception {
        configDir = Path.of(HydraBench.class.getResource("/conformance/hydra/rcl/configs").toURI());
    }

    /** {@code Hydra.compose}: defaults list, 9 files read and merged, overrides, every interpolation resolved. */
    @Benchmark
    public ADict composeResolved() {
        return Hydra.compose(configDir, "train", OVERRIDES);
    }

    /** Baseline: only reading and parsing the 9 YAML files that the composition merges. */
    @Benchmark
    public int readYamlOnly() throws Exception {
        int keys = 0;
        for (String file : FILES) {
            keys += YamlConfigReader.read(Files.readString(configDir.resolve(file)), file).size();
        }
        return keys;
    }

    /** {@code Hydra.composition}: the same without interpolation. */
    @Benchmark
    public Composition composeUnresolved() {
        return Hydra.composition(configDir, "train", OVERRIDES);
    }
}
