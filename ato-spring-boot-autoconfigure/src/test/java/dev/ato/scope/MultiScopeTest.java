package dev.ato.scope;

import dev.ato.AtoConfigException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MultiScopeTest {

    private static MultiScope modelAndData() {
        Scope model = new Scope("model");
        model.observe("model_config", ViewOptions.defaults().defaultView(true), c -> c.set("lr", 0.1));
        model.observe("high_lr", ViewOptions.defaults().priority(1), c -> c.set("lr", 0.5));
        model.observe("debug", ViewOptions.defaults(), c -> c.set("debug", true));
        Scope data = new Scope("data");
        data.observe("data_config", ViewOptions.defaults().defaultView(true), c -> c.set("lr", 0.001));
        data.observe("debug", ViewOptions.defaults(), c -> c.set("debug", true));
        return new MultiScope(model, data);
    }

    @Test
    void prefixedLiteralsAndViewsGoToTheirScopeAndBareViewsToEveryScopeHavingThem() {
        Map<String, Resolution> r = modelAndData().resolve(List.of("model.high_lr", "debug", "data.lr=0.01"));

        assertThat(r.get("model").config().toMap()).isEqualTo(Map.of("lr", 0.5, "debug", true));
        assertThat(r.get("data").config().toMap()).isEqualTo(Map.of("lr", 0.01, "debug", true));
        assertThat(r.get("data").origin("lr").name()).isEqualTo("data.lr=0.01");
        assertThat(r.keySet()).containsExactly("model", "data");
    }

    @Test
    void anUnprefixedLiteralIsAnErrorNamingTheScopes() {
        assertThatThrownBy(() -> modelAndData().resolve(List.of("lr=0.1")))
                .isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("'lr=0.1' names no scope")
                .hasMessageContaining("scopes: model, data")
                .hasMessageContaining("model.lr=0.1");
    }

    @Test
    void anUnknownScopeOrViewListsWhatExistsWithADidYouMean() {
        assertThatThrownBy(() -> modelAndData().resolve(List.of("modl.lr=0.1")))
                .hasMessageContaining("did you mean 'model'?");
        assertThatThrownBy(() -> modelAndData().resolve(List.of("model.hgh_lr")))
                .hasMessageContaining("'model.hgh_lr' is not a view of scope 'model' (views: model_config, high_lr, debug)")
                .hasMessageContaining("did you mean 'high_lr'?");
        assertThatThrownBy(() -> modelAndData().resolve(List.of("aug")))
                .hasMessageContaining("not a view of any scope")
                .hasMessageContaining("model.high_lr");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> modelAndData().resolve(List.of("lr=1", "nope")))
                .isInstanceOf(AtoConfigException.class)
                .hasMessageStartingWith("2 problems on the command line (nothing was applied)");
    }

    @Test
    void externalPropertiesAreGivenPerScope() {
        Map<String, Resolution> r = modelAndData().resolve(List.of(),
                Map.of("data", List.of(new ExternalProperty("root", "/data", "application.yml"))));
        assertThat(r.get("data").config().getString("root")).isEqualTo("/data");
        assertThatThrownBy(() -> modelAndData().resolve(List.of(), Map.of("train", List.of())))
                .isInstanceOf(AtoConfigException.class).hasMessageContaining("unknown scope 'train'");
    }

    @Test
    void scopeNamesMustDiffer() {
        assertThatThrownBy(() -> new MultiScope(new Scope("a"), new Scope("a")))
                .isInstanceOf(AtoConfigException.class).hasMessageContaining("two scopes are named 'a'");
    }

    @Test
    void oneScopeTakesUnprefixedInput() {
        Scope only = new Scope("config");
        only.observe("v", ViewOptions.defaults(), c -> c.set("v", 1));
        assertThat(new MultiScope(only).resolve(List.of("v", "lr=2")).get("config").config().toMap())
                .isEqualTo(Map.of("v", 1, "lr", 2));
    }
}
