package dev.ato.autoconfigure.scope;

import dev.ato.AtoConfigException;
import dev.ato.adict.ADict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtoComponentScannerTest {

    private final AtoComponentScanner scanner = new AtoComponentScanner(getClass().getClassLoader());

    @Test
    void findsViewsAndManualsInClassNameThenDeclarationOrder() {
        List<ViewMethod> found = scanner.scan(List.of("dev.ato.autoconfigure.scope.good"));

        assertThat(found).extracting(ViewMethod::scope, ViewMethod::name).containsExactly(
                org.assertj.core.groups.Tuple.tuple("model", "base"),
                org.assertj.core.groups.Tuple.tuple("data", "small"),
                org.assertj.core.groups.Tuple.tuple("config", "defaults"),
                org.assertj.core.groups.Tuple.tuple("config", "high_lr"),
                org.assertj.core.groups.Tuple.tuple("config", "warm"),
                org.assertj.core.groups.Tuple.tuple("config", null));
        ViewMethod highLr = found.get(3);
        assertThat(highLr.options()).isEqualTo(new ViewSpec(false, 1, false, List.of("warm")));
        assertThat(found.get(4).options().lazy()).isTrue();
        assertThat(found.get(4).target()).as("static method needs no instance").isNull();
        assertThat(found.get(5).isManual()).isTrue();
    }

    @Test
    void viewMethodsRunOnTheInstanceAtoCreated() {
        List<ViewMethod> found = scanner.scan(List.of("dev.ato.autoconfigure.scope.good"));
        ADict config = ADict.auto();
        found.get(3).asConsumer().accept(config);
        found.get(4).asConsumer().accept(config);
        assertThat(config.toMap()).containsEntry("lr", 1.0).containsEntry("warmup", true);
    }

    @Test
    void aComponentWithAnInjectedFieldFailsWithTheRule() {
        assertThatThrownBy(() -> scanner.scan(List.of("dev.ato.autoconfigure.scope.injected")))
                .isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("dev.ato.autoconfigure.scope.injected.InjectedViews")
                .hasMessageContaining("asks for injection at")
                .hasMessageContaining("environment")
                .hasMessageContaining("views run before any bean exists");
    }

    @Test
    void aComponentWithoutANoArgumentConstructorFailsNamingItsConstructors() {
        assertThatThrownBy(() -> scanner.scan(List.of("dev.ato.autoconfigure.scope.noctor")))
                .isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("ConstructorViews breaks the rule: its constructors take (String)")
                .hasMessageContaining("no-argument constructor");
    }

    @Test
    void aPackageWithoutComponentsYieldsNothing() {
        assertThat(scanner.scan(List.of("dev.ato.autoconfigure.nothing.here"))).isEmpty();
    }
}
