package dev.ato.autoconfigure.actuate;

import org.jspecify.annotations.Nullable;

import dev.ato.adict.ADict;
import dev.ato.autoconfigure.scope.AtoScopes;
import dev.ato.scope.AppliedView;
import dev.ato.scope.Layer;
import dev.ato.scope.Origin;
import dev.ato.scope.Resolution;
import dev.ato.sanitize.Sanitizer;
import dev.ato.scope.Scope;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code /actuator/ato} and {@code /actuator/ato/{scope}}: per scope the applied order, every key's origin and
 * history, the manual's key docs and the structural hash. Values follow {@code management.endpoint.ato.show-values}
 * (never by default); what is shown passes Ato's one {@link Sanitizer}: secret keys are masked whatever it says, and
 * origins and layer names have the values they quote masked.
 */
@Endpoint(id = "ato")
public class AtoEndpoint {

    private final AtoScopes scopes;
    private final Show showValues;
    private final Set<String> roles;
    private final Sanitizer sanitizer;

    public AtoEndpoint(AtoScopes scopes, Sanitizer sanitizer, Show showValues, Set<String> roles) {
        this.scopes = scopes;
        this.sanitizer = sanitizer;
        this.showValues = showValues;
        this.roles = Set.copyOf(roles);
    }

    @ReadOperation
    public ScopesDescriptor scopes(SecurityContext securityContext) {
        boolean show = showValues.isShown(securityContext, roles);
        Map<String, ScopeDescriptor> result = new LinkedHashMap<>();
        scopes.names().forEach(name -> result.put(name, describe(name, show)));
        return new ScopesDescriptor(result);
    }

    @ReadOperation
    public @Nullable ScopeDescriptor scope(SecurityContext securityContext, @Selector String scope) {
        if (!scopes.names().contains(scope)) {
            return null; // Actuator answers 404
        }
        return describe(scope, showValues.isShown(securityContext, roles));
    }

    private ScopeDescriptor describe(String name, boolean show) {
        Sanitizer shown = sanitizer.showingValues(show);
        Scope scope = scopes.scope(name);
        Resolution resolution = scopes.resolution(name);
        List<LayerDescriptor> order = new ArrayList<>();
        for (Layer layer : resolution.layers()) {
            order.add(new LayerDescriptor(shown.text(layer.name()), layer.kind().name(), layer.priority()));
        }
        List<ViewDescriptor> views = new ArrayList<>();
        for (AppliedView view : resolution.appliedViews()) {
            views.add(new ViewDescriptor(shown.text(view.name()), view.kind().name(), view.priority(), view.lazy()));
        }
        Map<String, KeyDescriptor> keys = new LinkedHashMap<>();
        ADict config = resolution.config();
        for (String key : leaves(config)) {
            String path = name + "." + key; // as the Environment names it, for the application's own rules
            List<WriteDescriptor> history = resolution.history(key).stream()
                    .map(origin -> new WriteDescriptor(shown.text(origin.describe(), config),
                            shown.value(path, plain(origin.value())), origin.removed()))
                    .toList();
            Origin origin = resolution.origin(key);
            keys.put(key, new KeyDescriptor(shown.value(path, plain(config.get(key))),
                    shown.text(origin.describe(), config), history));
        }
        return new ScopeDescriptor(order, views, keys, scope.docs().leaves(), config.structuralHash());
    }

    /** Plain maps and lists all the way down (an ADict inside a list too), as JSON shows them. */
    private static Object plain(Object value) {
        if (value instanceof ADict dict) {
            return dict.toMap();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(AtoEndpoint::plain).toList();
        }
        return value;
    }

    private static List<String> leaves(ADict config) {
        return List.copyOf(config.leaves().keySet());
    }

    /** Every scope by name. */
    public record ScopesDescriptor(Map<String, ScopeDescriptor> scopes) {
    }

    /**
     * One scope.
     *
     * @param layers the applied layers in merge order (base, views, external, CLI, deferred, lazy views)
     * @param appliedViews the views applied, with why (default, requested, chained)
     * @param keys every leaf key: value, origin and history
     * @param manual the key docs from {@code @AtoManual}
     * @param structuralHash the structural hash of the resolved config
     */
    public record ScopeDescriptor(List<LayerDescriptor> layers, List<ViewDescriptor> appliedViews,
                                  Map<String, KeyDescriptor> keys, Map<String, Object> manual,
                                  String structuralHash) {
    }

    /** One applied layer. */
    public record LayerDescriptor(String name, String kind, int priority) {
    }

    /** One applied view. */
    public record ViewDescriptor(String name, String kind, int priority, boolean lazy) {
    }

    /** One key: final value (or mask), the layer that set it, and every write. */
    public record KeyDescriptor(Object value, String origin, List<WriteDescriptor> history) {
    }

    /** One write of a key. */
    public record WriteDescriptor(String layer, Object value, boolean removed) {
    }
}
