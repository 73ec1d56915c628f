package dev.ato.hydra;

import org.jspecify.annotations.Nullable;

import dev.ato.AtoConfigException;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The resolvers interpolation may call: OmegaConf's built-ins ({@code oc.env}, {@code oc.select}, {@code oc.decode},
 * {@code oc.create}, {@code oc.deprecated}, {@code oc.dict.keys}, {@code oc.dict.values}), Hydra's {@code now}, and
 * the application's own (OmegaConf's {@code register_new_resolver}). Immutable: {@link #with} returns a new registry.
 *
 * <pre>{@code
 * Resolvers resolvers = Resolvers.standard().with("eq", args -> Objects.equals(args.get(0), args.get(1)));
 * ADict cfg = Hydra.compose(dir, "config", List.of(), resolvers);
 * }</pre>
 *
 * <p>{@code ${hydra:...}} reads Hydra's runtime config, which only a running Hydra app has; give the values a tree
 * uses ({@code runtime.cwd}, {@code runtime.output_dir}, {@code job.name}, ...) with {@link #withHydraRuntime(Map)}.
 */
public final class Resolvers {

    /** The resolvers built in, which {@link #with} cannot replace. */
    public static final Set<String> BUILT_IN = Collections.unmodifiableSet(new TreeSet<>(Set.of("oc.env",
            "oc.select", "oc.decode", "oc.create", "oc.deprecated", "oc.dict.keys", "oc.dict.values", "now")));

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][\\w\\-]*(\\.[A-Za-z_][\\w\\-]*)*");
    private static final Resolvers STANDARD = new Resolvers(Map.of(), null);

    private final Map<String, Resolver> custom;
    private final @Nullable Map<String, Object> hydraRuntime;

    private Resolvers(Map<String, Resolver> custom, @Nullable Map<String, Object> hydraRuntime) {
        this.custom = custom;
        this.hydraRuntime = hydraRuntime;
    }

    /** The built-in resolvers only; {@code ${hydra:...}} fails (no runtime config). */
    public static Resolvers standard() {
        return STANDARD;
    }

    /**
     * This registry plus {@code name}.
     *
     * @throws AtoConfigException when the name is not a resolver name ({@code eq}, {@code my.div}), is built in, or
     *                            is registered already (OmegaConf refuses a second registration too)
     */
    public Resolvers with(@Nullable String name, Resolver resolver) {
        Objects.requireNonNull(resolver, "resolver");
        if (name == null || !NAME.matcher(name).matches()) {
            throw new AtoConfigException("'" + name + "' is not a resolver name: use letters, digits, '_' and '-',"
                    + " in dot-separated parts (eq, my.div_up)");
        }
        if (BUILT_IN.contains(name) || name.equals("hydra")) {
            throw new AtoConfigException("Resolver '" + name + "' is built in and cannot be replaced; register"
                    + " yours under another name" + (name.equals("hydra") ? " or give the runtime values with"
                    + " withHydraRuntime(map)" : ""));
        }
        if (custom.containsKey(name)) {
            throw new AtoConfigException("Resolver '" + name + "' is already registered");
        }
        Map<String, Resolver> copy = new LinkedHashMap<>(custom);
        copy.put(name, resolver);
        return new Resolvers(Collections.unmodifiableMap(copy), hydraRuntime);
    }

    /**
     * This registry with Hydra's runtime config for {@code ${hydra:key}}: nested maps ({@code runtime: {cwd: ...}})
     * or dotted keys ({@code "runtime.cwd"}); a key not given stays an error naming it.
     */
    public Resolvers withHydraRuntime(Map<String, ?> runtime) {
        return new Resolvers(custom, Collections.unmodifiableMap(new LinkedHashMap<>(runtime)));
    }

    /** The names of the application resolvers, in registration order. */
    public List<String> names() {
        return List.copyOf(custom.keySet());
    }

    Resolver custom(String name) {
        return custom.get(name);
    }

    /** The {@code ${hydra:key}} value, or {@code null} when {@code present[0]} stays false. */
    @Nullable Object hydra(String key, boolean[] present) {
        if (hydraRuntime == null) {
            return null;
        }
        if (hydraRuntime.containsKey(key)) {
            present[0] = true;
            return hydraRuntime.get(key);
        }
        Object node = hydraRuntime;
        for (String part : key.split("\\.")) {
            if (!(node instanceof Map<?, ?> map) || !map.containsKey(part)) {
                return null;
            }
            node = map.get(part);
        }
        present[0] = true;
        return node;
    }

    boolean hasHydraRuntime() {
        return hydraRuntime != null;
    }
}
