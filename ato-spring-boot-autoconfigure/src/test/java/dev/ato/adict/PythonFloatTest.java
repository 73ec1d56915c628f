package dev.ato.adict;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Python's repr(float): the expected texts are what CPython prints for the same doubles. */
class PythonFloatTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"0.1, 0.1", "100.0, 100.0", "1e-5, 1e-05", "0.0001, 0.0001", "1e16, 1e+16", "1e22, 1e+22",
            "1234567890123456.0, 1234567890123456.0", "1234567890123456789.0, 1.2345678901234568e+18",
            "9007199254740993.0, 9007199254740992.0", "1.5e300, 1.5e+300", "-2.5e-7, -2.5e-07", "3.0e-4, 0.0003",
            "2.5e-5, 2.5e-05", "-0.0, -0.0", "0.0, 0.0", "2.25, 2.25", "0.3, 0.3", "123456789.0, 123456789.0",
            "4.9e-324, 5e-324", "1.7976931348623157e308, 1.7976931348623157e+308",
            "NaN, nan", "Infinity, inf", "-Infinity, -inf"})
    void printsWhatPythonPrints(double value, String python) {
        assertThat(PythonFloat.repr(value)).isEqualTo(python);
    }

    /** Random doubles and powers of two (with their neighbours), recorded from CPython 3.11. */
    @ParameterizedTest
    @ValueSource(strings = {"python-float-repr.txt", "python-float-repr-powers-of-two.txt"})
    void matchesCPythonOnRecordedValues(String resource) throws IOException {
        List<String> lines;
        try (InputStream in = PythonFloatTest.class.getResourceAsStream(resource)) {
            lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("#") && !line.isBlank()).toList();
        }
        assertThat(lines).hasSizeGreaterThan(400);
        for (String line : lines) {
            String[] parts = line.split(" ");
            double value = Double.longBitsToDouble(Long.parseUnsignedLong(parts[0], 16));
            assertThat(PythonFloat.repr(value)).as("repr of bits %s", parts[0]).isEqualTo(parts[1]);
        }
    }

    @Test
    void readsBackAsTheSameDouble() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 2_000; i++) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(value)) {
                assertThat(Double.parseDouble(PythonFloat.repr(value))).isEqualTo(value);
            }
        }
    }
}
