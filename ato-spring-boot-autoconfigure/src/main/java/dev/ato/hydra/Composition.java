package dev.ato.hydra;

import org.jspecify.annotations.Nullable;

import dev.ato.adict.ADict;

import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of composing a Hydra config tree before interpolation.
 *
 * @param config      the composed config with interpolations kept as text ({@code ${a.b}}) and mandatory values as
 *                    {@code ???}; the top-level {@code hydra} node is left out
 * @param mergeOrder  the config files in the order they were merged (Hydra's final defaults list)
 * @param choices     the selected option of every config group, keyed {@code group} or {@code group@package};
 *                    {@code null} for a deselected group
 * @param missingKeys the full keys whose value is still {@code ???}
 * @param origins     for each key path that a layer wrote, the config file ({@code db/mysql.yaml}) or the
 *                    command-line override that wrote it last
 * @param warnings    the warnings Hydra would emit (a primary config's defaults list without {@code _self_})
 */
public record Composition(ADict config, List<MergedConfig> mergeOrder, Map<String, @Nullable String> choices,
                          List<String> missingKeys, Map<String, String> origins, List<String> warnings) {

    /** A composition without warnings. */
    public Composition(ADict config, List<MergedConfig> mergeOrder, Map<String, String> choices,
                       List<String> missingKeys, @Nullable Map<String, String> origins) {
        this(config, mergeOrder, choices, missingKeys, origins, List.of());
    }

    public Composition {
        warnings = List.copyOf(warnings);
        config = config.copy().freeze();
        mergeOrder = List.copyOf(mergeOrder);
        choices = Collections.unmodifiableMap(new LinkedHashMap<>(choices));
        missingKeys = List.copyOf(missingKeys);
        origins = Collections.unmodifiableMap(new LinkedHashMap<>(origins));
    }

    /**
     * The config with every interpolation resolved, as OmegaConf's {@code to_container(resolve=True,
     * throw_on_missing=True)} would give it; {@code ${now:...}} uses the current time.
     *
     * @throws HydraException naming the full key and the file it came from, for a {@code ???} value, a missing
     *                        interpolation target, a cycle or an unknown resolver
     */
    public ADict resolve() {
        return ADict.of(new Interpolator(config.toMap(), origins, ZonedDateTime.now(), System::getenv).resolveAll());
    }

    /**
     * Like {@link #resolve()}, with a fixed clock for {@code ${now:...}} and the environment variables that
     * {@code ${oc.env:...}} sees given explicitly: for reproducible runs and tests.
     */
    public ADict resolve(ZonedDateTime now, Map<String, String> environment) {
        return resolve(now, environment, Resolvers.standard());
    }

    /**
     * Like {@link #resolve()}, calling the application resolvers (and the {@code ${hydra:...}} runtime values) of
     * {@code resolvers}; an interpolation naming a resolver it does not have fails naming it and how to register it.
     */
    public ADict resolve(Resolvers resolvers) {
        return ADict.of(new Interpolator(config.toMap(), origins, ZonedDateTime.now(), System::getenv,
                resolvers).resolveAll());
    }

    /**
     * Like {@link #resolve(Resolvers)}, but as OmegaConf's {@code throw_on_missing=False}: {@code ???} values, and
     * interpolations that reach one, stay as they are instead of failing (every other error still fails).
     */
    public ADict resolveLenient(Resolvers resolvers) {
        return ADict.of(new Interpolator(config.toMap(), origins, ZonedDateTime.now(), System::getenv,
                resolvers).resolveAllLenient());
    }

    /** {@link #resolve(Resolvers)} with a fixed clock and environment, for reproducible runs and tests. */
    public ADict resolve(ZonedDateTime now, Map<String, String> environment, Resolvers resolvers) {
        Map<String, String> env = Map.copyOf(environment);
        return ADict.of(new Interpolator(config.toMap(), origins, now, env::get, resolvers).resolveAll());
    }
}
