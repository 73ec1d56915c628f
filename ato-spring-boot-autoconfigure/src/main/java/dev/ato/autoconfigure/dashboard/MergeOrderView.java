package dev.ato.autoconfigure.dashboard;

import dev.ato.AtoKeyException;
import dev.ato.scope.Layer;
import dev.ato.scope.Origin;
import dev.ato.scope.Resolution;
import dev.ato.scope.Scope;
import org.springframework.beans.factory.ObjectProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The live application's merge order, from its {@link Scope} beans: each scope resolved as the application
 * resolves it without command-line input, its layers in the order they applied, and every key's origin.
 */
final class MergeOrderView {

    private final ObjectProvider<Scope> scopes;

    MergeOrderView(ObjectProvider<Scope> scopes) {
        this.scopes = scopes;
    }

    List<Views.ScopeView> scopes() {
        List<Views.ScopeView> views = new ArrayList<>();
        scopes.orderedStream().forEach(scope -> views.add(view(scope.name(), scope.resolve(List.of()))));
        return views;
    }

    List<Views.HistoryEntry> history(String scopeName, String key) {
        Resolution resolution = scope(scopeName).resolve(List.of());
        List<Views.HistoryEntry> entries = new ArrayList<>();
        for (Origin origin : resolution.history(key)) {
            entries.add(new Views.HistoryEntry(origin.name(), origin.kind().name(), origin.value(), origin.removed(),
                    origin.key().equals(key) ? origin.describe() : origin.describe() + " (" + origin.key() + ")"));
        }
        return entries;
    }

    private Scope scope(String name) {
        List<Scope> all = scopes.orderedStream().toList();
        return all.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() ->
                new AtoKeyException("no scope '" + name + "' in this application; scopes: "
                        + all.stream().map(Scope::name).toList()));
    }

    private static Views.ScopeView view(String name, Resolution resolution) {
        List<Views.LayerView> layers = new ArrayList<>();
        int index = 0;
        for (Layer layer : resolution.layers()) {
            layers.add(new Views.LayerView(index++, layer.name(), layer.kind().name(), layer.priority(),
                    layer.values(), List.copyOf(layer.removed())));
        }
        List<Views.KeyOrigin> keys = new ArrayList<>();
        for (Map.Entry<String, Object> leaf : ConfigLeaves.of(resolution.config().toMap()).entrySet()) {
            keys.add(new Views.KeyOrigin(leaf.getKey(), leaf.getValue(), resolution.origin(leaf.getKey()).describe()));
        }
        return new Views.ScopeView(name, layers, keys);
    }
}
