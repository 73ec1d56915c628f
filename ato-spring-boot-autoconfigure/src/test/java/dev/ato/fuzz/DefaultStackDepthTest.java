package dev.ato.fuzz;

import dev.ato.adict.ADict;
import dev.ato.adict.Limits;
import dev.ato.cli.CliParser;
import dev.ato.format.Xyz;
import dev.ato.hydra.Hydra;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nesting-depth checks of the loaders and the {@code ADict} walks are recursive with a counter, so the deepest
 * {@code ato.limits.max-depth} a thread can walk depends on its stack. {@link Limits#DEFAULT_STACK_MAX_DEPTH} is the
 * bound start-up enforces for the default 1 MiB stack (docs/troubleshooting.md, docs/decisions.md): this test runs
 * every deep walk at exactly that depth on a thread with a 1 MiB stack and requires it to finish. Run with
 * {@code -Dato.depth.probe=true} to print, per walk, the deepest nesting that fits (how the bound was chosen).
 */
class DefaultStackDepthTest {

    /** The stack a Java thread gets by default on 64-bit Linux, macOS and Windows ({@code -Xss1m}). */
    private static final long DEFAULT_STACK = 1L << 20;

    @TempDir
    Path dir;

    /** One deep walk: builds its input nested {@code depth} levels and walks it once. */
    private interface Walk {
        void run(int depth) throws Exception;
    }

    private Map<String, Walk> walks() {
        Map<String, Walk> walks = new LinkedHashMap<>();
        walks.put("command-line literal", d -> assertThat(CliParser.parseValue("[".repeat(d) + "]".repeat(d)))
                .isInstanceOf(List.class));
        walks.put(".py literal", d -> {
            Path py = Files.writeString(dir.resolve("deep.py"), "x = " + "[".repeat(d - 1) + "]".repeat(d - 1) + "\n");
            assertThat(ADict.loadMmConfig(py).contains("x")).isTrue();
        });
        walks.put("XYZ load and dump", d -> {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < d - 1; i++) {
                text.append(" ".repeat(i)).append('k').append(":\n");
            }
            text.append(" ".repeat(d - 1)).append("leaf: 1\n");
            Object loaded = Xyz.loads(text.toString());
            assertThat(Xyz.dumps(loaded)).contains("leaf: 1");
        });
        walks.put("JSON load", d -> {
            Path json = Files.writeString(dir.resolve("deep.json"), "{\"a\": " + "[".repeat(d - 1) + "]".repeat(d - 1) + "}");
            assertThat(ADict.load(json).contains("a")).isTrue();
        });
        walks.put("ADict walks", d -> {
            ADict deep = nested(d);
            ADict copy = deep.copy();
            assertThat(copy).isEqualTo(deep);
            assertThat(copy.hashCode()).isEqualTo(deep.hashCode());
            assertThat(deep.toMap()).isNotEmpty();
            assertThat(deep.leaves()).hasSize(1);
            assertThat(deep.structuralHash()).isNotEmpty();
            assertThat(deep.toString()).contains("leaf");
            deep.copy().freeze();
        });
        walks.put("Hydra compose (YAML, override, interpolation)", d -> {
            Files.writeString(dir.resolve("config.yaml"), "a: " + "[".repeat(d - 1) + "]".repeat(d - 1)
                    + "\nb: b\nc: '" + "${".repeat(d - 1) + "b" + "}".repeat(d - 1) + "'\n"
                    + "r0: ${r1}\n" + chain(d - 1) + "r" + (d - 1) + ": 1\n");
            Map<String, Object> resolved = Hydra.composition(dir, "config",
                    List.of("+o=" + "[".repeat(d - 1) + "]".repeat(d - 1))).resolve(java.time.ZonedDateTime.now(), Map.of()).toMap();
            assertThat(resolved).containsEntry("c", "b").containsEntry("r0", 1).containsKey("o");
        });
        return walks;
    }

    /** {@code r1: ${r2}}, ... up to {@code r(n-1)}: resolving {@code r0} walks the whole chain. */
    private static String chain(int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i < n; i++) {
            text.append('r').append(i).append(": ${r").append(i + 1).append("}\n");
        }
        return text.toString();
    }

    private static ADict nested(int depth) {
        ADict root = new ADict();
        ADict at = root;
        for (int i = 1; i < depth; i++) {
            ADict child = new ADict();
            at.put("k", child);
            at = child;
        }
        at.put("leaf", 1);
        return root;
    }

    @Test
    void everyDeepWalkFitsTheDefaultStackAtTheBoundStartUpAllows() throws Exception {
        if (Boolean.getBoolean("ato.depth.probe")) {
            for (Map.Entry<String, Walk> walk : walks().entrySet()) {
                int low = 1;
                int high = 20_000;
                while (low < high) {
                    int mid = (low + high + 1) >>> 1;
                    if (onDefaultStack(mid, walk.getValue()) == null) {
                        low = mid;
                    } else {
                        high = mid - 1;
                    }
                }
                System.out.println("depth probe: " + walk.getKey() + " fits " + low + " levels on a 1 MiB stack");
            }
        }
        int depth = Limits.DEFAULT_STACK_MAX_DEPTH;
        for (Map.Entry<String, Walk> walk : walks().entrySet()) {
            // compiled code takes more stack per level than interpreted code here (measured: 807 levels of XYZ
            // warm, 1,295 with -Xint), so the walk is warmed up first and checked at its worst
            for (int i = 0; i < 30; i++) {
                assertThat(onDefaultStack(depth / 2, walk.getValue())).isNull();
            }
            Throwable failure = onDefaultStack(depth, walk.getValue());
            assertThat(failure).as(walk.getKey() + " at depth " + depth + " on a 1 MiB stack").isNull();
        }
    }

    /** Runs {@code walk} at {@code depth} with the depth limit at {@code depth}; the failure, or null. */
    private static Throwable onDefaultStack(int depth, Walk walk) throws InterruptedException {
        Limits before = Limits.current();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Limits.install(Limits.defaults().withMaxDepth(depth));
        try {
            Thread thread = new Thread(null, () -> {
                try {
                    walk.run(depth);
                } catch (Throwable e) {
                    failure.set(e);
                }
            }, "default-stack", DEFAULT_STACK);
            thread.start();
            thread.join();
        } finally {
            Limits.install(before);
        }
        return failure.get();
    }

    @Test
    void theProbeSeesAStackOverflowFarAboveTheBound() throws Exception {
        // the measurement is real: the same walk overflows a 1 MiB stack at some depth
        Throwable failure = onDefaultStack(200_000, d -> CliParser.parseValue("[".repeat(d) + "]".repeat(d)));
        assertThat(failure).isInstanceOf(StackOverflowError.class);
    }
}
