package dev.ato.format;

import dev.ato.AtoConfigException;
import dev.ato.adict.ADict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BinderTest {

    record Optimizer(String name, double lr) {
    }

    record Train(int epochs, Optimizer optimizer, List<Integer> milestones) {
    }

    /** A JavaBean, for configs bound to mutable classes. */
    public static final class Bean {
        private String name;
        private long steps;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public long getSteps() {
            return steps;
        }

        public void setSteps(long steps) {
            this.steps = steps;
        }
    }

    @Test
    void bindsNestedRecordsWideningNumbersAndIgnoringExtraKeys() {
        ADict cfg = ADict.auto().set("epochs", 10).set("optimizer.name", "adam").set("optimizer.lr", 1)
                .set("milestones", List.of(3, 6)).set("unused", "x");
        assertThat(cfg.bind(Train.class)).isEqualTo(new Train(10, new Optimizer("adam", 1.0), List.of(3, 6)));
    }

    @Test
    void bindsBeans() {
        Bean bean = new ADict().set("name", "b").set("steps", 5_000_000_000L).bind(Bean.class);
        assertThat(bean.getName()).isEqualTo("b");
        assertThat(bean.getSteps()).isEqualTo(5_000_000_000L);
    }

    @Test
    void aMismatchNamesTheKeyAndTheExpectedType() {
        ADict textForInt = ADict.auto().set("epochs", "3");
        assertThatThrownBy(() -> textForInt.bind(Train.class)).isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("'epochs'").hasMessageContaining("expected int");
        ADict nested = ADict.auto().set("epochs", 1).set("optimizer.lr", "fast");
        assertThatThrownBy(() -> nested.bind(Train.class)).isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("'optimizer.lr'").hasMessageContaining("expected double");
    }
}
