package dev.ato.autoconfigure.scope;

import org.jspecify.annotations.Nullable;

import dev.ato.adict.ADict;
import dev.ato.scope.Layer;
import dev.ato.scope.LayerKind;
import dev.ato.scope.Origin;
import dev.ato.scope.Resolution;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Spring side of the merge order: one property source per applied layer of each scope, ahead of every other
 * source, the last layer first, so the Environment's answer for {@code <scope>.<key>} is the resolved value.
 *
 * <p>A property source cannot hide a key that a lower one holds, so a key a later layer removed is left out of
 * every layer's source: a key is exposed only if the resolved config still has it. Lists are exposed as Spring
 * exposes them from YAML, one indexed property per item ({@code config.hidden[0]}, {@code config.layers[1].width}),
 * so {@code ${config.hidden[0]}}, binding and {@code /actuator/env} see plain values.
 */
final class LayerPropertySources {

    static final String PREFIX = "ato:";

    private LayerPropertySources() {
    }

    static boolean isAtoSource(PropertySource<?> source) {
        return source.getName().startsWith(PREFIX);
    }

    /** Replaces Ato's sources in {@code environment} with those of {@code resolutions}. */
    static void install(ConfigurableEnvironment environment, Map<String, Resolution> resolutions) {
        MutablePropertySources sources = environment.getPropertySources();
        sources.stream().filter(LayerPropertySources::isAtoSource).map(PropertySource::getName).toList()
                .forEach(sources::remove);
        for (LayerPropertySource source : sourcesOf(resolutions, environment)) {
            sources.addFirst(source);
        }
    }

    /** The sources in merge order (the first is the first layer of the first scope). */
    static List<LayerPropertySource> sourcesOf(Map<String, Resolution> resolutions) {
        return sourcesOf(resolutions, null);
    }

    private static List<LayerPropertySource> sourcesOf(Map<String, Resolution> resolutions,
                                                       @Nullable ConfigurableEnvironment environment) {
        List<LayerPropertySource> result = new ArrayList<>();
        resolutions.forEach((scope, resolution) -> {
            Set<String> live = leaves(resolution.config());
            List<Layer> layers = resolution.layers();
            for (int i = 0; i < layers.size(); i++) {
                Layer layer = layers.get(i);
                Map<String, Object> values = new LinkedHashMap<>();
                Map<String, LayerPropertySource.LayerOrigin> origins = new LinkedHashMap<>();
                layer.values().forEach((key, value) -> {
                    if (live.contains(key)) {
                        Map<String, Object> flat = new LinkedHashMap<>();
                        flatten(key, value, flat);
                        flat.forEach((path, item) -> values.put(scope + "." + path, item));
                        if (layer.kind() == LayerKind.EXTERNAL || layer.kind() == LayerKind.CLI) {
                            String description = describe(scope, lastWrite(resolution, key, layer.kind()));
                            flat.keySet().forEach(path -> origins.put(scope + "." + path,
                                    new LayerPropertySource.LayerOrigin(description, environment == null
                                            || layer.kind() != LayerKind.EXTERNAL ? null
                                            : ExternalProperties.springOrigin(environment, scope, path))));
                        }
                    }
                });
                String name = PREFIX + scope + ":" + i + ":" + layer.kind().name().toLowerCase() + ":" + layer.name();
                result.add(new LayerPropertySource(name, values, LayerPropertySource.describe(scope, layer), origins));
            }
        });
        return result;
    }

    /**
     * The origin of one key for {@code /actuator/env}: which source or literal, never the value (Spring shows
     * origins even when it hides values).
     */
    private static String describe(String scope, Origin origin) {
        String what = switch (origin.kind()) {
            case EXTERNAL -> "external property from '" + origin.name() + "'";
            case CLI -> "command-line literal #" + origin.index();
            default -> origin.describe();
        };
        return what + " of scope '" + scope + "'";
    }

    /** The last write of {@code key} by the layer of {@code kind} (the one this source shows). */
    private static Origin lastWrite(Resolution resolution, String key, LayerKind kind) {
        Origin result = null;
        for (Origin write : resolution.history(key)) {
            if (write.kind() == kind && write.key().equals(key)) {
                result = write;
            }
        }
        return result == null ? resolution.origin(key) : result;
    }

    /** A list becomes indexed properties, recursively; a dict inside a list becomes dotted properties. */
    private static void flatten(String path, Object value, Map<String, Object> into) {
        if (value instanceof List<?> list && !list.isEmpty()) {
            for (int i = 0; i < list.size(); i++) {
                flatten(path + "[" + i + "]", list.get(i), into);
            }
        } else if (value instanceof Map<?, ?> map && !map.isEmpty()) {
            map.forEach((k, v) -> flatten(path + "." + k, v, into));
        } else if (value instanceof ADict dict && !dict.isEmpty()) {
            dict.forEach((k, v) -> flatten(path + "." + k, v, into));
        } else if (value instanceof List<?>) {
            into.put(path, ""); // as Spring reads an empty YAML list
        } else {
            into.put(path, value);
        }
    }

    /** The dotted paths of the leaves of {@code config} (lists and scalars; empty dicts have none). */
    static Set<String> leaves(ADict config) {
        return config.leaves().keySet();
    }
}
