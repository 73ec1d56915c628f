package dev.ato.tracker;

import dev.ato.adict.ADict;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** JSON text in Python's json.dumps shape: the values below are what CPython 3 prints for the same data. */
class PythonJsonTest {

    @Test
    void floatsAreWrittenAsTheirPythonRepr() {
        assertThat(PythonJson.write(Arrays.asList(0.1, 1e-05, 1e16, -0.0, 100.0, 5e-324)))
                .isEqualTo("[0.1, 1e-05, 1e+16, -0.0, 100.0, 5e-324]");
    }

    @Test
    void nonFiniteFloatsAreWrittenAsPythonDoes() {
        assertThat(PythonJson.write(Arrays.asList(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)))
                .isEqualTo("[NaN, Infinity, -Infinity]");
    }

    @Test
    void structuresUsePythonSeparatorsAndAsciiEscapes() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("name", "résumé \"q\" \\ \n\u007f😀");
        map.put("n", 3);
        map.put("big", 12345678901L);
        map.put("flag", true);
        map.put("none", null);
        map.put("list", List.of(1, 2.5, List.of()));
        map.put("nested", ADict.of(Map.of("a", Map.of())));
        assertThat(PythonJson.write(map)).isEqualTo("{\"name\": \"r\\u00e9sum\\u00e9 \\\"q\\\" \\\\ \\n\\u007f"
                + "\\ud83d\\ude00\", \"n\": 3, \"big\": 12345678901, \"flag\": true, \"none\": null,"
                + " \"list\": [1, 2.5, []], \"nested\": {\"a\": {}}}");
    }

    @Test
    void pythonJsonReadsBackIncludingNonFiniteNumbers() {
        assertThat(PythonJson.read("{\"a\": [1, 2.5, NaN, Infinity], \"b\": null}"))
                .isEqualTo(Map.of("a", List.of(1, 2.5, Double.NaN, Double.POSITIVE_INFINITY), "b", "x").entrySet()
                        .stream().collect(LinkedHashMap::new, (m, e) -> m.put(e.getKey(),
                                e.getKey().equals("b") ? null : e.getValue()), Map::putAll));
    }
}
