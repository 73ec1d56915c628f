package dev.ato.autoconfigure.scope;

import dev.ato.adict.ADict;
import dev.ato.scope.Layer;
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
 * every layer's source: a key is exposed only if the resolved config still has it.
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
        for (LayerPropertySource source : sourcesOf(resolutions)) {
            sources.addFirst(source);
        }
    }

    /** The sources in merge order (the first is the first layer of the first scope). */
    static List<LayerPropertySource> sourcesOf(Map<String, Resolution> resolutions) {
        List<LayerPropertySource> result = new ArrayList<>();
        resolutions.forEach((scope, resolution) -> {
            Set<String> live = leaves(resolution.config());
            List<Layer> layers = resolution.layers();
            for (int i = 0; i < layers.size(); i++) {
                Layer layer = layers.get(i);
                Map<String, Object> values = new LinkedHashMap<>();
                layer.values().forEach((key, value) -> {
                    if (live.contains(key)) {
                        values.put(scope + "." + key, value);
                    }
                });
                String name = PREFIX + scope + ":" + i + ":" + layer.kind().name().toLowerCase() + ":" + layer.name();
                result.add(new LayerPropertySource(name, values, LayerPropertySource.describe(scope, layer)));
            }
        });
        return result;
    }

    /** The dotted paths of the leaves of {@code config} (lists and scalars; empty dicts have none). */
    static Set<String> leaves(ADict config) {
        return config.leaves().keySet();
    }
}
