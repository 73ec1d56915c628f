package dev.ato.autoconfigure.testapp;

import dev.ato.autoconfigure.shell.AtoShellRunner;
import dev.ato.autoconfigure.tracker.TrackedRuns;
import dev.ato.scope.Fingerprint;
import dev.ato.scope.Fingerprints;
import dev.ato.scope.Resolution;
import dev.ato.tracker.RunFinder;
import dev.ato.tracker.RunHandle;
import dev.ato.tracker.StoredFingerprint;
import dev.ato.tracker.Tracker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @AtoTrace} methods are fingerprinted at start-up and stored with every run TrackedRuns starts. */
@TwoScopeApp
class AtoTraceTest {

    @Autowired
    Resolution trainResolution;

    @Autowired
    TrackedRuns runs;

    @Autowired
    AtoShellRunner runner;

    @Autowired
    Trainer trainer;

    @Autowired
    Tracker tracker;

    @Autowired
    RunFinder finder;

    @Test
    void thePlainTrackerStoresTheStaticFingerprintWithEveryRunItStarts() throws Exception {
        String hash = Fingerprints.ofMethod(Trainer.class.getDeclaredMethod("step", double.class));
        long id;
        try (RunHandle run = tracker.start("plain-" + System.nanoTime(), trainResolution.config().copy())) {
            id = run.id();
        }
        assertThat(finder.fingerprints(id)).containsOnlyOnce(new StoredFingerprint("train-step", "static", hash));
    }

    @Test
    void aRuntimeTraceFingerprintsTheResultOfEachCallThroughAop() {
        List<Double> first = trainer.evaluate(3);
        assertThat(trainResolution.fingerprints()).contains(
                new Fingerprint("eval", Fingerprint.RUNTIME, Fingerprints.ofValue(first)));
        List<Double> second = trainer.evaluate(4);
        assertThat(trainResolution.fingerprints()).contains(
                new Fingerprint("eval", Fingerprint.RUNTIME, Fingerprints.ofValue(second)));
        try (RunHandle run = runs.start("runtime-" + System.nanoTime())) {
            assertThat(run.id()).isPositive();
        }
    }

    @Test
    void theStaticFingerprintIsInEveryResolutionAndStoredWithTheRun() throws Exception {
        String hash = Fingerprints.ofMethod(Trainer.class.getDeclaredMethod("step", double.class));
        assertThat(trainResolution.fingerprints()).contains(new Fingerprint("train-step", Fingerprint.STATIC, hash));
        String project = "trace-" + System.nanoTime();
        long first;
        long second;
        try (RunHandle run = runs.start(project, "a")) {
            first = run.id();
        }
        try (RunHandle run = runs.start(project, "b")) {
            second = run.id();
        }
        StringWriter out = new StringWriter();
        int code = runner.execute("runs", List.of("similar", String.valueOf(first), "--trace",
                "train-step"), new PrintWriter(out));
        assertThat(code).isZero();
        assertThat(out.toString()).containsPattern("\\n" + second + "\\s+completed");
        StringWriter shown = new StringWriter();
        runner.execute("runs", List.of("show", String.valueOf(first)), new PrintWriter(shown));
        assertThat(shown.toString()).contains("train:", "model:", "lr: 1.0");
    }
}
