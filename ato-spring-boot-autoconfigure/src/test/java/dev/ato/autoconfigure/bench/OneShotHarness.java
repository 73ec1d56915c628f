package dev.ato.autoconfigure.bench;

import dev.ato.adict.ADict;
import dev.ato.tracker.RunHandle;
import dev.ato.tracker.Tracker;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Side-by-side wall times of child JVMs (not JMH: each measurement is a whole process). Arguments: the test
 * classpath with the module's classes as jars (class data sharing accepts only jars), the number of rounds. Each round runs, one after another: the empty Boot app; the minimal app without
 * and with the starter (context-ready time); the one-shot {@code manual} and {@code runs best} command lines.
 * Prints the median of each and the ratios the Spring issue asks for.
 */
public final class OneShotHarness {

    /** The module's optional dependencies (JPA, web, Actuator, PostgreSQL) and its test libraries. */
    private static final List<String> NOT_IN_STARTER = List.of("hibernate-core", "hibernate-community",
            "hibernate-models", "jakarta.persistence", "spring-data-", "spring-boot-data-", "spring-boot-jpa",
            "spring-boot-hibernate", "spring-orm", "spring-aspects", "aspectjweaver", "jaxb", "angus", "txw2",
            "istack", "antlr4", "jakarta.xml.bind", "jakarta.activation", "jakarta.inject", "jakarta.transaction",
            "actuator", "spring-boot-health", "webmvc", "spring-web", "tomcat", "jackson-2", "spring-boot-jackson",
            "starter-jackson", "http-converter", "web-server", "spring-boot-servlet", "reactor", "reactive-streams",
            "spring-messaging", "postgresql", "checker-qual", "micrometer-core", "micrometer-jakarta",
            "micrometer-metrics", "HdrHistogram", "LatencyUtils", "spring-boot-micrometer", "starter-micrometer",
            "junit", "assertj", "mockito", "archunit", "jazzer", "jmh", "jopt", "commons-math3", "testcontainers",
            "docker-java", "duct-tape", "jna", "spring-boot-test", "spring-test", "starter-test", "json-path",
            "json-smart", "accessors-smart", "awaitility", "hamcrest", "jsonassert", "android-json", "xmlunit",
            "opentest4j", "apiguardian", "objenesis", "byte-buddy", "commons-compress", "commons-codec",
            "commons-io", "commons-lang3", "annotations-17");
    /** Spring Shell and what it brings (it validates command options with Hibernate Validator). */
    private static final List<String> SHELL = List.of("spring-shell", "jline", "hibernate-validator",
            "jakarta.validation", "jakarta.el", "classmate", "jboss-logging");
    private static final List<String> EMPTY_BOOT = List.of("spring-core", "spring-beans", "spring-context",
            "spring-aop", "spring-expression", "commons-logging", "log4j-api", "/spring-boot-4", "spring-boot-autoconfigure", "logback",
            "slf4j", "log4j-to-slf4j", "snakeyaml", "micrometer-observation", "micrometer-commons", "jspecify",
            "test-classes");

    private OneShotHarness() {
    }

    public static void main(String[] args) throws Exception {
        List<String> full = Arrays.asList(args[0].split(File.pathSeparator));
        int rounds = Integer.parseInt(args[1]);
        String empty = classpath(full, e -> EMPTY_BOOT.stream().anyMatch(e::contains));
        String starter = classpath(full, e -> NOT_IN_STARTER.stream().noneMatch(e::contains)
                && SHELL.stream().noneMatch(e::contains));
        String cli = classpath(full, e -> NOT_IN_STARTER.stream().noneMatch(e::contains));
        Path db = Path.of("target/bench/experiments.db").toAbsolutePath();
        seed(db);
        String dbArg = "--ato.sqlite.path=" + db;
        String app = "dev.ato.autoconfigure.bench.app.BenchApp";
        String[][] cases = new String[][] {
            {"empty Boot app printing a line", empty, "dev.ato.autoconfigure.bench.empty.EmptyBootApp"},
            {"minimal app without the starter", empty, app, "--spring.main.banner-mode=off"},
            {"minimal app with the starter", starter, app, "--spring.main.banner-mode=off", dbArg},
            {"manual (one-shot)", cli, "dev.ato.autoconfigure.bench.app.BenchCli", "manual", "high_lr", dbArg},
            {"runs best (one-shot, SQLite)", cli, "dev.ato.autoconfigure.bench.app.BenchCli", "runs", "best",
                "--project", "bench", "--metric", "acc", dbArg}};
        // class data sharing: one training run writes the archive the "(CDS)" cases start from (needs jars only)
        Path archive = Path.of("target/bench/cli.jsa").toAbsolutePath();
        Files.deleteIfExists(archive);
        run(new String[] {"CDS training run", cli, "-XX:ArchiveClassesAtExit=" + archive,
            "dev.ato.autoconfigure.bench.app.BenchCli", "manual", dbArg});
        String cds = "-XX:SharedArchiveFile=" + archive;
        cases = Arrays.copyOf(cases, cases.length + 2);
        cases[cases.length - 2] = new String[] {"manual (one-shot, CDS)", cli, cds,
            "dev.ato.autoconfigure.bench.app.BenchCli", "manual", "high_lr", dbArg};
        cases[cases.length - 1] = new String[] {"runs best (one-shot, SQLite, CDS)", cli, cds,
            "dev.ato.autoconfigure.bench.app.BenchCli", "runs", "best", "--project", "bench", "--metric", "acc", dbArg};
        List<List<Long>> wall = new ArrayList<>();
        List<List<Long>> ready = new ArrayList<>();
        for (int i = 0; i < cases.length; i++) {
            wall.add(new ArrayList<>());
            ready.add(new ArrayList<>());
        }
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < cases.length; i++) {
                long[] result = run(cases[i]);
                wall.get(i).add(result[0]);
                if (result[1] >= 0) {
                    ready.get(i).add(result[1]);
                }
            }
        }
        for (int i = 0; i < cases.length; i++) {
            System.out.printf("%-36s wall median %5d ms%s%n", cases[i][0], median(wall.get(i)),
                    ready.get(i).isEmpty() ? "" : ", context ready median " + median(ready.get(i)) + " ms");
        }
        System.out.printf("start-up ratio with/without starter (context ready): %.2f%n",
                (double) median(ready.get(2)) / median(ready.get(1)));
        System.out.printf("manual / empty app (wall): %.2f%n", (double) median(wall.get(3)) / median(wall.get(0)));
        System.out.printf("runs best / empty app (wall): %.2f%n", (double) median(wall.get(4)) / median(wall.get(0)));
        System.out.printf("manual with CDS / empty app (wall): %.2f%n", (double) median(wall.get(5)) / median(wall.get(0)));
        System.out.printf("runs best with CDS / empty app (wall): %.2f%n",
                (double) median(wall.get(6)) / median(wall.get(0)));
    }

    private static String classpath(List<String> entries, Predicate<String> keep) {
        return entries.stream().filter(keep).collect(Collectors.joining(File.pathSeparator));
    }

    private static void seed(Path db) throws Exception {
        Files.createDirectories(db.getParent());
        Files.deleteIfExists(db);
        try (Tracker tracker = Tracker.open("jdbc:sqlite:" + db)) {
            for (int i = 0; i < 20; i++) {
                try (RunHandle run = tracker.start("bench", ADict.of(Map.of("lr", 0.01 * i)))) {
                    for (int step = 0; step < 50; step++) {
                        run.logMetric("acc", i / 20.0 * step / 50.0, step);
                    }
                }
            }
        }
    }

    /** Wall time in ms, and the child's own "ready-ms" line or -1. */
    private static long[] run(String[] spec) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", spec[1]));
        command.addAll(Arrays.asList(spec).subList(2, spec.length)); // JVM options (-XX:...), main class, arguments
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        int code = process.waitFor();
        long wall = (System.nanoTime() - start) / 1_000_000;
        if (code != 0) {
            throw new IllegalStateException(spec[0] + " exited " + code + ":\n" + output);
        }
        long ready = output.lines().filter(l -> l.startsWith("ready-ms ")).mapToLong(l -> Long.parseLong(
                l.substring(9).trim())).findFirst().orElse(-1);
        return new long[] {wall, ready};
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
