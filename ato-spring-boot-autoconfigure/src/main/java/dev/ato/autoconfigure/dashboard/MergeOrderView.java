package dev.ato.autoconfigure.dashboard;

import dev.ato.AtoKeyException;
import dev.ato.autoconfigure.scope.AtoScopes;
import dev.ato.scope.Layer;
import dev.ato.scope.Origin;
import dev.ato.scope.Resolution;
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

    MergeOrderView(ObjectProvider<AtoScopes> scopes) {
        this.scopes = scopes;
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
            entries.add(new Views.HistoryEntry(origin.name(), origin.kind().name(), origin.value(), origin.removed(),
                    origin.key().equals(key) ? origin.describe() : origin.describe() + " (" + origin.key() + ")"));
        }
        return entries;
    }

    private static Views.ScopeView view(String name, Resolution resolution) {
        List<Views.LayerView> layers = new ArrayList<>();
        int index = 0;
        for (Layer layer : resolution.layers()) {
            layers.add(new Views.LayerView(index++, layer.name(), layer.kind().name(), layer.priority(),
                    layer.values(), List.copyOf(layer.removed())));
        }
        List<Views.KeyOrigin> keys = new ArrayList<>();
        for (Map.Entry<String, Object> leaf : resolution.config().leaves().entrySet()) {
            keys.add(new Views.KeyOrigin(leaf.getKey(), leaf.getValue(), resolution.origin(leaf.getKey()).describe()));
        }
        return new Views.ScopeView(name, layers, keys);
    }
}
