package dev.ato.tracker;

import dev.ato.adict.ADict;

import java.time.Duration;
import java.util.Map;

/**
 * The program the reliability tests start as child JVMs: {@code log <url> <count>} logs metrics into one run and
 * closes it; {@code hold <url> <count>} logs, flushes, prints {@code FLUSHED <run id>} and waits to be killed.
 */
public final class TrackerChildProcess {

    /** Short heartbeats so a killed child is reported crashed within a test. */
    static final TrackerOptions OPTIONS = TrackerOptions.defaults()
            .withHeartbeat(Duration.ofMillis(200), Duration.ofMillis(1500));

    private TrackerChildProcess() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String url = args[1];
        int count = Integer.parseInt(args[2]);
        Tracker tracker = Tracker.open(url, OPTIONS);
        RunHandle run = tracker.start("reliability", ADict.of(Map.of("pid", ProcessHandle.current().pid())), mode);
        for (int i = 0; i < count; i++) {
            run.logMetric("loss", 1.0 / (i + 1), i);
        }
        if (mode.equals("hold")) {
            run.flush();
            System.out.println("FLUSHED " + run.id());
            System.out.flush();
            Thread.sleep(Duration.ofMinutes(5).toMillis());
        }
        run.close();
        tracker.close();
        System.out.println("DONE " + run.id());
    }
}
