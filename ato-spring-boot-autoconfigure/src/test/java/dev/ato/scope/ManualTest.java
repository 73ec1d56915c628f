package dev.ato.scope;

import dev.ato.adict.ADict;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ManualTest {

    private static Scope scope() {
        Scope scope = new Scope("config", ADict.of(Map.of("seed", 1)));
        scope.observe("adapt", ViewOptions.defaults().lazy(true), c -> { });
        scope.observe("high_lr", ViewOptions.defaults().priority(1).chainWith("defaults"), c -> { });
        scope.observe("defaults", ViewOptions.defaults().defaultView(true), c -> { });
        scope.manual(docs -> docs.set("lr", "Learning rate").set("model.depth", 50));
        return scope;
    }

    @Test
    void theDetailedManualShowsEveryStepWithPriorityAndKind() {
        assertThat(Manual.renderDetailed(scope())).isEqualTo("""
                --------------------------------------------------
                [Scope "config"]
                (The Applying Order of Views)
                 1. _default                 base config
                 2. defaults                 default view         priority 0
                 3. high_lr                  named view, chains defaults priority 1
                 4. (External Properties)    input
                 5. (CLI Inputs)             input
                 6. (Deferred Blocks)        views' deferred blocks, in view order
                 7. adapt                    named lazy view      priority 0
                (User Manuals)
                lr: Learning rate
                model:
                  depth: 50
                --------------------------------------------------
                """);
    }

    @Test
    void pythonFloatsAreWrittenAsPythonWritesThem() {
        assertThat(DocsText.scalar(1e-5)).isEqualTo("1e-05");
        assertThat(DocsText.scalar(1e16)).isEqualTo("1e+16");
        assertThat(DocsText.scalar(100.0)).isEqualTo("100.0");
        assertThat(DocsText.scalar(0.00025)).isEqualTo("0.00025");
        assertThat(DocsText.scalar(9999999999999998.0)).isEqualTo("9999999999999998.0");
        assertThat(DocsText.scalar(-1e-9)).isEqualTo("-1e-09");
        assertThat(DocsText.scalar(5e-324)).isEqualTo("5e-324");
        assertThat(DocsText.scalar(0.30000000000000004)).isEqualTo("0.30000000000000004");
        assertThat(DocsText.scalar(-0.0)).isEqualTo("-0.0");
    }
}
