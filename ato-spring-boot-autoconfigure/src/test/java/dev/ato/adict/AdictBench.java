package dev.ato.adict;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * ADict speed: loading a 5,000-key nested YAML file, its structural hash and deep copy, and hash and copy at
 * 1k / 10k / 100k keys to show they grow linearly. Run with the jmh profile (docs/benchmarks.md).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class AdictBench {

    /** A nested config with {@code keys} leaves: groups of 10 sections of 10 leaves of mixed types. */
    static ADict tree(int keys) {
        ADict root = ADict.auto();
        for (int i = 0; i < keys; i++) {
            String path = "group" + (i / 100) + ".section" + (i / 10 % 10) + ".key" + (i % 10);
            Object value = switch (i % 5) {
                case 0 -> i;
                case 1 -> i * 0.5;
                case 2 -> "value" + i;
                case 3 -> i % 2 == 0;
                default -> List.of(i, i + 1);
            };
            root.set(path, value);
        }
        return root;
    }

    /** The 5,000-key YAML file. */
    @State(Scope.Benchmark)
    public static class YamlFile {
        Path file;
        ADict loaded;

        @Setup(Level.Trial)
        public void write() throws IOException {
            file = Files.createTempFile("adict-bench", ".yaml");
            tree(5_000).dump(file);
            loaded = ADict.load(file);
        }

        @TearDown(Level.Trial)
        public void delete() throws IOException {
            Files.deleteIfExists(file);
        }
    }

    /** A tree of a given number of keys. */
    @State(Scope.Benchmark)
    public static class Sized {
        @Param({"1000", "10000", "100000"})
        int keys;
        ADict tree;

        @Setup(Level.Trial)
        public void build() {
            tree = tree(keys);
        }
    }

    @Benchmark
    public ADict loadYaml5k(YamlFile state) {
        return ADict.load(state.file);
    }

    @Benchmark
    public String structuralHash5k(YamlFile state) {
        return state.loaded.structuralHash();
    }

    @Benchmark
    public ADict copy5k(YamlFile state) {
        return state.loaded.copy();
    }

    @Benchmark
    public String structuralHashBySize(Sized state) {
        return state.tree.structuralHash();
    }

    @Benchmark
    public ADict copyBySize(Sized state) {
        return state.tree.copy();
    }
}
