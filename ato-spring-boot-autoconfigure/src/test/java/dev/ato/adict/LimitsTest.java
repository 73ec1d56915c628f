package dev.ato.adict;

import dev.ato.AtoConfigException;
import dev.ato.AtoLimitException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LimitsTest {

    @Test
    void defaultsAndWithers() {
        Limits d = Limits.defaults();
        assertThat(d).isEqualTo(new Limits(500, 16L << 20, 1000, 1_000_000, 16L << 20));
        assertThat(d.withMaxDepth(7).maxDepth()).isEqualTo(7);
        assertThat(d.withMaxDocumentSize(8).maxDocumentSize()).isEqualTo(8);
        assertThat(d.withMaxNumberDigits(9).maxNumberDigits()).isEqualTo(9);
        assertThat(d.withMaxExpansion(10).maxExpansion()).isEqualTo(10);
        assertThat(d.withMaxStringLength(11).maxStringLength()).isEqualTo(11);
        assertThat(d.withMaxDepth(7).withMaxDepth(500)).isEqualTo(d);
    }

    @Test
    void aLimitBelowOneIsRejectedNamingTheProperty() {
        assertThatThrownBy(() -> Limits.defaults().withMaxExpansion(0)).isInstanceOf(AtoConfigException.class)
                .hasMessage("ato.limits.max-expansion must be at least 1, not 0");
    }

    @Test
    void theErrorNamesSourceKeyPositionLimitAndProperty() {
        AtoLimitException e = Limits.defaults().withMaxDepth(3).depthExceeded("conf.py", "model.layers", "line 2, column 9");
        assertThat(e).hasMessage("conf.py at line 2, column 9, key 'model.layers': nesting deeper than 3 levels"
                + " (limit ato.limits.max-depth=3; raise it if this input is meant)");
        assertThat(e.source()).isEqualTo("conf.py");
        assertThat(e.keyPath()).isEqualTo("model.layers");
        assertThat(e.position()).isEqualTo("line 2, column 9");
        assertThat(e.property()).isEqualTo(Limits.MAX_DEPTH);
        assertThat(e.limit()).isEqualTo(3);
        assertThat(Limits.defaults().numberTooLong("literal", "", "position 4", 1_000_000).getMessage())
                .isEqualTo("literal at position 4: a number of 1000000 digits is longer than 1000 digits"
                        + " (limit ato.limits.max-number-digits=1000; raise it if this input is meant)");
    }

    @Test
    void installReplacesTheCurrentLimits() {
        try {
            Limits.install(Limits.defaults().withMaxDepth(12));
            assertThat(Limits.current().maxDepth()).isEqualTo(12);
        } finally {
            Limits.install(Limits.defaults());
        }
        assertThat(Limits.current()).isSameAs(Limits.defaults());
    }
}
