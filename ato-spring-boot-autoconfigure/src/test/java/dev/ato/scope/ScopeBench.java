package dev.ato.scope;

import dev.ato.adict.ADict;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Issue 4's scenario: a default view setting {@code keys} keys (in sections of 100), 10 named views of 100 keys
 * each, and 100 command-line literals, with provenance captured. {@code resolve} is what every run pays;
 * {@code resolveAndExplain} also builds the provenance index by asking one key's origin; {@code viewsAlone}
 * runs the same view lambdas on a bare ADict, the floor that any resolution pays. Python ato: ~3.6 ms at
 * 1,000 keys. Run: {@code ./mvnw -B -o -pl ato-spring-boot-autoconfigure -Pjmh test-compile exec:exec
 * -Djmh.args="-f 1 -wi 2 -i 3 -w 2s -r 2s .*ScopeBench.*"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ScopeBench {

    @Param({"1000", "10000", "100000"})
    public int keys;

    private dev.ato.scope.Scope scope;
    private List<String> args;
    private List<Consumer<ADict>> views;

    @Setup
    public void setUp() {
        scope = new dev.ato.scope.Scope("config");
        int sections = keys / 100;
        // a real view writes constant keys, so the key strings are built once, not in the measured loop
        String[] sectionNames = new String[sections];
        String[][] paths = new String[sections][100];
        for (int s = 0; s < sections; s++) {
            sectionNames[s] = "section" + s;
            for (int k = 0; k < 100; k++) {
                paths[s][k] = "section" + s + ".key" + k;
            }
        }
        views = new ArrayList<>();
        views.add(config -> {
            for (int s = 0; s < sections; s++) {
                config.set(sectionNames[s], new ADict());
                for (int k = 0; k < 100; k++) {
                    config.set(paths[s][k], k * 0.5);
                }
            }
        });
        scope.observe("defaults", ViewOptions.defaults().defaultView(true), views.get(0));
        args = new ArrayList<>();
        for (int v = 0; v < 10; v++) {
            String[] section = paths[v];
            views.add(config -> {
                for (int k = 0; k < 100; k++) {
                    config.set(section[k], k);
                }
            });
            scope.observe("named" + v, ViewOptions.defaults().priority(v % 3), views.get(v + 1));
            args.add("named" + v);
        }
        for (int l = 0; l < 100; l++) {
            args.add("section" + (l % 10) + ".key" + l + "=" + l + ".25");
        }
    }

    /** The views' own work on a bare ADict, without Ato (no parsing, ordering or provenance): the floor. */
    @Benchmark
    public ADict viewsAlone() {
        ADict config = new ADict();
        for (Consumer<ADict> view : views) {
            view.accept(config);
        }
        return config;
    }

    @Benchmark
    public Resolution resolve() {
        return scope.resolve(args);
    }

    @Benchmark
    public Origin resolveAndExplain() {
        return scope.resolve(args).origin("section0.key0");
    }
}
