package dev.ato.cli;

import dev.ato.AtoConfigException;
import dev.ato.AtoLimitException;
import dev.ato.adict.Limits;
import dev.ato.adict.ADict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The grammar of docs/cli.md, beyond the Python ato vectors: every literal form and every error. */
class CliParserTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "1_000       | 1000",
            "0x1F        | 31",
            "0x_1f       | 31",
            "0o17        | 15",
            "0b101       | 5",
            "-0          | 0",
            "+5          | 5",
            "-0b11       | -3",
            "-2147483648 | -2147483648"})
    void integersThatFitAnIntAreIntegers(String literal, int expected) {
        assertThat(CliParser.parseValue(literal)).isEqualTo(expected);
    }

    @Test
    void largerIntegersAreLongsAndBeyond64BitsAreRejected() {
        assertThat(CliParser.parseValue("2147483648")).isEqualTo(2147483648L);
        assertThat(CliParser.parseValue("-9_223_372_036_854_775_808")).isEqualTo(Long.MIN_VALUE);
        assertThatThrownBy(() -> CliParser.parseValue("9223372036854775808"))
                .isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("does not fit in 64 bits")
                .hasMessageContaining("9.223372e+18")
                .hasMessageContaining("%9223372036854775808%");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "1e-3    | 0.001",
            ".5      | 0.5",
            "-.25    | -0.25",
            "1.      | 1.0",
            "1E3     | 1000.0",
            "1_0.5   | 10.5",
            "007.5   | 7.5",
            "inf     | Infinity",
            "+inf    | Infinity",
            "-inf    | -Infinity",
            "nan     | NaN",
            "1e999   | Infinity"})
    void floatsAreDoubles(String literal, double expected) {
        assertThat(CliParser.parseValue(literal)).isEqualTo(expected);
    }

    @Test
    void negativeZeroFloatKeepsItsSign() {
        assertThat(CliParser.parseValue("-0.0")).isEqualTo(-0.0d).isNotEqualTo(0.0d);
    }

    @Test
    void pythonAndYamlBooleansAndNull() {
        assertThat(CliParser.parseValue("True")).isEqualTo(true);
        assertThat(CliParser.parseValue("true")).isEqualTo(true);
        assertThat(CliParser.parseValue("False")).isEqualTo(false);
        assertThat(CliParser.parseValue("false")).isEqualTo(false);
        assertThat(CliParser.parseValue("None")).isNull();
        assertThat(CliParser.parseValue("null")).isNull();
        assertThat(CliParser.parseValue("TRUE")).isEqualTo("TRUE");
        assertThat(CliParser.parseValue("Nan")).isEqualTo("Nan");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "'a b'              | a b",
            "\"x\"              | x",
            "'it\\'s'           | it's",
            "'caf\\u00e9'       | café",
            "'\\x41\\U0001F600' | A\uD83D\uDE00",
            "'\\d'              | \\d",
            "%50%% off%         | 50% off",
            "%a\\%b%            | a%b",
            "%a\\\\%            | a\\",
            "%C:\\path\\to%     | C:\\path\\to",
            "`%  padded  %`     | `  padded  `",
            "%[1, 2]%           | [1, 2]",
            "resnet50           | resnet50",
            "y=1                | y=1",
            "a#b                | a#b",
            "1.2.3              | 1.2.3",
            "007                | 007",
            "http://host:8080/a | http://host:8080/a"})
    void stringsQuotedPercentAndBare(String literal, String expected) {
        assertThat(CliParser.parseValue(literal)).isEqualTo(expected);
    }

    @Test
    void quotedEscapesOfPython() {
        assertThat(CliParser.parseValue("'a\\nb\\tc\\rd\\\\e\\\"f'")).isEqualTo("a\nb\tc\rd\\e\"f");
        assertThat(CliParser.parseValue("%%")).isEqualTo("");
        assertThat(CliParser.parseValue("''")).isEqualTo("");
    }

    @Test
    void userTextIsNeverEvaluated() {
        assertThat(CliParser.parseValue("__import__('os').system('echo hacked')"))
                .isEqualTo("__import__('os').system('echo hacked')");
        assertThat(CliParser.parseValue("java.lang.Runtime.getRuntime()")).isEqualTo("java.lang.Runtime.getRuntime()");
        assertThat(CliParser.parseValue("2**10")).isEqualTo("2**10");
    }

    @Test
    void listsTuplesAndNesting() {
        assertThat(CliParser.parseValue("[1, [2, 3], [[4]]]")).isEqualTo(List.of(1, List.of(2, 3), List.of(List.of(4))));
        assertThat(CliParser.parseValue("[]")).isEqualTo(List.of());
        assertThat(CliParser.parseValue("[1, 2,]")).isEqualTo(List.of(1, 2));
        assertThat(CliParser.parseValue("(224, 224)")).isEqualTo(List.of(224, 224));
        assertThat(CliParser.parseValue("(1,)")).isEqualTo(List.of(1));
        assertThat(CliParser.parseValue("()")).isEqualTo(List.of());
        assertThat(CliParser.parseValue("(1)")).isEqualTo(1);
        assertThat(CliParser.parseValue("[resnet50, adam, 1e-3]")).isEqualTo(List.of("resnet50", "adam", 0.001));
        assertThat(CliParser.parseValue("['a', %b c%, \"d\", None]")).isEqualTo(Arrays.asList("a", "b c", "d", null));
        assertThat(CliParser.parseValue("[ 1 ,\t2\n]")).isEqualTo(List.of(1, 2));
    }

    @Test
    void dictsBecomeADictsWithStringKeys() {
        Object optim = CliParser.parseValue("{name: adam, lr: 0.1, betas: (0.9, 0.999)}");
        assertThat(optim).isInstanceOf(ADict.class);
        assertThat(((ADict) optim).toMap())
                .isEqualTo(Map.of("name", "adam", "lr", 0.1, "betas", List.of(0.9, 0.999)));
        ADict nonString = (ADict) CliParser.parseValue("{1: a, 2.5: b, True: c, 'q': d, %p q%: e}");
        assertThat(nonString.keySet()).containsExactly("1", "2.5", "True", "q", "p q");
        ADict nested = (ADict) CliParser.parseValue("{model: {depth: 50, layers: [1, {k: v}]}, a: {}}");
        assertThat(nested.get("model.depth")).isEqualTo(50);
        assertThat(nested.toMap()).isEqualTo(Map.of("model", Map.of("depth", 50, "layers", List.of(1, Map.of("k", "v"))),
                "a", Map.of()));
        assertThat(((ADict) CliParser.parseValue("{a: 1, a: 2}")).get("a")).isEqualTo(2);
    }

    /** Each malformed literal: the message fragment and the position the caret points at. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "[1, 2          | unbalanced '[': no closing ']'               | 0",
            "{a: [1, 2}     | unbalanced '[': no closing ']'               | 4",
            "{a: 1          | unbalanced '{': no closing '}'               | 0",
            "(1, 2          | unbalanced '(': no closing ')'               | 0",
            "[1, (2, 3]     | unbalanced '(': no closing ')'               | 4",
            "[1, (2, 3])    | expected ',' or ')' but found ']'            | 9",
            "[1, 2)         | unbalanced '[': no closing ']'               | 0",
            "[1 2]          | two values without a ',' between them        | 2",
            "[1, 2] x       | unexpected text after the value              | 7",
            "%a b           | unterminated %-string: no closing %          | 0",
            "%              | unterminated %-string: no closing %          | 0",
            "%a%%           | unterminated %-string: no closing %          | 0",
            "[1, %a]        | unterminated %-string: no closing %          | 4",
            "'abc           | unterminated string: no closing '            | 0",
            "{a}            | dict entry 'a' has no value                  | 2",
            "`{a: }`        | dict entry 'a' has no value                  | 4",
            "{a: 1, b}      | dict entry 'b' has no value                  | 8",
            "{a 1}          | expected ':' after dict key 'a'              | 2",
            "{'a' 1}        | expected ':' after dict key 'a' but found '1' | 5",
            "{[1]: 2}       | a dict key must be a single word             | 1",
            "[,]            | expected a value but found ','               | 1",
            "[1,,2]         | expected a value but found ','               | 3",
            "'\\x4'         | needs 2 hex digits                           | 1",
            "'\\U00110000'  | needs 8 hex digits                           | 1",
            "``             | empty value                                  | 0",
            "`   `          | empty value                                  | 0"})
    void malformedLiteralsShowWhatWhereAndAHint(String literal, String what, int caret) {
        assertThatThrownBy(() -> CliParser.parseValue(literal))
                .isInstanceOf(AtoConfigException.class)
                .hasMessageContaining(what)
                .hasMessageContaining("\n    " + literal + "\n    " + " ".repeat(caret) + "^\n")
                .hasMessageContaining("  hint: ");
    }

    @Test
    void nestingIsBoundedSoHostileInputCannotOverflowTheStack() {
        int depth = Limits.current().maxDepth();
        assertThat(CliParser.parseValue("[".repeat(depth) + "]".repeat(depth))).isInstanceOf(List.class);
        assertThatThrownBy(() -> CliParser.parseValue("[".repeat(depth + 1) + "]".repeat(depth + 1)))
                .isInstanceOf(AtoLimitException.class)
                .hasMessage("literal at position " + depth + ", key '" + "[0]".repeat(19) + "..." + "[0]".repeat(20)
                        + "': nesting deeper than " + depth + " levels (limit ato.limits.max-depth=" + depth
                        + "; raise it if this input is meant)")
                .satisfies(e -> assertThat(((AtoLimitException) e).keyPath()).isEqualTo("[0]".repeat(depth)));
        String thousands = "x={a: " + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThatThrownBy(() -> CliParser.parseArguments(List.of(thousands)))
                .isInstanceOf(AtoLimitException.class)
                .hasMessageStartingWith("command-line token #0 at position " + (5 + depth) + ", key 'a" + "[0]");
    }

    @Test
    void aMillionDigitIntegerFailsFastWithoutRepeatingIt() {
        String digits = "7".repeat(1_000_000);
        long start = System.nanoTime();
        assertThatThrownBy(() -> CliParser.parseArguments(List.of("n=" + digits)))
                .isInstanceOf(AtoLimitException.class)
                .hasMessage("command-line token #0 at position 2: a number of 1000000 digits is longer than 1000"
                        + " digits (limit ato.limits.max-number-digits=1000; raise it if this input is meant)");
        assertThat(System.nanoTime() - start).as("fails fast").isLessThan(2_000_000_000L);
        assertThatThrownBy(() -> CliParser.parseValue("[1, 0x" + "f".repeat(5000) + "]"))
                .isInstanceOf(AtoLimitException.class).hasMessageContaining("key '[1]'")
                .hasMessageContaining("ato.limits.max-number-digits");
        // a long word that is not a number is still a string
        assertThat(CliParser.parseValue("abc".repeat(1000))).isEqualTo("abc".repeat(1000));
    }

    @Test
    void installedLimitsApplyToTheCommandLine() {
        try {
            Limits.install(Limits.defaults().withMaxDepth(2).withMaxNumberDigits(3).withMaxExpansion(10));
            assertThat(CliParser.parseValue("[[1]]")).isEqualTo(List.of(List.of(1)));
            assertThatThrownBy(() -> CliParser.parseValue("[[[1]]]")).isInstanceOf(AtoLimitException.class)
                    .hasMessageContaining("ato.limits.max-depth=2");
            assertThatThrownBy(() -> CliParser.parseValue("1234")).isInstanceOf(AtoLimitException.class)
                    .hasMessageContaining("ato.limits.max-number-digits=3");
            assertThatThrownBy(() -> CliParser.parseValue("[1,2,3,4,5,6,7,8,9,10,11]"))
                    .isInstanceOf(AtoLimitException.class)
                    .hasMessageContaining("the value expands to more than 10 values")
                    .hasMessageContaining("ato.limits.max-expansion=10");
        } finally {
            Limits.install(Limits.defaults());
        }
    }

    @Test
    void theSharedReaderAcceptsPythonEscapes() {
        assertThat(CliParser.parseValue("'\\x41\\u00e9\\0\\a\\v'")).isEqualTo("A\u00e9\0\u0007\u000B");
    }

    @Test
    void tokenizeSplitsLikePythonAto() {
        assertThat(CliParser.tokenize(" v1\tlr=1e-3  layers=[1, [2, 3]] prompt=%a  b% ")).containsExactly(
                "v1", "lr=1e-3", "layers=[1, [2, 3]]", "prompt=%a  b%");
        assertThat(CliParser.tokenize("x=[1,2]extra")).containsExactly("x=[1,2]", "extra");
        assertThat(CliParser.tokenize("x=%hello%world")).containsExactly("x=%hello%", "world");
        assertThat(CliParser.tokenize("x[0]=5 f=range(3)")).containsExactly("x[0]=5", "f=range(3)");
        assertThat(CliParser.tokenize("x=['a] b', 1] y=50%")).containsExactly("x=['a] b', 1]", "y=50%");
        assertThat(CliParser.tokenize("")).isEmpty();
    }

    @Test
    void argumentsAreViewNamesOrAssignmentsWithTheirIndex() {
        List<CliArgument> arguments = CliParser.parseArguments(
                List.of("resnet101", "model.lr=0.1", "x=%a", "b%", "optim={name: adam, lr: 0.1}", "x=y=1"));
        assertThat(arguments).hasSize(5);
        assertThat(arguments.get(0)).isEqualTo(new CliArgument.ViewName("resnet101", 0));
        assertThat(arguments.get(1)).isEqualTo(new CliArgument.Assignment("model.lr", 0.1, "0.1", 1));
        assertThat(arguments.get(2)).isEqualTo(new CliArgument.Assignment("x", "a b", "%a b%", 2));
        CliArgument.Assignment optim = (CliArgument.Assignment) arguments.get(3);
        assertThat(optim.key()).isEqualTo("optim");
        assertThat(((ADict) optim.value()).toMap()).isEqualTo(Map.of("name", "adam", "lr", 0.1));
        assertThat(optim.index()).isEqualTo(3);
        assertThat(arguments.get(4)).isEqualTo(new CliArgument.Assignment("x", "y=1", "y=1", 4));
        assertThat(CliParser.parseArguments(List.of())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "=5             | '=' with no key before it        | 0",
            "--lr=1         | starts with '-', like an option  | 0",
            ".a=1           | has an empty segment             | 0",
            "a.=1           | has an empty segment             | 1",
            "a..b=1         | has an empty segment             | 1",
            "a%b=1          | contains '%'                     | 1",
            "x[0]=5         | Ato has no index assignment      | 1",
            "a.b]=1         | contains ']'                     | 3",
            "x=             | empty value                      | 2",
            "x=[1, 2        | unbalanced '['                   | 2"})
    void malformedTokensNameTheTokenAndPosition(String token, String what, int caret) {
        assertThatThrownBy(() -> CliParser.parseArguments(List.of("ok=1", token)))
                .isInstanceOf(AtoConfigException.class)
                .hasMessageStartingWith("Malformed command-line token #1 at position " + caret)
                .hasMessageContaining(what)
                .hasMessageContaining("\n    " + token + "\n    " + " ".repeat(caret) + "^\n")
                .hasMessageContaining("  hint: ");
    }

    @Test
    void anIndexedKeyIsRejectedWithTheWayToSetAList() {
        assertThatThrownBy(() -> CliParser.parseArguments(List.of("model.layers[2]=64")))
                .isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("key 'model.layers[2]' contains '['")
                .hasMessageContaining("\n    model.layers[2]=64\n                ^\n")
                .hasMessageContaining("hint: set the whole list, for example model.layers=[5, 2]");
    }

    @Test
    void everyMalformedTokenIsReportedAndNothingIsReturned() {
        assertThatThrownBy(() -> CliParser.parseArguments(List.of("=1", "ok=1", "c={a}", "v1")))
                .isInstanceOf(AtoConfigException.class)
                .hasMessageStartingWith("2 malformed command-line tokens (nothing was applied):")
                .hasMessageContaining("token #0")
                .hasMessageContaining("token #2")
                .hasMessageNotContaining("token #1");
    }
}
