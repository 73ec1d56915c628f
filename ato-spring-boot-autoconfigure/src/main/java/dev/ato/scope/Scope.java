package dev.ato.scope;

import dev.ato.AtoConfigException;
import dev.ato.adict.ADict;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A named config built from views. Register views with {@link #observe}, documentation with {@link #manual},
 * then {@link #resolve(List)} as often as needed: resolution never changes the scope, so one scope serves many
 * runs (HyperBand resolves it once per trial) and may be resolved from several threads once registration is done.
 *
 * <p>The order is design §4: base config, non-lazy views (default and requested, with their chains) by ascending
 * priority, external properties, command-line literals, deferred blocks, then lazy views by ascending priority.
 * Ties keep the order in which views were requested: default views when registered, named views in command-line
 * order, each chained view just before the view that chains it.
 */
public final class Scope {

    private final String name;
    private final ADict base;
    private final BaseSource baseSource;
    private volatile Map<String, RegisteredView> views = Map.of();
    private final ADict docs = ADict.auto();
    private volatile List<Fingerprint> traces = List.of();

    /** A scope whose config starts empty (a plain {@link ADict}). */
    public Scope(String name) {
        this.name = checkName(name, "scope");
        this.base = null;
        this.baseSource = null;
    }

    /**
     * A scope whose base comes from {@code source} at each resolution, in several layers (a Hydra config tree);
     * the words it claims on the command line select what the base holds.
     */
    public Scope(String name, BaseSource source) {
        this.name = checkName(name, "scope");
        this.base = null;
        this.baseSource = Objects.requireNonNull(source, "source");
    }

    /**
     * A scope whose config starts as a copy of {@code base} (an {@link ADict#auto()} base makes every resolved
     * config auto). The base is copied now; later edits of {@code base} do not reach the scope.
     */
    public Scope(String name, ADict base) {
        this.name = checkName(name, "scope");
        this.base = Objects.requireNonNull(base, "base").copy().freeze();
        this.baseSource = null;
    }

    /** The scope's name: the prefix of its keys and views on a {@link MultiScope} command line. */
    public String name() {
        return name;
    }

    /** Whether the scope was created with a base config (Python ato's {@code _default} view). */
    public boolean hasBase() {
        return base != null || baseSource != null;
    }

    /** The source of this scope's layered base, or {@code null}. */
    public BaseSource baseSource() {
        return baseSource;
    }

    /**
     * The names of the base layers a resolution without base words gets (one per file of a Hydra tree's merge
     * order); {@code _default} for a plain base, none without a base.
     */
    public List<String> baseLayerNames() {
        if (baseSource != null) {
            return baseSource.layers(List.of()).stream().map(BaseLayer::name).toList();
        }
        return base != null ? List.of("_default") : List.of();
    }

    /** Registers a view that edits the config. */
    public Scope observe(String viewName, ViewOptions options, Consumer<ADict> view) {
        Objects.requireNonNull(view, "view");
        return observe(viewName, options, (config, context) -> view.accept(config));
    }

    /** Registers a view that may {@link ViewContext#defer defer} blocks until after the command-line input. */
    public synchronized Scope observe(String viewName, ViewOptions options, View view) {
        checkName(viewName, "view");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(view, "view");
        if (views.containsKey(viewName)) {
            throw new AtoConfigException("scope '" + name + "' already has a view '" + viewName
                    + "'; give the new view another name");
        }
        Map<String, RegisteredView> next = new LinkedHashMap<>(views);
        next.put(viewName, new RegisteredView(viewName, options, view));
        views = Collections.unmodifiableMap(next);
        return this;
    }

    /** Adds documentation: {@code docs} sets keys to descriptions on an auto ADict; later calls overwrite keys. */
    public synchronized Scope manual(Consumer<ADict> docs) {
        docs.accept(this.docs);
        return this;
    }

    /** A copy of the documentation set with {@link #manual}. */
    public synchronized ADict docs() {
        return docs.copy();
    }

    /** The registered views and their options, in registration order. */
    public Map<String, ViewOptions> views() {
        Map<String, ViewOptions> result = new LinkedHashMap<>();
        views.forEach((viewName, view) -> result.put(viewName, view.options()));
        return Collections.unmodifiableMap(result);
    }

    /**
     * Records the static fingerprint of {@code method} (see {@link Fingerprints#ofMethod}); every later resolution
     * carries it in {@link Resolution#fingerprints()}.
     */
    public synchronized Scope trace(String traceId, Method method) {
        List<Fingerprint> next = new ArrayList<>(traces);
        next.add(new Fingerprint(traceId, Fingerprint.STATIC, Fingerprints.ofMethod(method)));
        traces = List.copyOf(next);
        return this;
    }

    /** Resolves with the views and {@code key=value} literals of {@code args}. */
    public Resolution resolve(List<String> args) {
        return resolve(args, List.of());
    }

    /**
     * Resolves with {@code args} and {@code external} properties (keys inside this scope, applied after the views
     * and before the literals). Every literal and view name is checked before anything is applied.
     *
     * @throws AtoConfigException for a malformed literal, an unknown view name or a failing view
     */
    public Resolution resolve(List<String> args, List<ExternalProperty> external) {
        List<String> baseWords = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String arg : args) {
            (baseSource != null && baseSource.claims(arg) ? baseWords : rest).add(arg);
        }
        CommandLine commandLine = CommandLine.forScope(this, rest);
        return apply(commandLine.viewsOf(name), commandLine.literalsOf(name), external, baseWords);
    }

    Map<String, RegisteredView> registeredViews() {
        return views;
    }

    /** Applies the merge order for views already known to exist and literals already parsed. */
    Resolution apply(List<String> requested, List<Literal> literals, List<ExternalProperty> external,
                     List<String> baseWords) {
        ViewPlan plan = ViewPlan.of(name, views, requested);
        Resolver resolver = baseSource == null ? new Resolver(name, base)
                : new Resolver(name, baseSource.layers(baseWords));
        return resolver.resolve(plan, external, literals, traces);
    }

    static String checkName(String name, String what) {
        if (name == null || name.isEmpty()) {
            throw new AtoConfigException("a " + what + " name must not be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '.' || c == '=' || Character.isWhitespace(c)) {
                throw new AtoConfigException("bad " + what + " name '" + name + "': '" + c + "' at position " + i
                        + " is not allowed (names may not contain dots, '=' or spaces)");
            }
        }
        return name;
    }
}
