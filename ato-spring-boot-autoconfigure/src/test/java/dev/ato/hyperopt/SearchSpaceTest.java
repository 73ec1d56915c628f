package dev.ato.hyperopt;

import dev.ato.AtoConfigException;
import dev.ato.adict.ADict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchSpaceTest {

    private static ADict spec(Map<String, ?> map) {
        return ADict.of(map);
    }

    @Test
    void builderAndDescriptionGiveTheSameSpace() {
        SearchSpace built = SearchSpace.builder()
                .logFloats("lr", 1e-4, 1e-1, 4)
                .logIntegers("batch_size", 16, 128, 5)
                .categories("model", List.of("resnet50", "vit"))
                .build();
        SearchSpace read = SearchSpace.from(spec(Map.of(
                "lr", Map.of("param_type", "float", "param_range", List.of(1e-4, 1e-1), "num_samples", 4,
                        "space_type", "log"),
                "batch_size", Map.of("param_type", "INTEGER", "param_range", List.of(16, 128), "num_samples", 5,
                        "space_type", "Log"),
                "model", Map.of("param_type", "Category", "categories", List.of("resnet50", "vit")))));
        assertThat(read.names()).containsExactlyInAnyOrder("lr", "batch_size", "model");
        assertThat(built.values().get("batch_size")).containsExactly(16, 26, 45, 76, 128);
        assertThat(read.values()).containsAllEntriesOf(built.values());
        assertThat(built.size()).isEqualTo(40);
        assertThat(SearchSpace.from(built.spec())).isEqualTo(built);
    }

    @Test
    void integerLogGridsHoldExactPowers() {
        // Python ato (numpy int64 truncation) gives [1, 10, 100, 999]
        assertThat(SearchSpace.builder().logIntegers("n", 1, 1000, 4, 10).build().values().get("n"))
                .containsExactly(1, 10, 100, 1000);
    }

    @Test
    void dottedNamesSetNestedKeysAndKeepTheRestOfTheBase() {
        SearchSpace space = SearchSpace.builder().floats("optimizer.lr", 0.1, 0.2, 2).build();
        ADict base = ADict.of(Map.of("optimizer", Map.of("name", "sgd", "lr", 1.0), "epochs", 3));
        List<ADict> grid = space.grid(base);
        assertThat(grid).hasSize(2);
        assertThat(grid.get(1).getDouble("optimizer.lr")).isEqualTo((double) 0.2f);
        assertThat(grid.get(1).getString("optimizer.name")).isEqualTo("sgd");
        assertThat(grid.get(1).getInt("epochs")).isEqualTo(3);
        assertThat(base.getDouble("optimizer.lr")).as("the base is not changed").isEqualTo(1.0);
    }

    @Test
    void anEmptySpaceIsTheBaseAlone() {
        SearchSpace empty = SearchSpace.builder().build();
        assertThat(empty.grid(ADict.of(Map.of("a", 1)))).containsExactly(ADict.of(Map.of("a", 1)));
    }

    @Test
    void badDescriptionsNameTheParameterAndKey() {
        assertThatThrownBy(() -> SearchSpace.from(spec(Map.of("x", Map.of("param_type", "BOOL")))))
                .isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("'x.param_type'").hasMessageContaining("BOOL")
                .hasMessageContaining("FLOAT, INTEGER or CATEGORY");
        assertThatThrownBy(() -> SearchSpace.from(spec(Map.of("x", Map.of("param_type", "FLOAT",
                "param_range", List.of(0, 1), "num_samples", 3, "space_type", "CUBIC")))))
                .isInstanceOf(AtoConfigException.class).hasMessageContaining("'x.space_type'")
                .hasMessageContaining("LINEAR or LOG");
        assertThatThrownBy(() -> SearchSpace.from(spec(Map.of("lr", Map.of("param_type", "FLOAT",
                "param_range", List.of(0, 1), "num_samples", 3, "space_type", "LOG")))))
                .isInstanceOf(AtoConfigException.class).hasMessageContaining("'lr'")
                .hasMessageContaining("LOG range must lie above 0");
        assertThatThrownBy(() -> SearchSpace.from(spec(Map.of("n", Map.of("param_type", "INTEGER",
                "param_range", List.of(-4, 8), "num_samples", 3, "space_type", "LOG")))))
                .isInstanceOf(AtoConfigException.class).hasMessageContaining("LOG range must lie above 0");
        assertThatThrownBy(() -> SearchSpace.from(spec(Map.of("x", Map.of("param_type", "FLOAT",
                "param_range", List.of(0, 1))))))
                .isInstanceOf(AtoConfigException.class).hasMessageContaining("'x': missing 'num_samples'");
        assertThatThrownBy(() -> SearchSpace.from(spec(Map.of("x", Map.of("param_type", "FLOAT",
                "param_range", List.of(0, 1), "num_sample", 2)))))
                .isInstanceOf(AtoConfigException.class).hasMessageContaining("'x.num_sample': unknown key");
        assertThatThrownBy(() -> SearchSpace.from(spec(Map.of("x", Map.of("param_type", "FLOAT",
                "param_range", List.of(1), "num_samples", 2)))))
                .isInstanceOf(AtoConfigException.class).hasMessageContaining("expected [start, stop]");
        assertThatThrownBy(() -> SearchSpace.from(spec(Map.of("x", 0.1))))
                .isInstanceOf(AtoConfigException.class).hasMessageContaining("expected a map");
        assertThatThrownBy(() -> SearchSpace.builder().floats("x", 0, 1, 2).categories("x", List.of(1)))
                .isInstanceOf(AtoConfigException.class).hasMessageContaining("declared twice");
        assertThatThrownBy(() -> SearchSpace.builder().logFloats("x", 1, 8, 2, 1))
                .isInstanceOf(AtoConfigException.class).hasMessageContaining("base");
    }
}
