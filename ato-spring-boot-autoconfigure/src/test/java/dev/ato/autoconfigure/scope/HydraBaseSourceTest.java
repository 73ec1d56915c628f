package dev.ato.autoconfigure.scope;

import dev.ato.AtoConfigException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code ato.hydra.<scope>.*} settings and which command-line words a Hydra tree claims. */
class HydraBaseSourceTest {

    private static final String RCL = "src/test/resources/conformance/hydra/rcl/configs";

    @Test
    void readsTheTreesAndNamesWhatIsWrong() {
        Map<String, HydraBaseSource> sources = HydraBaseSource.configured(new MockEnvironment()
                .withProperty("ato.hydra.rcl.config-dir", RCL).withProperty("ato.hydra.rcl.config-name", "train"));
        assertThat(sources).containsOnlyKeys("rcl");
        assertThat(HydraBaseSource.configured(new MockEnvironment())).isEmpty();
        assertThatThrownBy(() -> HydraBaseSource.configured(new MockEnvironment()
                .withProperty("ato.hydra.rcl.config-name", "train"))).isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("ato.hydra.rcl.config-dir is missing");
        assertThatThrownBy(() -> HydraBaseSource.configured(new MockEnvironment()
                .withProperty("ato.hydra.rcl.config-dir", "no/such/dir"))).hasMessageContaining("is not a directory");
    }

    @Test
    void claimsGroupWordsAndMandatoryValuesOnly() {
        HydraBaseSource rcl = HydraBaseSource.configured(new MockEnvironment()
                .withProperty("ato.hydra.rcl.config-dir", RCL).withProperty("ato.hydra.rcl.config-name", "train"))
                .get("rcl");
        assertThat(rcl.claims("run@_global_=teacher_rcl")).isTrue();
        assertThat(rcl.claims("+trainer/reward@_global_=adaptive_teaching")).isTrue();
        assertThat(rcl.claims("~run@_global_")).isTrue();
        assertThat(rcl.claims("gradient_accumulation_steps=8")).isTrue(); // ??? in the tree
        assertThat(rcl.claims("seed=7")).isFalse();
        assertThat(rcl.claims("~gradient_accumulation_steps")).isFalse();
        assertThat(rcl.claims("high_lr")).isFalse();
        assertThat(rcl.claims("hydra.run.dir=x")).isFalse();
        assertThat(rcl.layers(List.of("run@_global_=teacher_sft")).get(0).name()).isEqualTo("train.yaml");
    }
}
