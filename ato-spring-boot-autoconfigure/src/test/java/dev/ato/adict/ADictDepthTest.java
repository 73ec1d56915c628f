package dev.ato.adict;

import dev.ato.AtoLimitException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A config nested 2,000 deep (built in code, past every loader) never overflows the stack. */
class ADictDepthTest {

    private static ADict nested(int depth) {
        ADict root = new ADict();
        ADict at = root;
        for (int i = 0; i < depth; i++) {
            ADict child = new ADict();
            at.put("k", child);
            at = child;
        }
        at.put("leaf", 1);
        return root;
    }

    @Test
    void walksOfA2000DeepConfigAreLimitErrorsNotStackOverflows() {
        ADict deep = nested(2000);
        for (Runnable walk : List.<Runnable>of(deep::copy, deep::toMap, deep::hashCode, () -> deep.equals(nested(2000)),
                deep::structuralHash, deep::leaves, deep::freeze)) {
            assertThatThrownBy(walk::run).isInstanceOf(AtoLimitException.class)
                    .hasMessageContaining("nesting deeper than 500 levels (limit ato.limits.max-depth=500");
        }
        assertThatThrownBy(deep::copy).hasMessageStartingWith("ADict.copy(): nesting deeper than 500 levels");
        assertThat(deep.toString()).isEqualTo("<ADict nested deeper than 500 levels (ato.limits.max-depth)>");
    }

    @Test
    void deepListsAreCountedToo() {
        Object list = 1;
        for (int i = 0; i < 2000; i++) {
            List<Object> outer = new ArrayList<>();
            outer.add(list);
            list = outer;
        }
        Object deepList = list;
        assertThatThrownBy(() -> new ADict().put("x", deepList)).isInstanceOf(AtoLimitException.class)
                .hasMessageStartingWith("ADict.put(): nesting deeper than 500 levels");
    }

    @Test
    void configsWithinTheLimitWorkAndTheCounterIsReleased() {
        ADict ok = nested(450);
        assertThat(ok.copy()).isEqualTo(ok);
        assertThat(ok.copy().hashCode()).isEqualTo(ok.hashCode());
        assertThat(ok.toString()).contains("leaf: 1");
        assertThatThrownBy(nested(600)::copy).isInstanceOf(AtoLimitException.class);
        // after an error the depth count is back to zero: the same walk still works
        assertThat(ok.copy()).isEqualTo(ok);
        try {
            Limits.install(Limits.defaults().withMaxDepth(700));
            ADict deeper = nested(600);
            assertThat(deeper.copy()).isEqualTo(deeper);
        } finally {
            Limits.install(Limits.defaults());
        }
    }
}
