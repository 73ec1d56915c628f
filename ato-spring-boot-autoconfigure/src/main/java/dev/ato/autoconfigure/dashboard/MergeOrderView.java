package dev.ato.autoconfigure.dashboard;

import dev.ato.AtoKeyException;
import dev.ato.autoconfigure.scope.AtoScopes;
import dev.ato.scope.Layer;
import dev.ato.scope.Origin;
import dev.ato.scope.Resolution;
import dev.ato.sanitize.Sanitizer;
import org.springframework.beans.factory.ObjectProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The live application's merge order, from its {@link AtoScopes} bean: each scope as it resolved at start-up (the
 * application's command line and external properties included), its layers in the order they applied, every key's
 * origin, and one key's history. Empty when the dashboard runs without the application's scopes.
 */
final class MergeOrderView {

    private final ObjectProvider<AtoScopes> scopes;
    private final Sanitizer sanitizer;

    MergeOrderView(ObjectProvider<AtoScopes> scopes, Sanitizer sanitizer) {
        this.scopes = scopes;
        this.sanitizer = sanitizer;
    }

    List<Views.ScopeView> scopes() {
        AtoScopes atoScopes = scopes.getIfAvailable();
        if (atoScopes == null) {
            return List.of();
        }
        List<Views.ScopeView> views = new ArrayList<>();
        atoScopes.resolutions().forEach((name, resolution) -> views.add(view(name, resolution)));
        return views;
    }

    List<Views.HistoryEntry> history(String scopeName, String key) {
        AtoScopes atoScopes = scopes.getIfAvailable();
        if (atoScopes == null) {
            throw new AtoKeyException("no scope '" + scopeName + "': this application has no Ato scopes");
        }
        List<Views.HistoryEntry> entries = new ArrayList<>();
        for (Origin origin : atoScopes.resolution(scopeName).history(key)) {
            String description = origin.key().equals(key) ? origin.describe()
                    : origin.describe() + " (" + origin.key() + ")";
            entries.add(new Views.HistoryEntry(sanitizer.text(origin.name()), origin.kind().name(),
                    sanitizer.value(origin.key(), origin.value()), origin.removed(), sanitizer.text(description)));
        }
        return entries;
    }

    private Views.ScopeView view(String name, Resolution resolution) {
        List<Views.LayerView> layers = new ArrayList<>();
        int index = 0;
        for (Layer layer : resolution.layers()) {
            layers.add(new Views.LayerView(index++, sanitizer.text(layer.name()), layer.kind().name(),
                    layer.priority(), sanitizer.map(layer.values()), List.copyOf(layer.removed())));
        }
        List<Views.KeyOrigin> keys = new ArrayList<>();
        for (Map.Entry<String, Object> leaf : resolution.config().leaves().entrySet()) {
            keys.add(new Views.KeyOrigin(leaf.getKey(), sanitizer.value(leaf.getKey(), leaf.getValue()),
                    sanitizer.text(resolution.origin(leaf.getKey()).describe())));
        }
        return new Views.ScopeView(name, layers, keys);
    }
}
