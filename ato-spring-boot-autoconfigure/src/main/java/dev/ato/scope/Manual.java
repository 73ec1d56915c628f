package dev.ato.scope;

import dev.ato.adict.ADict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The manual: per scope, the order in which views apply and the documentation of every key: the answer to
 * "why is this value what it is?" before running anything.
 */
public final class Manual {

    private static final String RULE = "-".repeat(50);
    /** Python ato's built-in {@code print} view sits among the lazy views at this priority. */
    private static final int PRINT_PRIORITY = 1280;

    /**
     * Python ato registers the base config as the view {@code _default} at this priority before any user view, so
     * its sort puts views of lower priority before it and views of the same priority after it.
     */
    private static final int DEFAULT_PRIORITY = -1;

    private Manual() {
    }

    /**
     * Python ato's manual text, byte for byte: every registered view in applying order with
     * {@code (CLI Inputs)} between the non-lazy and the lazy ones, then the user manuals (keys prefixed with the
     * scope's name when there is more than one scope). A scope with a base config lists {@code _default} where
     * Python sorts it (priority -1, before the other views of priority -1: {@code b(-2) → _default → a(-1)}), and
     * Python's {@code print} step appears among the lazy views at priority 1280, as Python prints them.
     */
    public static String render(Scope... scopes) {
        return render(false, scopes);
    }

    /**
     * {@link #render(Scope...)} with the {@code (External Properties)} step before {@code (CLI Inputs)}: the order
     * as a host that feeds external properties (Spring's {@code Environment}) applies it. Python ato has no such
     * step, so its text stays {@link #render(Scope...)}.
     */
    public static String renderWithExternal(Scope... scopes) {
        return render(true, scopes);
    }

    private static String render(boolean external, Scope... scopes) {
        StringBuilder out = new StringBuilder();
        for (Scope scope : scopes) {
            out.append(RULE).append('\n');
            out.append("[Scope \"").append(scope.name()).append("\"]\n");
            out.append("(The Applying Order of Views)\n");
            List<String> steps = new ArrayList<>();
            List<String> baseNames = scope.baseLayerNames(); // _default, or each file of a layered base
            boolean base = !baseNames.isEmpty();
            for (RegisteredView view : sorted(scope, false)) {
                if (base && view.options().priority() >= DEFAULT_PRIORITY) {
                    steps.addAll(baseNames);
                    base = false;
                }
                steps.add(view.name());
            }
            if (base) {
                steps.addAll(baseNames);
            }
            if (external) {
                steps.add("(External Properties)");
            }
            steps.add("(CLI Inputs)");
            List<RegisteredView> lazy = sorted(scope, true);
            boolean printed = false;
            for (RegisteredView view : lazy) {
                if (!printed && view.options().priority() >= PRINT_PRIORITY) {
                    steps.add("print");
                    printed = true;
                }
                steps.add(view.name());
            }
            if (!printed) {
                steps.add("print");
            }
            out.append(String.join(" \u2192 ", steps)).append('\n');
            out.append("(User Manuals)\n");
            out.append(DocsText.render(prefixed(scope, scopes.length > 1))).append('\n');
        }
        return out.append(RULE).append('\n').toString();
    }

    /**
     * A richer manual: one line per step of the merge order, with each view's priority and kind (default or
     * named, lazy), the two input steps and deferred blocks, then the user manuals.
     */
    public static String renderDetailed(Scope... scopes) {
        StringBuilder out = new StringBuilder();
        for (Scope scope : scopes) {
            out.append(RULE).append('\n');
            out.append("[Scope \"").append(scope.name()).append("\"]\n");
            out.append("(The Applying Order of Views)\n");
            int step = 1;
            for (String layer : scope.baseLayerNames()) {
                out.append(line(step++, layer, "base config", ""));
            }
            for (RegisteredView view : sorted(scope, false)) {
                out.append(line(step++, view.name(), kind(view), priority(view)));
            }
            out.append(line(step++, "(External Properties)", "input", ""));
            out.append(line(step++, "(CLI Inputs)", "input", ""));
            out.append(line(step++, "(Deferred Blocks)", "views' deferred blocks, in view order", ""));
            for (RegisteredView view : sorted(scope, true)) {
                out.append(line(step++, view.name(), kind(view), priority(view)));
            }
            out.append("(User Manuals)\n");
            out.append(DocsText.render(prefixed(scope, scopes.length > 1))).append('\n');
        }
        return out.append(RULE).append('\n').toString();
    }

    private static String line(int step, String name, String kind, String priority) {
        return String.format("%2d. %-24s %-20s %s", step, name, kind, priority).stripTrailing() + "\n";
    }

    private static String kind(RegisteredView view) {
        ViewOptions options = view.options();
        String kind = (options.defaultView() ? "default" : "named") + (options.lazy() ? " lazy" : "") + " view";
        return options.chainWith().isEmpty() ? kind : kind + ", chains " + String.join(", ", options.chainWith());
    }

    private static String priority(RegisteredView view) {
        return "priority " + view.options().priority();
    }

    private static List<RegisteredView> sorted(Scope scope, boolean lazy) {
        List<RegisteredView> views = new ArrayList<>();
        for (RegisteredView view : scope.registeredViews().values()) {
            if (view.options().lazy() == lazy) {
                views.add(view);
            }
        }
        views.sort(Comparator.comparingInt(view -> view.options().priority()));
        return views;
    }

    private static ADict prefixed(Scope scope, boolean prefix) {
        ADict docs = scope.docs();
        if (!prefix) {
            return docs;
        }
        ADict result = new ADict();
        for (Map.Entry<String, Object> entry : docs) {
            result.put(scope.name() + "." + entry.getKey(), entry.getValue());
        }
        return result;
    }
}
