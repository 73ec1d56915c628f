package dev.ato.autoconfigure.scope;

import org.jspecify.annotations.Nullable;

import dev.ato.AtoConfigException;
import dev.ato.autoconfigure.AtoProperties;
import dev.ato.hydra.Hydra;
import dev.ato.hydra.HydraLayer;
import dev.ato.hydra.Resolvers;
import dev.ato.scope.BaseLayer;
import dev.ato.scope.BaseSource;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Hydra config tree as the base of a scope ({@code ato.hydra.<scope>.config-dir} and {@code config-name}): each
 * file of Hydra's merge order is a base layer, then {@code interpolation} (the resolved config). On the scope's
 * command line a word {@code group=option}, {@code +group=option} or {@code ~group} whose key names a config group of
 * the tree selects the option, as Hydra's command line would, and {@code key=value} for a key the tree leaves
 * mandatory ({@code ???}) goes to Hydra too, so that the interpolations reading it resolve; every other word stays an
 * Ato literal or view.
 */
final class HydraBaseSource implements BaseSource {

    private final Path configDir;
    private final String configName;
    private volatile java.util.@Nullable Set<String> mandatory;

    HydraBaseSource(Path configDir, String configName) {
        this.configDir = configDir;
        this.configName = configName;
    }

    /** The trees configured under {@code ato.hydra.<scope>}, by scope name; each must name an existing dir. */
    static Map<String, HydraBaseSource> configured(Environment environment) {
        Map<String, AtoProperties.HydraTree> trees = Binder.get(environment).bind("ato.hydra",
                Bindable.mapOf(String.class, AtoProperties.HydraTree.class)).orElse(Map.of());
        Map<String, HydraBaseSource> sources = new LinkedHashMap<>();
        trees.forEach((scope, tree) -> {
            if (tree.getConfigDir() == null) {
                throw new AtoConfigException("ato.hydra." + scope + ".config-dir is missing: name the Hydra config"
                        + " dir (Hydra's config_path) whose tree backs scope '" + scope + "'");
            }
            Path path = tree.getConfigDir().toAbsolutePath().normalize();
            if (!Files.isDirectory(path)) {
                throw new AtoConfigException("ato.hydra." + scope + ".config-dir '" + tree.getConfigDir() + "' ("
                        + path + ") is not a directory");
            }
            sources.put(scope, new HydraBaseSource(path, tree.getConfigName()));
        });
        return sources;
    }

    @Override
    public boolean claims(String word) {
        String body = word.startsWith("++") ? word.substring(2)
                : word.startsWith("+") || word.startsWith("~") ? word.substring(1) : word;
        int eq = body.indexOf('=');
        String key = eq < 0 ? (word.startsWith("~") ? body : null) : body.substring(0, eq);
        if (key == null || key.isEmpty() || key.startsWith("hydra")) {
            return false;
        }
        return Hydra.isGroup(configDir, key) || eq > 0 && word.charAt(0) != '~' && mandatory().contains(key);
    }

    /** The keys the tree's default composition leaves {@code ???}. */
    private java.util.@Nullable Set<String> mandatory() {
        if (mandatory == null) {
            mandatory = java.util.Set.copyOf(Hydra.composition(configDir, configName, List.of()).missingKeys());
        }
        return mandatory;
    }

    @Override
    public List<BaseLayer> layers(List<String> claimed) {
        return Hydra.layers(configDir, configName, claimed, Resolvers.standard()).stream()
                .map(HydraBaseSource::layer).toList();
    }

    private static BaseLayer layer(HydraLayer layer) {
        return new BaseLayer(layer.source(), layer.config());
    }
}
