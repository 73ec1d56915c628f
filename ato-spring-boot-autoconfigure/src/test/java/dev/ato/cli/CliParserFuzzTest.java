package dev.ato.cli;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ato.AtoConfigException;
import dev.ato.adict.ADict;

import java.nio.charset.StandardCharsets;
import java.util.List;

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
        } catch (AtoConfigException e) {
            checkMessage(e);
        }
        try {
            for (CliArgument argument : CliParser.parseArguments(List.of(input))) {
                if (argument instanceof CliArgument.Assignment assignment) {
                    check(!assignment.key().isEmpty(), "an assignment has a key");
                    checkValueModel(assignment.value());
                } else {
                    check(!((CliArgument.ViewName) argument).name().isBlank(), "a view name is not blank");
                }
            }
        } catch (AtoConfigException e) {
            checkMessage(e);
        }
    }

    /** Tokens are non-empty pieces of the input, in order, separated only by whitespace. */
    private static void checkTokens(String input, List<String> tokens) {
        int at = 0;
        for (String token : tokens) {
            check(!token.isEmpty() && !Character.isWhitespace(token.charAt(0)), "a token starts with a non-blank");
            int found = input.indexOf(token, at);
            check(found >= at && input.substring(at, found).isBlank(), "tokens in order, whitespace between them");
            at = found + token.length();
        }
        check(input.substring(at).isBlank(), "nothing after the last token but whitespace");
    }

    private static void checkValueModel(Object value) {
        if (value instanceof List<?> list) {
            list.forEach(CliParserFuzzTest::checkValueModel);
        } else if (value instanceof ADict dict) {
            dict.forEach((k, v) -> checkValueModel(v));
        } else {
            check(value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                    || value instanceof Long || value instanceof Double, "a value of the ADict value model");
        }
    }

    private static void checkMessage(AtoConfigException e) {
        if (e instanceof dev.ato.AtoLimitException limit) {
            check(e.getMessage().contains(limit.property()), "a limit error names its property");
            return;
        }
        check(e.getMessage().contains("^") && e.getMessage().contains("hint:"), "an error shows a caret and a hint");
    }

    /** Plain checks: the fuzzer calls this millions of times, so no assertion library on the hot path. */
    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }
}
