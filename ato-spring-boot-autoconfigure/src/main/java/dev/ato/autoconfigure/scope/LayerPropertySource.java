package dev.ato.autoconfigure.scope;

import dev.ato.scope.Layer;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * One applied layer of one scope as a Spring property source: its keys carry the scope's prefix, and every value's
 * origin names the layer ({@code view 'high_lr' of scope 'config'}), which {@code /actuator/env} shows.
 */
final class LayerPropertySource extends MapPropertySource implements OriginLookup<String> {

    private final LayerOrigin origin;

    LayerPropertySource(String name, Map<String, Object> values, String description) {
        super(name, values);
        this.origin = new LayerOrigin(description);
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
    public Origin getOrigin(String key) {
        return containsProperty(key) ? origin : null;
    }

    /** Where a value came from, in words. */
    private record LayerOrigin(String description) implements Origin {

        @Override
        public String toString() {
            return description;
        }
    }
}
