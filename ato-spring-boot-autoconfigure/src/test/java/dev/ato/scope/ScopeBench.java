package dev.ato.scope;

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

/**
 * Issue 4's scenario: a default view setting {@code keys} keys (in sections of 100), 10 named views of 100 keys
 * each, and 100 command-line literals, with provenance captured. {@code resolve} is what every run pays;
 * {@code resolveAndExplain} also builds the provenance index by asking one key's origin. Python ato: ~3.6 ms at
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

    @Setup
    public void setUp() {
        scope = new dev.ato.scope.Scope("config");
        int sections = keys / 100;
        scope.observe("defaults", ViewOptions.defaults().defaultView(true), config -> {
            for (int s = 0; s < sections; s++) {
                config.set("section" + s, new dev.ato.adict.ADict());
                for (int k = 0; k < 100; k++) {
                    config.set("section" + s + ".key" + k, k * 0.5);
                }
            }
        });
        args = new ArrayList<>();
        for (int v = 0; v < 10; v++) {
            String section = "section" + v;
            scope.observe("named" + v, ViewOptions.defaults().priority(v % 3), config -> {
                for (int k = 0; k < 100; k++) {
                    config.set(section + ".key" + k, k);
                }
            });
            args.add("named" + v);
        }
        for (int l = 0; l < 100; l++) {
            args.add("section" + (l % 10) + ".key" + l + "=" + l + ".25");
        }
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
