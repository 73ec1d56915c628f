package dev.ato.autoconfigure.scope;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AtoCommandLineTest {

    private static final Set<String> VIEWS = Set.of("high_lr", "model.resnet101");

    private static AtoCommandLine parse(String... args) {
        return AtoCommandLine.parse(args, VIEWS::contains);
    }

    @Test
    void viewsAndLiteralsAreAtoInputAndOptionsStaySprings() {
        AtoCommandLine line = parse("--server.port=0", "high_lr", "lr=0.01", "--debug", "model=%resnet101%");
        assertThat(line.hasCommand()).isFalse();
        assertThat(line.atoInput()).containsExactly("high_lr", "lr=0.01", "model=%resnet101%");
    }

    @Test
    void aLiteralFirstIsInputEvenWhenItsValueLooksLikeACommand() {
        assertThat(parse("print=manual").atoInput()).containsExactly("print=manual");
    }

    @Test
    void aFirstWordThatIsNoViewIsACommandTakingEverythingAfterIt() {
        AtoCommandLine line = parse("--spring.profiles.active=pg", "print", "--format", "yaml", "high_lr", "lr=1");
        assertThat(line.command()).isEqualTo("print");
        assertThat(line.commandArgs()).containsExactly("--format", "yaml", "high_lr", "lr=1");
        assertThat(line.atoInput()).isEmpty();
    }

    @Test
    void aScopePrefixedViewIsInput() {
        assertThat(parse("model.resnet101").atoInput()).containsExactly("model.resnet101");
    }

    @Test
    void noWordsMeansNeitherInputNorCommand() {
        AtoCommandLine line = parse("--server.port=8081");
        assertThat(line).isEqualTo(new AtoCommandLine(List.of(), null, List.of()));
        assertThat(AtoCommandLine.firstWord(new String[] {"--a=b", "runs", "list"})).isEqualTo("runs");
    }
}
