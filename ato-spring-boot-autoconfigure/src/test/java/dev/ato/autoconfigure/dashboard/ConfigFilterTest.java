package dev.ato.autoconfigure.dashboard;

import dev.ato.AtoConfigException;
import dev.ato.tracker.ConfigComparison;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The runs-table config filter as typed in the page. */
class ConfigFilterTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "lr<0.01            | lr             | LT | 0.01",
            "lr <= 1e-3         | lr             | LE | 0.001",
            "model.name=resnet  | model.name     | EQ | resnet",
            "model.name=='vit'  | model.name     | EQ | vit",
            "optimizer!=adam    | optimizer      | NE | adam",
            "epochs>=10         | epochs         | GE | 10.0",
            "tag=\"7\"          | tag            | EQ | 7",
            "a.b-c.d>2          | a.b-c.d        | GT | 2.0"})
    void parses(String text, String key, ConfigComparison comparison, String value) {
        ConfigFilter filter = ConfigFilter.parse(text);
        assertThat(filter.key()).isEqualTo(key);
        assertThat(filter.comparison()).isEqualTo(comparison);
        assertThat(String.valueOf(filter.value())).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"lr", "lr~0.1", "=0.1", "lr=", "1lr=2", "lr<"})
    void rejectsWithTheTextAndAnExample(String text) {
        assertThatThrownBy(() -> ConfigFilter.parse(text)).isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("'" + text + "'").hasMessageContaining("lr<0.01");
    }

    @ParameterizedTest
    @CsvSource({"'lr=\"0.1\"', java.lang.String", "lr=0.1, java.lang.Double", "name=abc, java.lang.String"})
    void quotedValuesAreStrings(String text, Class<?> type) {
        assertThat(ConfigFilter.parse(text).value()).isInstanceOf(type);
    }
}
