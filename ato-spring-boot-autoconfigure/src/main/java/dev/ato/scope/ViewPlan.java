package dev.ato.scope;

import dev.ato.AtoConfigException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which views one resolution applies, in which order: Python ato's "screen". Default views are put first, in
 * registration order, then the requested views in command-line order; each view's chain is put just before it.
 * A view is put once. Each phase (non-lazy, lazy) is then sorted by ascending priority, ties keeping that order.
 */
final class ViewPlan {

    /** One view to apply and why. */
    record Step(RegisteredView view, ViewKind kind) {
        AppliedView applied() {
            return new AppliedView(view.name(), kind, view.options().priority(), view.options().lazy());
        }
    }

    private final String scopeName;
    private final Map<String, RegisteredView> registered;
    private final Map<String, ViewKind> kinds = new HashMap<>();
    private final List<String> order = new ArrayList<>();

    private ViewPlan(String scopeName, Map<String, RegisteredView> registered) {
        this.scopeName = scopeName;
        this.registered = registered;
    }

    /** Plans the views for {@code requested} (names already checked to exist). */
    static ViewPlan of(String scopeName, Map<String, RegisteredView> registered, List<String> requested) {
        ViewPlan plan = new ViewPlan(scopeName, registered);
        for (RegisteredView view : registered.values()) {
            if (view.options().defaultView()) {
                plan.put(view, ViewKind.DEFAULT);
            }
        }
        for (String name : requested) {
            plan.put(registered.get(name), ViewKind.REQUESTED);
        }
        return plan;
    }

    private void put(RegisteredView view, ViewKind kind) {
        ViewKind placed = kinds.get(view.name());
        if (placed != null) {
            if (kind.ordinal() < placed.ordinal()) {
                kinds.put(view.name(), kind);
            }
            return;
        }
        kinds.put(view.name(), kind); // marked before its chain, so a cycle stops here
        for (String name : view.options().chainWith()) {
            RegisteredView chained = registered.get(name);
            if (chained == null) {
                throw new AtoConfigException("view '" + view.name() + "' of scope '" + scopeName
                        + "' chains with unknown view '" + name + "' (views: "
                        + Suggestions.list(registered.keySet()) + ")"
                        + Suggestions.didYouMean(name, registered.keySet()));
            }
            put(chained, ViewKind.CHAINED);
        }
        order.add(view.name()); // after its chain, as Python ato puts it on the screen
    }

    List<Step> views() {
        return phase(false);
    }

    List<Step> lazyViews() {
        return phase(true);
    }

    private List<Step> phase(boolean lazy) {
        List<Step> steps = new ArrayList<>();
        for (String name : order) {
            RegisteredView view = registered.get(name);
            if (view.options().lazy() == lazy) {
                steps.add(new Step(view, kinds.get(name)));
            }
        }
        steps.sort(Comparator.comparingInt(step -> step.view().options().priority()));
        return steps;
    }
}
