package dev.ato.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ato.AtoConfigException;
import dev.ato.adict.ADict;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes {@link CliParser#tokenize}, {@link CliParser#parseValue} and {@link CliParser#parseArguments}: whatever
 * the input, the only exception may be {@link AtoConfigException}, tokens must be the input's non-blank pieces in
 * order, and values must stay inside the ADict value model. A plain test run replays the committed seeds
 * (regression mode); {@code docs/cli.md} says how to fuzz.
 */
class CliParserFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void tokenizeAndParse(byte[] data) {
        String input = new String(data, StandardCharsets.UTF_8);
        checkTokens(input, CliParser.tokenize(input));
        try {
            checkValueModel(CliParser.parseValue(input));
        } catch (AtoConfigException expected) {
            assertThat(expected.getMessage()).contains("^").contains("hint:");
        }
        try {
            for (CliArgument argument : CliParser.parseArguments(List.of(input))) {
                if (argument instanceof CliArgument.Assignment assignment) {
                    assertThat(assignment.key()).isNotEmpty();
                    checkValueModel(assignment.value());
                } else {
                    assertThat(((CliArgument.ViewName) argument).name()).isNotBlank();
                }
            }
        } catch (AtoConfigException expected) {
            assertThat(expected.getMessage()).contains("^").contains("hint:");
        }
    }

    /** Tokens are non-empty pieces of the input, in order, separated only by whitespace. */
    private static void checkTokens(String input, List<String> tokens) {
        int at = 0;
        for (String token : tokens) {
            assertThat(token).isNotEmpty();
            assertThat(Character.isWhitespace(token.charAt(0))).isFalse();
            int found = input.indexOf(token, at);
            assertThat(found).as("token %s in order", token).isGreaterThanOrEqualTo(at);
            assertThat(input.substring(at, found).isBlank()).as("only whitespace between tokens").isTrue();
            at = found + token.length();
        }
        assertThat(input.substring(at).isBlank()).as("nothing after the last token but whitespace").isTrue();
    }

    private static void checkValueModel(Object value) {
        if (value instanceof List<?> list) {
            list.forEach(CliParserFuzzTest::checkValueModel);
        } else if (value instanceof ADict dict) {
            dict.forEach((k, v) -> checkValueModel(v));
        } else if (value != null) {
            assertThat(value).isInstanceOfAny(String.class, Boolean.class, Integer.class, Long.class, Double.class);
        }
    }
}
