package dev.ato.autoconfigure.shell;

import dev.ato.adict.ADict;
import dev.ato.autoconfigure.testapp.TwoScopeApp;
import dev.ato.tracker.RunHandle;
import dev.ato.tracker.Tracker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.shell.core.command.CommandRegistry;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the interactive shell's Tab proposes: commands, keys for why, views for manual/print, run ids by number. */
@TwoScopeApp
class InteractiveCompletionTest {

    @Autowired
    CommandRegistry registry;

    @Autowired
    Tracker tracker;

    private List<String> complete(String... words) {
        return new AtoCompleter(registry).proposals(List.of(words), words.length - 1,
                words[words.length - 1].length());
    }

    @Test
    void commandWordsWithoutShellBuiltIns() {
        assertThat(complete("")).contains("help", "manual", "print", "runs", "version", "why")
                .doesNotContain("clear", "script", "quit");
        assertThat(complete("runs", "s")).containsExactly("show", "similar");
    }

    @Test
    void whyCompletesKeysThenViews() {
        assertThat(complete("why", "train.l")).containsExactly("train.lr");
        assertThat(complete("why", "train.lr", "hi")).containsExactly("high_lr");
        assertThat(complete("manual", "model.r")).containsExactly("model.resnet101");
        assertThat(complete("print", "--f")).containsExactly("--format");
    }

    @Test
    void runIdsInNumericOrder() {
        for (int i = 0; i < 11; i++) {
            try (RunHandle run = tracker.start("testapp", ADict.of(Map.of("i", i)))) {
                run.logMetric("acc", i, 1);
            }
        }
        List<Long> ids = complete("runs", "show", "").stream().map(Long::valueOf).toList();
        assertThat(ids).hasSizeGreaterThanOrEqualTo(11).isSorted();
    }
}
