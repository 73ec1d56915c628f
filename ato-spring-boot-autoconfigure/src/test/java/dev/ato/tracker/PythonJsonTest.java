package dev.ato.tracker;

import dev.ato.adict.ADict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** JSON text in Python's json.dumps shape: the values below are what CPython 3 prints for the same data. */
class PythonJsonTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "0.1, 0.1", "100.0, 100.0", "1e-05, 1e-05", "0.0001, 0.0001", "1e16, 1e+16", "1234567890123456.0, 1234567890123456.0",
            "1.5e300, 1.5e+300", "-2.5e-7, -2.5e-07", "3.0e-4, 0.0003", "-0.0, -0.0", "0.0, 0.0", "2.25, 2.25",
            "123456789.0, 123456789.0", "5e-324, 5e-324", "1.7976931348623157e308, 1.7976931348623157e+308"})
    void floatsAreWrittenAsPythonRepr(double value, String python) {
        assertThat(PythonJson.pythonFloat(value)).isEqualTo(python);
    }

    /** CPython 3.11's repr of random doubles, recorded for the format package (bits in hex, then the text). */
    @Test
    void floatsMatchCPythonReprOnRecordedValues() throws Exception {
        List<String> lines;
        try (var in = PythonJsonTest.class.getResourceAsStream("/dev/ato/format/python-float-repr.txt")) {
            lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank()).toList();
        }
        assertThat(lines).hasSizeGreaterThan(400);
        for (String line : lines) {
            String[] parts = line.split(" ");
            double value = Double.longBitsToDouble(Long.parseUnsignedLong(parts[0], 16));
            assertThat(PythonJson.pythonFloat(value)).as("repr of bits %s", parts[0]).isEqualTo(parts[1]);
        }
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
