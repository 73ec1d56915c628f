package dev.ato.guide;

import dev.ato.AtoConfigException;
import dev.ato.Mode;
import dev.ato.adict.ADict;
import dev.ato.tracker.BestRun;
import dev.ato.tracker.RunFinder;
import dev.ato.tracker.RunHandle;
import dev.ato.tracker.Tracker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The plain-Java tracker example of the guide, on a real SQLite file. */
class TrackerExamplesTest {

    @Test
    void twoRunsAndTheBestOfThem(@TempDir Path dir) {
        String url = "jdbc:sqlite:" + dir.resolve("experiments.db");
        try (Tracker tracker = Tracker.open(url)) {
            for (double lr : List.of(0.1, 0.01)) {
                ADict config = ADict.of(Map.of("lr", lr, "epochs", 3));
                try (RunHandle run = tracker.start("plain", config, "sweep")) {
                    for (int step = 0; step < 3; step++) {
                        run.logMetric("acc", 1 - lr * (3 - step), step);
                    }
                }
            }
        }
        try (RunFinder finder = RunFinder.open(url)) {
            BestRun best = finder.findBestRun("plain", "acc", Mode.MAX);

            assertThat(best).isInstanceOfSatisfying(BestRun.Found.class, found -> {
                assertThat(found.run().id()).isEqualTo(2);
                assertThat(found.value()).isEqualTo(0.99);
            });
            assertThat(finder.runsInProject("plain")).hasSize(2);
            assertThat(finder.findSimilarRuns(1)).extracting(r -> r.id()).containsExactly(2L);
        }
    }

    @Test
    void aPythonStyleUrlIsRejectedWithTheRightForm() {
        assertThatThrownBy(() -> Tracker.open("experiments.db"))
                .isInstanceOf(AtoConfigException.class)
                .hasMessage("not a JDBC URL: 'experiments.db'; expected e.g. jdbc:sqlite:experiments.db,"
                        + " jdbc:postgresql://host:5432/db or jdbc:mariadb://host:3306/db");
    }
}
