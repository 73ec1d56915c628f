package dev.ato.scope;

import dev.ato.AtoConfigException;
import dev.ato.adict.ADict;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

class ScopeTest {

    @Test
    void resolvingNeverChangesTheScopeSoItCanResolveAgain() {
        Scope scope = new Scope("config", ADict.of(Map.of("n", 0)));
        scope.observe("d", ViewOptions.defaults().defaultView(true), c -> c.set("n", c.getInt("n") + 1));

        Resolution first = scope.resolve(List.of("x=1"));
        Resolution second = scope.resolve(List.of());
        assertThat(first.config().toMap()).isEqualTo(Map.of("n", 1, "x", 1));
        assertThat(second.config().toMap()).isEqualTo(Map.of("n", 1));
    }

    @Test
    void aNamedViewWithNegativePriorityRunsBeforeADefaultView() {
        Scope scope = new Scope("config");
        List<String> order = new ArrayList<>();
        scope.observe("dflt", ViewOptions.defaults().defaultView(true), c -> order.add("dflt"));
        scope.observe("early", ViewOptions.defaults().priority(-1), c -> order.add("early"));
        Resolution r = scope.resolve(List.of("early"));

        assertThat(order).containsExactly("early", "dflt");
        assertThat(r.appliedViews()).extracting(AppliedView::name, AppliedView::kind, AppliedView::priority)
                .containsExactly(tuple("early", ViewKind.REQUESTED, -1), tuple("dflt", ViewKind.DEFAULT, 0));
    }

    @Test
    void chainsApplyTransitivelyEachViewOnceEvenInACycle() {
        Scope scope = new Scope("config");
        List<String> order = new ArrayList<>();
        scope.observe("a", ViewOptions.defaults().chainWith("b"), c -> order.add("a"));
        scope.observe("b", ViewOptions.defaults().chainWith("c", "a"), c -> order.add("b"));
        scope.observe("c", ViewOptions.defaults().chainWith("a"), c -> order.add("c"));
        Resolution r = scope.resolve(List.of("a", "a"));

        assertThat(order).containsExactly("c", "b", "a");
        assertThat(r.appliedViews()).extracting(AppliedView::name, AppliedView::kind)
                .containsExactly(tuple("c", ViewKind.CHAINED), tuple("b", ViewKind.CHAINED),
                        tuple("a", ViewKind.REQUESTED));
    }

    @Test
    void deferredBlocksRunAfterTheInputInViewOrderBeforeLazyViews() {
        Scope scope = new Scope("config");
        List<String> order = new ArrayList<>();
        scope.observe("train", ViewOptions.defaults().defaultView(true), (config, context) -> {
            config.set("factor", 1);
            context.defer(c -> {
                order.add("deferred train");
                c.set("batch_size", 256 * c.getInt("factor"));
            });
        });
        scope.observe("late", ViewOptions.defaults().defaultView(true).lazy(true), (config, context) -> {
            order.add("lazy late");
            context.defer(c -> order.add("deferred late"));
        });
        Resolution r = scope.resolve(List.of("factor=2"));

        assertThat(r.config().getInt("batch_size")).isEqualTo(512);
        assertThat(order).containsExactly("deferred train", "lazy late", "deferred late");
        assertThat(r.origin("batch_size")).extracting(Origin::kind, Origin::name)
                .containsExactly(LayerKind.DEFERRED, "train");
    }

    @Test
    void deferAfterTheViewReturnedIsAnError() {
        Scope scope = new Scope("config");
        AtomicReference<ViewContext> kept = new AtomicReference<>();
        scope.observe("v", ViewOptions.defaults().defaultView(true), (config, context) -> kept.set(context));
        scope.resolve(List.of());
        assertThatThrownBy(() -> kept.get().defer(c -> { }))
                .isInstanceOf(AtoConfigException.class).hasMessageContaining("after it returned");
    }

    @Test
    void anUnknownBareTokenIsAnErrorWithTheViewsAndADidYouMean() {
        Scope scope = new Scope("config");
        scope.observe("high_lr", ViewOptions.defaults(), c -> { });
        scope.observe("long_run", ViewOptions.defaults(), c -> { });

        assertThatThrownBy(() -> scope.resolve(List.of("hgh_lr", "lr=0.1")))
                .isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("'hgh_lr' is not a view of scope 'config'")
                .hasMessageContaining("views: high_lr, long_run")
                .hasMessageContaining("did you mean 'high_lr'?");
        assertThatThrownBy(() -> scope.resolve(List.of("config.high_lr")))
                .hasMessageContaining("did you mean 'high_lr'?");
    }

    @Test
    void aMalformedLiteralStopsEverythingBeforeAnyViewRuns() {
        Scope scope = new Scope("config");
        List<String> ran = new ArrayList<>();
        scope.observe("d", ViewOptions.defaults().defaultView(true), c -> ran.add("d"));
        assertThatThrownBy(() -> scope.resolve(List.of("lr=[1, 2", "x=1")))
                .isInstanceOf(AtoConfigException.class);
        assertThat(ran).isEmpty();
    }

    @Test
    void anUnknownChainIsAnErrorNamingTheView() {
        Scope scope = new Scope("config");
        scope.observe("base", ViewOptions.defaults(), c -> { });
        scope.observe("v", ViewOptions.defaults().chainWith("bsae"), c -> { });
        assertThatThrownBy(() -> scope.resolve(List.of("v")))
                .isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("view 'v' of scope 'config' chains with unknown view 'bsae'")
                .hasMessageContaining("did you mean 'base'?");
    }

    @Test
    void aFailingViewIsReportedWithItsNameAndCause() {
        Scope scope = new Scope("config");
        scope.observe("d", ViewOptions.defaults().defaultView(true), c -> c.get("missing"));
        assertThatThrownBy(() -> scope.resolve(List.of()))
                .isInstanceOf(AtoConfigException.class)
                .hasMessageStartingWith("view 'd' of scope 'config' failed: no key 'missing'")
                .hasCauseInstanceOf(dev.ato.AtoKeyException.class);
    }

    @Test
    void registrationRejectsDuplicateAndMalformedNames() {
        Scope scope = new Scope("config");
        scope.observe("v", ViewOptions.defaults(), c -> { });
        assertThatThrownBy(() -> scope.observe("v", ViewOptions.defaults(), c -> { }))
                .isInstanceOf(AtoConfigException.class).hasMessageContaining("already has a view 'v'");
        assertThatThrownBy(() -> scope.observe("a.b", ViewOptions.defaults(), c -> { }))
                .isInstanceOf(AtoConfigException.class).hasMessageContaining("'.' at position 1");
        assertThatThrownBy(() -> new Scope("")).isInstanceOf(AtoConfigException.class);
    }

    @Test
    void viewOptionsReadAsTheyApply() {
        ViewOptions options = ViewOptions.defaults().priority(3).lazy(true).chainWith("a", "b").defaultView(true);
        assertThat(options).isEqualTo(new ViewOptions(true, 3, true, List.of("a", "b")));
        assertThat(ViewOptions.defaults()).isEqualTo(new ViewOptions(false, 0, false, List.of()));
    }
}
