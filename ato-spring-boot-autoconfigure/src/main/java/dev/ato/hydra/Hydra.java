package dev.ato.hydra;

import org.jspecify.annotations.Nullable;

import dev.ato.adict.ADict;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Composes a Hydra config tree as Hydra 1.3 does ({@code hydra.compose(config_name, overrides)}): the primary
 * config's defaults list with config groups, packages and {@code override} entries, then the command-line
 * overrides, then (for {@link #compose}) interpolation. The top-level {@code hydra} node, which configures Hydra's
 * own runtime, is left out.
 *
 * <pre>{@code
 * ADict cfg = Hydra.compose(Path.of("conf"), "config", List.of("db=postgres", "db.port=6543"));
 * }</pre>
 */
public final class Hydra {

    /** OmegaConf's marker of a mandatory value. */
    static final String MANDATORY = "???";

    private Hydra() {
    }

    /**
     * The composed config with every interpolation resolved.
     *
     * @param configDir  the config dir (Hydra's {@code config_path})
     * @param configName the primary config, without {@code .yaml} (may be {@code null}: overrides only)
     * @param overrides  command-line overrides in Hydra's grammar, applied in order ({@code null}: none)
     * @throws HydraException (an {@link dev.ato.AtoConfigException}) naming the file and key, when composition or
     *                        resolution fails
     */
    public static ADict compose(Path configDir, @Nullable String configName, @Nullable List<String> overrides) {
        return composition(configDir, configName, overrides).resolve();
    }

    /**
     * Like {@link #compose(Path, String, List)}, resolving with the application resolvers of {@code resolvers}
     * (OmegaConf's {@code register_new_resolver}) and, if given there, Hydra's runtime values for
     * {@code ${hydra:...}}.
     */
    public static ADict compose(Path configDir, String configName, List<String> overrides, Resolvers resolvers) {
        return composition(configDir, configName, overrides).resolve(resolvers);
    }

    /**
     * The composed config before interpolation, with the merge order, the group choices and the origin of every
     * key.
     *
     * @throws HydraException when composition fails (interpolation is not attempted)
     */
    public static Composition composition(Path configDir, String configName, List<String> overrides) {
        return composition(configDir, configName, overrides, null);
    }

    /**
     * The composition as layers, for per-file provenance: one layer per file of the merge order (the config after
     * that file was merged, interpolations kept as text), then {@code command line} when value overrides changed
     * it, then {@code interpolation}: the config with every interpolation resolved by {@code resolvers} ({@code ???}
     * values, and interpolations that need one, stay as they are: a later layer may fill them).
     *
     * @throws HydraException when composition or resolution fails
     */
    public static List<HydraLayer> layers(Path configDir, String configName, List<String> overrides,
                                          Resolvers resolvers) {
        List<HydraLayer> layers = new ArrayList<>();
        Composition c = composition(configDir, configName, overrides, layers);
        layers.add(new HydraLayer("interpolation", c.resolveLenient(resolvers)));
        return List.copyOf(layers);
    }

    /** Whether {@code key} ({@code db}, {@code server/site}; an {@code @package} ignored) names a config group. */
    public static boolean isGroup(Path configDir, String key) {
        String group = key.contains("@") ? key.substring(0, key.indexOf('@')) : key;
        return !group.isEmpty() && new ConfigRepository(configDir).groupExists(group);
    }

    private static Composition composition(Path configDir, String configName, @Nullable List<String> overrides,
                                           @Nullable List<HydraLayer> layers) {
        Objects.requireNonNull(configDir, "configDir must name the config dir (Hydra's config_path)");
        ConfigRepository repo = new ConfigRepository(configDir);
        String primary = configName; // a .yaml suffix is kept, as Hydra keeps it in the merge order
        GroupOverrides groupOverrides = new GroupOverrides();
        List<CommandLineOverride> valueOverrides = new ArrayList<>();
        for (String text : overrides == null ? List.<String>of() : overrides) {
            CommandLineOverride o = OverrideParser.parse(text);
            if (o.value() instanceof Sweep) {
                throw new HydraException(HydraException.Kind.COMPOSITION, "Sweep override '" + text
                        + "' is not supported: composition takes one value per key. Turn the sweep into a search"
                        + " with SearchSpace.fromHydraSweep (see docs/hydra.md), or quote the value if the comma"
                        + " is part of a string", "override '" + text + "'", o.keyOrGroup());
            }
            if (o.keyOrGroup().startsWith("hydra/")) {
                throw new HydraException(HydraException.Kind.COMPOSITION, "'" + text + "' selects a Hydra runtime"
                        + " group (launcher, sweeper, logging, ...), which Ato does not have; see docs/hydra.md for"
                        + " what to use instead", "override '" + text + "'", o.keyOrGroup());
            }
            if (o.keyOrGroup().equals("hydra") || o.keyOrGroup().startsWith("hydra.")) {
                continue; // hydra.* configures Hydra's runtime, whose node is left out of the result
            }
            // as Hydra: a key naming a config group selects options unless its value is a dict
            boolean group = repo.groupExists(o.keyOrGroup()) && !(o.value() instanceof Map<?, ?>);
            if (group) {
                groupOverrides.addCommandLine(o);
            } else {
                valueOverrides.add(o);
            }
        }
        DefaultsListBuilder builder = new DefaultsListBuilder(repo, groupOverrides);
        List<MergedConfig> order = builder.build(primary);

        ConfigMerger merger = new ConfigMerger();
        for (MergedConfig m : order) {
            ConfigFile file = repo.load(m.configPath());
            merger.mergeAt(m.packagePath(), file.content(), file.fileName());
            if (layers != null) {
                layers.add(new HydraLayer(file.fileName(), snapshot(merger)));
            }
        }
        ValueOverrides values = new ValueOverrides(merger);
        valueOverrides.forEach(values::apply);
        if (layers != null && !valueOverrides.isEmpty()) {
            layers.add(new HydraLayer("command line", snapshot(merger)));
        }
        merger.root().remove("hydra");
        merger.origins().keySet().removeIf(k -> k.equals("hydra") || k.startsWith("hydra."));

        List<String> missing = new ArrayList<>();
        collectMissing(List.of(), merger.root(), missing);
        return new Composition(ADict.of(merger.root()), order, builder.choices(), missing, merger.origins(),
                builder.warnings());
    }

    private static ADict snapshot(ConfigMerger merger) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>(merger.root());
        copy.remove("hydra");
        return ADict.of(copy);
    }

    private static void collectMissing(List<Object> path, Object node, List<String> out) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectMissing(with(path, k), v, out));
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collectMissing(with(path, i), list.get(i), out);
            }
        } else if (MANDATORY.equals(node)) {
            out.add(KeyPaths.format(path));
        }
    }

    private static List<Object> with(List<Object> path, Object segment) {
        List<Object> result = new ArrayList<>(path);
        result.add(segment);
        return result;
    }
}
