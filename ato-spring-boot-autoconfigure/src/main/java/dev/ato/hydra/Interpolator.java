package dev.ato.hydra;

import org.jspecify.annotations.Nullable;

import dev.ato.hydra.HydraException.Kind;
import dev.ato.hydra.Interpolation.Argument;
import dev.ato.hydra.Interpolation.Call;
import dev.ato.hydra.Interpolation.Piece;
import dev.ato.hydra.Interpolation.Reference;
import dev.ato.hydra.Interpolation.Text;

import dev.ato.AtoLimitException;
import dev.ato.adict.Limits;

import java.time.ZonedDateTime;
import java.util.IdentityHashMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Resolves every interpolation of a composed config, in key order, as OmegaConf's
 * {@code to_container(resolve=True, throw_on_missing=True)} does: references keep the type of their target,
 * string interpolation uses Python's {@code str()}, a {@code ???} value is an error naming its full key.
 */
final class Interpolator {

    private static final Object MISSING = new Object();

    private final Map<String, Object> root;
    private final Map<String, String> origins;
    private final ZonedDateTime now;
    private final Function<String, String> environment;
    private final Map<String, Object> done = new HashMap<>();
    private final LinkedHashSet<String> inProgress = new LinkedHashSet<>();
    private final Map<String, String> nowCache = new HashMap<>();
    private final Limits limits = Limits.current();
    private final @Nullable Resolvers resolvers;
    /** OmegaConf's throw_on_missing=False: a {@code ???} (or an interpolation reaching one) stays as it is. */
    private boolean lenient;

    /** Resolves leaving {@code ???} values, and interpolations that reach one, unresolved. */
    Map<String, Object> resolveAllLenient() {
        lenient = true;
        return resolveAll();
    }

    Interpolator(Map<String, Object> root, Map<String, String> origins, ZonedDateTime now,
                 Function<String, String> environment) {
        this(root, origins, now, environment, Resolvers.standard());
    }

    Interpolator(Map<String, Object> root, Map<String, String> origins, ZonedDateTime now,
                 Function<String, String> environment, @Nullable Resolvers resolvers) {
        this.resolvers = resolvers;
        this.root = root;
        this.origins = origins;
        this.now = now;
        this.environment = environment;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> resolveAll() {
        Map<String, Object> resolved = (Map<String, Object>) resolve(List.of(), root);
        checkExpansion(resolved);
        return resolved;
    }

    private Object resolve(List<Object> path, Object raw) {
        if (raw instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put((String) k, resolve(append(path, k), v)));
            return out;
        }
        if (raw instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                out.add(resolve(append(path, i), list.get(i)));
            }
            return out;
        }
        if (raw instanceof String s) {
            if (s.equals(Hydra.MANDATORY)) {
                if (lenient) {
                    return s;
                }
                throw error(Kind.MISSING_MANDATORY_VALUE, "Missing mandatory value: " + last(path)
                        + "; give it a value in a config file or on the command line (" + KeyPaths.format(path)
                        + "=<value>)", path);
            }
            if (Interpolation.isInterpolated(s)) {
                return interpolate(path, s);
            }
        }
        return raw;
    }

    private Object interpolate(List<Object> path, String s) {
        String key = KeyPaths.format(path);
        if (done.containsKey(key)) {
            return done.get(key);
        }
        boolean outermost = inProgress.isEmpty();
        if (inProgress.size() >= limits.maxDepth()) {
            throw HydraException.limit(limits.depthExceeded(where(key), key, "a chain of " + inProgress.size()
                    + " interpolations starting at '" + inProgress.iterator().next() + "'"), where(key), key);
        }
        if (!inProgress.add(key)) {
            List<String> cycle = new ArrayList<>(inProgress);
            cycle = cycle.subList(cycle.indexOf(key), cycle.size());
            throw error(Kind.INTERPOLATION_CYCLE, "Interpolation cycle: " + String.join(" -> ", cycle) + " -> " + key
                    + "; break the cycle by giving one of these keys a plain value", path);
        }
        try {
            List<Piece> pieces;
            try {
                pieces = Interpolation.parse(s);
            } catch (IllegalArgumentException e) {
                throw error(Kind.INTERPOLATION_RESOLUTION, "Invalid interpolation '" + s + "': " + e.getMessage(),
                        path);
            } catch (AtoLimitException e) {
                throw HydraException.limit(limits.depthExceeded(where(key), key, e.position()), where(key), key);
            }
            Object value = pieces.size() == 1 && !(pieces.get(0) instanceof Text)
                    ? evaluate(path, pieces.get(0), s) : concatenate(path, pieces, s);
            done.put(key, value);
            return value;
        } catch (HydraException e) {
            if (lenient && outermost && (e.kind() == Kind.MISSING_MANDATORY_VALUE
                    || e.kind() == Kind.INTERPOLATION_TO_MISSING_VALUE)) {
                return s; // the value it needs is still ???: keep the interpolation for a later layer to fill
            }
            // OmegaConf names the key it was resolving when a nested interpolation failed
            if (outermost && !key.equals(e.keyPath()) && e.kind() != Kind.INTERPOLATION_CYCLE
                    && e.kind() != Kind.LIMIT) {
                throw e.at(key, KeyPaths.origin(origins, key));
            }
            throw e;
        } finally {
            inProgress.remove(key);
        }
    }

    private String concatenate(List<Object> path, List<Piece> pieces, String source) {
        StringBuilder sb = new StringBuilder();
        for (Piece piece : pieces) {
            sb.append(PythonStr.str(evaluate(path, piece, source)));
            if (sb.length() > limits.maxStringLength()) {
                String key = KeyPaths.format(path);
                throw HydraException.limit(limits.stringTooLong(where(key), key, "", "interpolation '"
                        + abbreviate(source) + "'"), where(key), key);
            }
        }
        return sb.toString();
    }

    private String where(String key) {
        String origin = KeyPaths.origin(origins, key);
        return origin == null ? "the composed config" : origin;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 60) + "... (" + s.length() + " characters)";
    }

    /**
     * Counts the values of the resolved tree as a copy would produce them (a container referenced twice counts
     * twice), so that references that double a list or dict level after level fail before anything copies them.
     */
    private void checkExpansion(Map<String, Object> resolved) {
        Map<Object, Long> sizes = new IdentityHashMap<>();
        long total = size(resolved, sizes);
        if (total > limits.maxExpansion()) {
            throw HydraException.limit(limits.expansionExceeded("the composed config", "", "",
                    "resolving interpolations (" + total + " values)"), "the composed config", "");
        }
    }

    private long size(Object node, Map<Object, Long> sizes) {
        if (!(node instanceof Map<?, ?>) && !(node instanceof List<?>)) {
            return 1;
        }
        Long known = sizes.get(node);
        if (known != null) {
            return known;
        }
        long total = 1;
        for (Object child : node instanceof Map<?, ?> m ? m.values() : (List<?>) node) {
            total = Math.min(Long.MAX_VALUE / 2, total + size(child, sizes));
        }
        sizes.put(node, total);
        return total;
    }

    private Object evaluate(List<Object> path, Piece piece, String source) {
        if (piece instanceof Text t) {
            return t.text();
        }
        if (piece instanceof Reference r) {
            return reference(path, concatenate(path, r.path(), source), source, false);
        }
        return call(path, (Call) piece, source);
    }

    /** The resolved value that {@code ref} points at, seen from the key at {@code path}. */
    private Object reference(List<Object> path, String ref, String source, boolean optional) {
        List<Object> target = targetPath(path, ref, source, optional);
        if (target == null) {
            return MISSING;
        }
        Object raw = lookup(target);
        if (raw == MISSING) {
            if (optional) {
                return MISSING;
            }
            throw error(Kind.INTERPOLATION_KEY, "Interpolation key '" + ref + "' not found (in '" + source
                    + "'); check the spelling, or that the config defining it is in the defaults list", path);
        }
        if (Hydra.MANDATORY.equals(raw)) {
            throw error(Kind.INTERPOLATION_TO_MISSING_VALUE, "MissingMandatoryValue while resolving interpolation: "
                    + "Missing mandatory value: " + KeyPaths.format(target) + " (in '" + source + "'); give "
                    + KeyPaths.format(target) + " a value, e.g. " + KeyPaths.format(target) + "=<value>", path);
        }
        return resolve(target, raw);
    }

    private @Nullable List<Object> targetPath(List<Object> path, String ref, String source, boolean optional) {
        int dots = 0;
        while (dots < ref.length() && ref.charAt(dots) == '.') {
            dots++;
        }
        List<Object> base;
        if (dots == 0) {
            base = List.of();
        } else {
            int keep = path.size() - dots; // one dot: the container of this key
            if (keep < 0) {
                if (optional) {
                    return null;
                }
                throw error(Kind.INTERPOLATION_KEY, "Interpolation key '" + ref + "' (in '" + source
                        + "') goes above the root of the config", path);
            }
            base = path.subList(0, keep);
        }
        List<Object> target = new ArrayList<>(base);
        target.addAll(KeyPaths.parse(ref.substring(dots)));
        return target;
    }

    /** The raw value at {@code target} (whose list indexes become Integers), or {@link #MISSING}. */
    private Object lookup(List<Object> target) {
        Object node = root;
        for (int i = 0; i < target.size(); i++) {
            Object segment = target.get(i);
            if (node instanceof Map<?, ?> map && map.containsKey(String.valueOf(segment))) {
                node = map.get(String.valueOf(segment));
            } else if (node instanceof List<?> list && KeyPaths.index(segment) >= 0
                    && KeyPaths.index(segment) < list.size()) {
                target.set(i, KeyPaths.index(segment));
                node = list.get(KeyPaths.index(segment));
            } else {
                return MISSING;
            }
        }
        return node;
    }

    private @Nullable Object call(List<Object> path, Call call, String source) {
        List<Object> args = new ArrayList<>();
        for (Argument a : call.arguments()) {
            args.add(argument(path, a, source));
        }
        switch (call.name()) {
            case "oc.env" -> {
                requireArgs(call, args, 1, 2, path, source);
                String value = environment.apply(String.valueOf(args.get(0)));
                if (value != null) {
                    return value;
                }
                if (args.size() == 2) {
                    return args.get(1) == null ? null : PythonStr.str(args.get(1));
                }
                throw error(Kind.INTERPOLATION_RESOLUTION, "Environment variable '" + args.get(0)
                        + "' not found (in '" + source + "'); set it or give a default: ${oc.env:"
                        + args.get(0) + ",default}", path);
            }
            case "now" -> {
                requireArgs(call, args, 1, 1, path, source);
                String pattern = PythonStr.str(args.get(0));
                return nowCache.computeIfAbsent(pattern, p -> Strftime.format(now, p));
            }
            case "oc.select" -> {
                requireArgs(call, args, 1, 2, path, source);
                Object value = reference(path, String.valueOf(args.get(0)), source, true);
                return value == MISSING ? (args.size() == 2 ? args.get(1) : null) : value;
            }
            case "oc.decode" -> {
                requireArgs(call, args, 1, 1, path, source);
                Object text = args.get(0);
                return text instanceof String s ? OverrideParser.parseValue(s, "oc.decode in " + source) : text;
            }
            case "oc.create" -> {
                requireArgs(call, args, 1, 1, path, source);
                Object value = args.get(0);
                if (value instanceof String s) {
                    value = YamlConfigReader.readValue(s, "oc.create in " + source);
                }
                if (!(value instanceof Map<?, ?>) && !(value instanceof List<?>)) {
                    throw error(Kind.INTERPOLATION_RESOLUTION, "oc.create needs a dict or a list (or YAML text of"
                            + " one), not " + PythonStr.str(value) + " (in '" + source + "')", path);
                }
                return value;
            }
            case "oc.deprecated" -> {
                requireArgs(call, args, 1, 2, path, source);
                return reference(path, String.valueOf(args.get(0)), source, false);
            }
            case "oc.dict.keys", "oc.dict.values" -> {
                requireArgs(call, args, 1, 1, path, source);
                Object dict = args.get(0) instanceof String key ? reference(path, key, source, false) : args.get(0);
                if (!(dict instanceof Map<?, ?> map)) {
                    throw error(Kind.INTERPOLATION_RESOLUTION, call.name() + " needs the key of a dict (or a dict),"
                            + " got " + PythonStr.str(args.get(0)) + " (in '" + source + "')", path);
                }
                return new ArrayList<>(call.name().equals("oc.dict.keys") ? map.keySet() : map.values());
            }
            case "hydra" -> {
                requireArgs(call, args, 1, 1, path, source);
                boolean[] present = new boolean[1];
                Object value = resolvers.hydra(String.valueOf(args.get(0)), present);
                if (present[0]) {
                    return value;
                }
                throw error(Kind.INTERPOLATION_RESOLUTION, "'" + source + "' reads Hydra's runtime config"
                        + " (${hydra:" + args.get(0) + "}), which only a running Hydra app has; "
                        + (resolvers.hasHydraRuntime() ? "the runtime map given has no '" + args.get(0) + "'"
                        : "give it with Resolvers.standard().withHydraRuntime(Map.of(\"" + args.get(0)
                        + "\", ...))") + "; see docs/hydra.md", path);
            }
            default -> {
                Resolver custom = resolvers.custom(call.name());
                if (custom == null) {
                    throw error(Kind.INTERPOLATION_RESOLUTION, "Unsupported interpolation type " + call.name()
                            + " (in '" + source + "'); register it: Resolvers.standard().with(\"" + call.name()
                            + "\", args -> ...) and pass the registry to Hydra.compose(dir, name, overrides,"
                            + " resolvers) or Composition.resolve(resolvers)", path);
                }
                try {
                    return custom.resolve(Collections.unmodifiableList(args));
                } catch (HydraException e) {
                    throw e;
                } catch (RuntimeException e) {
                    String key = KeyPaths.format(path);
                    throw new HydraException(Kind.INTERPOLATION_RESOLUTION, e.getClass().getSimpleName()
                            + " raised by resolver '" + call.name() + "' while resolving '" + source + "': "
                            + e.getMessage(), KeyPaths.origin(origins, key), key, e);
                }
            }
        }
    }

    private Object argument(List<Object> path, Argument a, String source) {
        List<Piece> pieces = a.pieces();
        if (pieces.size() == 1 && !(pieces.get(0) instanceof Text)) {
            return evaluate(path, pieces.get(0), source);
        }
        String text = concatenate(path, pieces, source);
        if (a.quoted()) {
            return text;
        }
        return text.isEmpty() ? "" : OverrideParser.parseValue(text, "resolver argument in " + source);
    }

    private void requireArgs(Call call, List<Object> args, int min, int max, List<Object> path, String source) {
        if (args.size() < min || args.size() > max) {
            throw error(Kind.INTERPOLATION_RESOLUTION, "Resolver '" + call.name() + "' takes " + min
                    + (max > min ? " to " + max : "") + " argument(s), got " + args.size() + " in '" + source + "'",
                    path);
        }
    }

    private HydraException error(Kind kind, String message, List<Object> path) {
        String key = KeyPaths.format(path);
        return new HydraException(kind, message, KeyPaths.origin(origins, key), key);
    }

    private static String last(List<Object> path) {
        return path.isEmpty() ? "" : String.valueOf(path.get(path.size() - 1));
    }

    private static List<Object> append(List<Object> path, Object segment) {
        List<Object> result = new ArrayList<>(path.size() + 1);
        result.addAll(path);
        result.add(segment);
        return result;
    }
}
