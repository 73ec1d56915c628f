package dev.ato.hydra;

import org.jspecify.annotations.Nullable;

import dev.ato.AtoConfigException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Hydra multirun command line read as Hydra's basic sweeper reads it: each sweep override ({@code lr=0.1,0.01},
 * {@code choice(...)}, {@code range(...)}, {@code glob(...)} for a config group) becomes an axis of values, in
 * command-line order; every other override stays a plain override that each job gets. {@link #jobs()} lists the
 * jobs' override lists in the sweeper's order (the last axis varies fastest), so {@code Hydra.compose(dir, name,
 * job)} composes any of them; {@code SearchSpace.fromHydraSweep} turns the axes into a search.
 *
 * @param axes      each swept key (as typed, without {@code +}/{@code ++}) and its values, in command-line order
 * @param prefixes  the {@code +} or {@code ++} typed before each swept key ({@code ""} for none)
 * @param overrides the plain (non-sweep) overrides, unchanged and in order
 */
public record HydraSweep(Map<String, List<Object>> axes, Map<String, String> prefixes, List<String> overrides) {

    public HydraSweep {
        Map<String, List<Object>> copy = new LinkedHashMap<>();
        axes.forEach((k, v) -> copy.put(k, Collections.unmodifiableList(new ArrayList<>(v))));
        axes = Collections.unmodifiableMap(copy);
        prefixes = Collections.unmodifiableMap(new LinkedHashMap<>(prefixes));
        overrides = List.copyOf(overrides);
    }

    /**
     * Reads a command line without a config dir: {@code glob(...)} then fails, since it lists a group's options.
     *
     * @throws HydraException naming the override and position for bad grammar, an {@code interval(...)} (continuous,
     *                        not a grid) or {@code shuffle(...)}
     */
    public static HydraSweep parse(List<String> commandLine) {
        return parse(commandLine, null);
    }

    /** Reads a command line; {@code glob(...)} selects among the options of the group in {@code configDir}. */
    public static HydraSweep parse(List<String> commandLine, @Nullable Path configDir) {
        Map<String, List<Object>> axes = new LinkedHashMap<>();
        Map<String, String> prefixes = new LinkedHashMap<>();
        List<String> plain = new ArrayList<>();
        for (String text : commandLine) {
            CommandLineOverride o = OverrideParser.parse(text);
            if (!(o.value() instanceof Sweep sweep)) {
                plain.add(text);
                continue;
            }
            String where = "override '" + text + "'";
            List<Object> values;
            if (sweep instanceof Sweep.Choice c) {
                values = c.values();
            } else if (sweep instanceof Sweep.Range r) {
                try {
                    values = r.values();
                } catch (IllegalArgumentException e) {
                    throw new HydraException(HydraException.Kind.OVERRIDE_PARSE, e.getMessage(), where, o.key());
                }
            } else if (sweep instanceof Sweep.Glob g) {
                if (configDir == null) {
                    throw new HydraException(HydraException.Kind.COMPOSITION, "glob(...) in '" + text + "' lists"
                            + " the options of config group '" + o.keyOrGroup() + "': give the config dir",
                            where, o.key());
                }
                values = new ArrayList<>(g.filter(new ConfigRepository(configDir).options(o.keyOrGroup())));
            } else {
                Sweep.Interval i = (Sweep.Interval) sweep;
                throw new HydraException(HydraException.Kind.COMPOSITION, "interval(" + i.start() + ", " + i.end()
                        + ") in '" + text + "' is a continuous range, which Hydra's basic sweeper does not"
                        + " enumerate either; use range(start, stop, step) or list the values", where, o.key());
            }
            if (axes.put(o.key(), values) != null) {
                throw new HydraException(HydraException.Kind.COMPOSITION, "'" + o.key() + "' is swept twice;"
                        + " sweep each key once", where, o.key());
            }
            prefixes.put(o.key(), switch (o.type()) {
                case ADD -> "+";
                case FORCE_ADD -> "++";
                case DELETE -> throw new HydraException(HydraException.Kind.COMPOSITION, "A deletion cannot sweep: '"
                        + text + "'", where, o.key());
                case CHANGE -> "";
            });
        }
        return new HydraSweep(axes, prefixes, plain);
    }

    /** The number of jobs: the product of the axes' sizes (1 without sweeps). */
    public long size() {
        long n = 1;
        for (List<Object> v : axes.values()) {
            n = Math.multiplyExact(n, v.size());
        }
        return n;
    }

    /** The override list of every job, in the basic sweeper's order: plain overrides first, then the swept values. */
    public List<List<String>> jobs() {
        if (size() > dev.ato.adict.Limits.current().maxExpansion()) {
            throw new AtoConfigException("the sweep " + axes.keySet() + " spans " + size() + " jobs, more than "
                    + dev.ato.adict.Limits.MAX_EXPANSION + "=" + dev.ato.adict.Limits.current().maxExpansion());
        }
        List<List<String>> jobs = new ArrayList<>();
        List<String> keys = new ArrayList<>(axes.keySet());
        int[] index = new int[keys.size()];
        if (axes.values().stream().anyMatch(List::isEmpty)) {
            return jobs;
        }
        while (true) {
            Map<String, Object> point = new LinkedHashMap<>();
            for (int k = 0; k < keys.size(); k++) {
                point.put(keys.get(k), axes.get(keys.get(k)).get(index[k]));
            }
            jobs.add(overridesFor(point));
            int k = keys.size() - 1;
            while (k >= 0 && ++index[k] == axes.get(keys.get(k)).size()) {
                index[k] = 0;
                k--;
            }
            if (k < 0) {
                return jobs;
            }
        }
    }

    /**
     * The overrides of one point of the grid ({@code key -> value} for swept keys): the plain overrides, then
     * {@code key=value} for each swept key, written in the override grammar.
     */
    public List<String> overridesFor(Map<String, ?> point) {
        List<String> out = new ArrayList<>(overrides);
        point.forEach((k, v) -> out.add(prefixes.getOrDefault(k, "") + k + "=" + OverrideText.of(v)));
        return out;
    }
}
