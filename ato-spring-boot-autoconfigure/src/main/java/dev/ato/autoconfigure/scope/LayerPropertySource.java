package dev.ato.autoconfigure.scope;

import org.jspecify.annotations.Nullable;

import dev.ato.scope.Layer;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * One applied layer of one scope as a Spring property source: its keys carry the scope's prefix, and every value's
 * origin names the layer ({@code view 'high_lr' of scope 'config'}), which {@code /actuator/env} shows. A value set
 * from outside names the file and line, variable or option it came from, and has that Spring origin as its parent.
 */
final class LayerPropertySource extends MapPropertySource implements OriginLookup<String> {

    private final LayerOrigin origin;
    private final Map<String, LayerOrigin> keyOrigins;

    LayerPropertySource(String name, Map<String, Object> values, String description,
                        Map<String, LayerOrigin> keyOrigins) {
        super(name, values);
        this.origin = new LayerOrigin(description, null);
        this.keyOrigins = Map.copyOf(keyOrigins);
    }

    static String describe(String scope, Layer layer) {
        String what = switch (layer.kind()) {
            case BASE -> "base config";
            case VIEW -> "view '" + layer.name() + "'";
            case EXTERNAL -> "external properties";
            case CLI -> "command-line literals";
            case DEFERRED -> "deferred blocks";
            case LAZY_VIEW -> "lazy view '" + layer.name() + "'";
        };
        return what + " of scope '" + scope + "'";
    }

    @Override
    public @Nullable Origin getOrigin(String key) {
        if (!containsProperty(key)) {
            return null;
        }
        return keyOrigins.getOrDefault(key, origin);
    }

    /** Where a value came from, in words, and the Spring origin it was read from (a file and line), if any. */
    record LayerOrigin(String description, @Nullable Origin parent) implements Origin {

        @Override
        public Origin getParent() {
            return parent;
        }

        @Override
        public String toString() {
            return description;
        }
    }
}
