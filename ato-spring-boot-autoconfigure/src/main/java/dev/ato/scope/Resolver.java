package dev.ato.scope;

import dev.ato.AtoConfigException;
import dev.ato.AtoException;
import dev.ato.adict.ADict;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/** One run of the merge order (design §4) for one scope: applies each step and captures what it changed. */
final class Resolver {

    private final String scopeName;
    private final ADict config;
    private final Shadow shadow = new Shadow();
    private final List<RawLayer> layers = new ArrayList<>();
    private final List<AppliedView> applied = new ArrayList<>();
    private final List<Deferral> deferrals = new ArrayList<>();

    Resolver(String scopeName, ADict base) {
        this.scopeName = scopeName;
        this.config = base == null ? new ADict() : base.copy();
        if (base != null) {
            capture(new RawLayer("base", LayerKind.BASE, 0, null));
        }
    }

    /** A resolution whose base is several layers, each the whole config after it. */
    Resolver(String scopeName, List<BaseLayer> baseLayers) {
        this.scopeName = scopeName;
        this.config = new ADict();
        for (BaseLayer layer : baseLayers) {
            for (String key : new ArrayList<>(config.keySet())) {
                config.remove(key);
            }
            config.merge(layer.config().copy());
            capture(new RawLayer(layer.name(), LayerKind.BASE, 0, null));
        }
    }

    Resolution resolve(ViewPlan plan, List<ExternalProperty> external, List<Literal> literals,
                       List<Fingerprint> fingerprints) {
        for (ViewPlan.Step step : plan.views()) {
            Deferral deferral = runView(step, LayerKind.VIEW);
            if (!deferral.blocks.isEmpty()) {
                deferrals.add(deferral);
            }
        }
        if (!external.isEmpty()) {
            applyInputs("external", LayerKind.EXTERNAL, external, ExternalProperty::key, ExternalProperty::value,
                    ExternalProperty::source, property -> -1, property -> "external property '" + property.key()
                            + "' from '" + property.source() + "'");
        }
        if (!literals.isEmpty()) {
            applyInputs("cli", LayerKind.CLI, literals, Literal::key, Literal::value, Literal::text, Literal::index,
                    literal -> "command-line literal #" + literal.index() + " '" + literal.text() + "'");
        }
        deferrals.forEach(this::runDeferred);
        for (ViewPlan.Step step : plan.lazyViews()) {
            Deferral deferral = runView(step, LayerKind.LAZY_VIEW);
            if (!deferral.blocks.isEmpty()) {
                runDeferred(deferral); // the lazy view is already after the input
            }
        }
        return new Resolution(scopeName, config, applied, layers, fingerprints);
    }

    private void capture(RawLayer layer) {
        shadow.diff(config, "", layer);
        layers.add(layer);
    }

    private Deferral runView(ViewPlan.Step step, LayerKind kind) {
        RegisteredView view = step.view();
        Deferral deferral = new Deferral(view);
        try {
            view.body().apply(config, deferral);
        } catch (RuntimeException e) {
            throw failure("view '" + view.name() + "'", e);
        } finally {
            deferral.running = false;
        }
        capture(new RawLayer(view.name(), kind, view.options().priority(), null));
        applied.add(step.applied());
        return deferral;
    }

    private void runDeferred(Deferral deferral) {
        for (Consumer<ADict> block : deferral.blocks) {
            try {
                block.accept(config);
            } catch (RuntimeException e) {
                throw failure("deferred block of view '" + deferral.view.name() + "'", e);
            }
        }
        capture(new RawLayer(deferral.view.name(), LayerKind.DEFERRED, deferral.view.options().priority(), null));
    }

    /** Writes external properties or literals in order, then records them as one layer. */
    private <T> void applyInputs(String name, LayerKind kind, List<T> inputs, Function<T, String> key,
                                 Function<T, Object> value, Function<T, String> origin, ToIntFunction<T> index,
                                 Function<T, String> describe) {
        for (T input : inputs) {
            try {
                write(key.apply(input), value.apply(input));
            } catch (AtoException e) {
                throw new AtoConfigException(describe.apply(input) + " of scope '" + scopeName
                        + "' cannot be applied: " + e.getMessage(), e);
            }
        }
        // every external source that set a key is a step of its history; a command line's literals are one step
        RawLayer layer = new RawLayer(name, kind, 0, new KeyAttribution<>(inputs, key, origin, index,
                kind == LayerKind.EXTERNAL ? value : null));
        capture(layer);
        for (T input : inputs) {
            layer.writtenEvenIfUnchanged(key.apply(input), value.apply(input));
        }
    }

    /** Sets a dotted key, creating missing dicts on the way (as a command line expects). */
    private void write(String key, Object value) {
        if (key.indexOf('.') > 0 && !config.isAuto()) {
            for (int dot = key.indexOf('.'); dot > 0; dot = key.indexOf('.', dot + 1)) {
                String parent = key.substring(0, dot);
                if (!config.contains(parent)) {
                    config.set(parent, new ADict());
                }
            }
        }
        config.set(key, value);
    }

    private AtoConfigException failure(String what, RuntimeException e) {
        String cause = e instanceof AtoException ? e.getMessage() : e.toString();
        return new AtoConfigException(what + " of scope '" + scopeName + "' failed: " + cause, e);
    }

    /** The deferred blocks of one run of one view; also the {@link ViewContext} that view sees. */
    private final class Deferral implements ViewContext {

        final RegisteredView view;
        final List<Consumer<ADict>> blocks = new ArrayList<>(0);
        boolean running = true;

        Deferral(RegisteredView view) {
            this.view = view;
        }

        @Override
        public String viewName() {
            return view.name();
        }

        @Override
        public void defer(Consumer<ADict> block) {
            if (!running) {
                throw new AtoConfigException("view '" + view.name() + "' of scope '" + scopeName
                        + "' called defer() after it returned; call it while the view runs");
            }
            blocks.add(Objects.requireNonNull(block, "block"));
        }
    }
}
