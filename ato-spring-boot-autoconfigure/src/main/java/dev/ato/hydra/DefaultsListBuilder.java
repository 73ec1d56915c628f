package dev.ato.hydra;

import org.jspecify.annotations.Nullable;

import dev.ato.adict.Limits;
import dev.ato.hydra.HydraException.Kind;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Computes Hydra 1.3's final defaults list: which config files are merged, at which package, in which order.
 *
 * <p>The algorithm is Hydra's: the defaults tree is built depth first, each defaults list walked from its last
 * entry to its first so that {@code override} entries further down (an experiment appended at the end) are known
 * before the entries they override are expanded; {@code _self_} missing from a list that has other entries is
 * added at its end; interpolated options ({@code ${db}_${os}}) are chosen after the other entries of their list.
 * An element's config path, package and override key follow Hydra's rules ({@link DefaultElement}): a relative
 * default inside a group option resolves against the group, not the option's folder. Hydra's own runtime groups
 * ({@code hydra/...}) are left out. A config that includes itself (directly or through groups) is an error
 * naming the chain, and the tree depth is bounded.
 */
final class DefaultsListBuilder {

    private static final Pattern CHOICE_REFERENCE = Pattern.compile("\\$\\{([^}]+)}");

    /** A node of the defaults tree: an element and, once expanded, its children (elements or subtrees). */
    private static final class Node {
        final DefaultElement element;
        final @Nullable Node parent;
        List<Object> children;

        Node(DefaultElement element, @Nullable Node parent) {
            this.element = element;
            this.parent = parent;
        }
    }

    private final ConfigRepository repo;
    private final GroupOverrides overrides;
    private final List<String> warnings = new ArrayList<>();
    private final Deque<String> chain = new ArrayDeque<>();
    private final Limits limits = Limits.current();
    private long expanded;

    DefaultsListBuilder(ConfigRepository repo, GroupOverrides overrides) {
        this.repo = repo;
        this.overrides = overrides;
    }

    /** The group choices, keyed by override key, without Hydra's own {@code hydra/...} groups. */
    Map<String, String> choices() {
        Map<String, String> result = new LinkedHashMap<>();
        overrides.knownChoices().forEach((k, v) -> {
            if (!k.startsWith("hydra/")) {
                result.put(k, v);
            }
        });
        return result;
    }

    /** Hydra's warnings (a primary config's defaults list without {@code _self_}). */
    List<String> warnings() {
        return warnings;
    }

    List<MergedConfig> build(@Nullable String primaryName) {
        DefaultElement primary = DefaultElement.config(primaryName == null ? "" : primaryName, null, false, true,
                primaryName == null ? "(no primary config)" : primaryName);
        Node root = new Node(primary, null);
        primary.updateParent("", "");
        if (primaryName != null && !repo.configExists(primary.configPath())) {
            throw new HydraException(Kind.MISSING_CONFIG, "Cannot find primary config '" + primary.configPath()
                    + "'. Check that it's in your config search path.\nAvailable configs in '" + repo.root() + "': "
                    + String.join(", ", repo.options(parentGroup(primary.configPath()))),
                    ConfigRepository.fileName(primary.configPath()), null);
        }
        expand(root, true, false, 0);
        overrides.ensureOverridesUsed();
        overrides.ensureDeletionsUsed();
        List<MergedConfig> out = new ArrayList<>();
        walk(root, out);
        return out;
    }

    private void expand(Node root, boolean isRoot, boolean interpolatedSubtree, int depth) {
        DefaultElement parent = root.element;
        if (depth > limits.maxDepth()) {
            throw HydraException.limit(limits.depthExceeded(parent.source, "defaults", "defaults tree level "
                    + depth + " ('" + parent.configPath() + "', included from '" + chain.peekFirst() + "' through "
                    + chain.size() + " configs)"), parent.source, "defaults");
        }
        if (++expanded > limits.maxExpansion()) {
            throw HydraException.limit(limits.expansionExceeded(parent.source, "defaults", "",
                    "the defaults tree"), parent.source, "defaults");
        }
        if (!parent.isMissing() && parent.name() != null && !parent.configPath().isEmpty()
                && !isHydraRuntime(parent.configPath())) {
            ConfigFile header = repo.loadIfExists(parent.configPath());
            if (header != null) {
                parent.setPackageHeader(header.packageHeader());
            }
        }
        if (overrides.isDeleted(parent)) {
            overrides.delete(parent);
            return;
        }
        overrides.setKnownChoice(parent);
        if (parent.name() == null) {
            return;
        }
        if (parent.isMissing()) {
            String key = parent.overrideKey();
            throw new HydraException(Kind.COMPOSITION, "You must specify '" + key + "', e.g, " + key
                    + "=<OPTION>\nAvailable options:\n" + listed(repo.options(parent.groupPath())), parent.source,
                    key);
        }
        if (isHydraRuntime(parent.configPath())) {
            return; // Hydra's own runtime configs (launcher, logging...): not part of the app's config
        }
        String path = parent.configPath();
        ConfigFile loaded = parent.primary && path.isEmpty() ? ConfigFile.empty() : repo.loadIfExists(path);
        if (loaded == null) {
            if (parent.optional) {
                parent.deleted = true;
                return;
            }
            throw notFound(root);
        }
        if (chain.contains(path)) {
            List<String> cycle = new ArrayList<>(chain);
            cycle.add(path);
            throw new HydraException(Kind.COMPOSITION, "The defaults list of '" + path + "' includes itself: "
                    + String.join(" -> ", cycle.subList(cycle.indexOf(path), cycle.size()))
                    + "; remove the entry that closes the cycle", ConfigRepository.fileName(path), "defaults");
        }
        chain.addLast(path);
        try {
            expandLoaded(root, loaded, isRoot, interpolatedSubtree, depth);
        } finally {
            chain.removeLast();
        }
    }

    private void expandLoaded(Node root, ConfigFile loaded, boolean isRoot, boolean interpolatedSubtree,
                              int depth) {
        DefaultElement parent = root.element;
        String path = parent.configPath();
        List<DefaultElement> defaults = new ArrayList<>();
        if (loaded.defaults() != null) {
            for (DefaultsEntry e : loaded.defaults()) {
                defaults.add(DefaultElement.of(e));
            }
        }
        boolean selfAdded = false;
        if (!defaults.isEmpty() || isRoot && !overrides.appends().isEmpty()) {
            selfAdded = validateSelf(parent, defaults, loaded);
        }
        if (isRoot) {
            defaults.addAll(overrides.appends());
        }
        updateOverrides(defaults, parent, interpolatedSubtree);

        List<Object> children = new ArrayList<>();
        for (int i = defaults.size() - 1; i >= 0; i--) {
            DefaultElement d = defaults.get(i);
            if (d.isSelf()) {
                d.updateParent(parent.parentBaseDir(), parent.parentPackage());
                children.add(d);
                continue;
            }
            if (d.override) {
                continue;
            }
            d.updateParent(parent.groupPath(), parent.finalPackage());
            if (overrides.isOverridden(d)) {
                overrides.overrideDefaultOption(d);
            }
            if (d.isOptions()) {
                List<String> options = d.options();
                for (int j = options.size() - 1; j >= 0; j--) {
                    String item = options.get(j);
                    if (item.contains("${")) {
                        throw new HydraException(Kind.COMPOSITION, "In '" + path + "': Defaults List"
                                + " interpolation is not supported in options list items", d.source, "defaults");
                    }
                    DefaultElement option = DefaultElement.config(d.written + "/" + item, d.packageText,
                            d.optional, false, d.source);
                    option.updateParent(parent.groupPath(), parent.finalPackage());
                    addChild(children, new Node(option, root), interpolatedSubtree, depth);
                }
            } else if (d.isInterpolation()) {
                children.add(d);
            } else {
                addChild(children, new Node(d, root), interpolatedSubtree, depth);
            }
        }
        Map<String, Object> known = interpolationMap(defaults, selfAdded);
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i) instanceof DefaultElement d && !d.isSelf() && d.isInterpolation()) {
                resolveInterpolation(d, known, path);
                Node sub = new Node(d, root);
                d.updateParent(parent.groupPath(), parent.finalPackage());
                expand(sub, false, true, depth + 1);
                if (sub.children != null) {
                    children.set(i, sub);
                }
            }
        }
        if (!children.isEmpty()) {
            Collections.reverse(children);
            root.children = children;
        }
    }

    private void addChild(List<Object> children, Node node, boolean interpolatedSubtree, int depth) {
        expand(node, false, interpolatedSubtree, depth + 1);
        children.add(node.children == null ? node.element : node);
    }

    /** Checks {@code _self_} appears at most once; adds it at the end when missing. True when it was added. */
    private boolean validateSelf(DefaultElement parent, List<DefaultElement> defaults, ConfigFile loaded) {
        boolean hasSelf = false;
        boolean hasNonOverride = false;
        for (DefaultElement d : defaults) {
            if (!d.override) {
                hasNonOverride = true;
            }
            if (d.isSelf()) {
                if (hasSelf) {
                    throw new HydraException(Kind.COMPOSITION, "Duplicate _self_ defined in "
                            + parent.configPath(), ConfigRepository.fileName(parent.configPath()), "defaults");
                }
                hasSelf = true;
            }
        }
        if (!hasSelf && hasNonOverride || defaults.isEmpty()) {
            if (parent.primary && hasNonOverride && hasContent(loaded.content())) {
                warnings.add("In '" + parent.configPath() + "': Defaults list is missing `_self_`. See"
                        + " https://hydra.cc/docs/1.2/upgrades/1.0_to_1.1/default_composition_order for more"
                        + " information");
            }
            defaults.add(DefaultElement.config(DefaultsEntry.SELF, null, false, false,
                    ConfigRepository.fileName(parent.configPath())));
        }
        return !hasSelf;
    }

    private static boolean hasContent(Map<String, Object> content) {
        return content.values().stream().anyMatch(v -> !Hydra.MANDATORY.equals(v));
    }

    private void updateOverrides(List<DefaultElement> defaults, DefaultElement parent, boolean interpolatedSubtree) {
        boolean seenOverride = false;
        DefaultElement lastOverride = null;
        for (DefaultElement d : defaults) {
            if (d.isSelf()) {
                continue;
            }
            d.updateParent(parent.groupPath(), parent.finalPackage());
            if (seenOverride && !(d.override || d.externalAppend)) {
                throw new HydraException(Kind.COMPOSITION, "In " + parent.configPath() + ": Override '"
                        + lastOverride.overrideKey() + " : " + lastOverride.name() + "' is defined before '"
                        + d.overrideKey() + ": " + d.name() + "'.\nOverrides must be at the end of the defaults"
                        + " list", d.source, "defaults");
            }
            if (d.group && d.override) {
                seenOverride = true;
                lastOverride = d;
                if (interpolatedSubtree) {
                    throw new HydraException(Kind.COMPOSITION, parent.configPath() + ": Default List Overrides"
                            + " are not allowed in the subtree\nof an in interpolated config group (override "
                            + d.overrideKey() + "=" + d.name() + ").", d.source, "defaults");
                }
                if (!isHydraRuntime(d.groupPath())) {
                    overrides.addConfigOverride(parent.configPath(), d);
                }
            } else if (d.override) {
                throw new HydraException(Kind.COMPOSITION, "'override' applies to config groups only: "
                        + d.written, d.source, "defaults");
            }
        }
    }

    private Map<String, Object> interpolationMap(List<DefaultElement> defaults, boolean selfAdded) {
        Map<String, Object> known = new LinkedHashMap<>(overrides.knownChoices());
        List<Object> list = new ArrayList<>();
        for (DefaultElement d : defaults) {
            if (selfAdded && d.isSelf()) {
                continue;
            }
            list.add(d.group ? Map.of(d.overrideKey(), String.valueOf(d.value)) : d.configPath());
        }
        known.put("defaults", list);
        return known;
    }

    private static void resolveInterpolation(DefaultElement d, Map<String, Object> known, String path) {
        String text = d.group ? d.name() : d.written;
        Matcher m = CHOICE_REFERENCE.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String ref = m.group(1).trim();
            Object choice = known.get(ref);
            if (!(choice instanceof String) || ref.equals("defaults")) {
                List<String> keys = new ArrayList<>(known.keySet());
                keys.remove("defaults");
                throw new HydraException(Kind.COMPOSITION, "Error resolving interpolation '" + text + "'"
                        + (keys.isEmpty() ? "" : ", possible interpolation keys: " + String.join(", ", keys)),
                        d.source, "defaults");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement((String) choice));
        }
        m.appendTail(sb);
        if (d.group) {
            d.value = sb.toString();
        } else {
            throw new HydraException(Kind.COMPOSITION, "In '" + path + "': interpolation in the config path '"
                    + text + "' is not supported; use a config group", d.source, "defaults");
        }
    }

    private HydraException notFound(Node node) {
        DefaultElement e = node.element;
        String parentPath = node.parent == null ? null : node.parent.element.configPath();
        String msg;
        if (e.group) {
            String group = e.groupPath();
            List<String> options = repo.options(group);
            msg = "Could not find '" + e.configPath() + "'\n";
            if (!options.isEmpty()) {
                msg += "\nAvailable options in '" + group + "':\n" + listed(options);
            } else if (!repo.groupExists(group)) {
                msg += "\nThere is no config group '" + group + "' in " + repo.root();
            }
        } else {
            String group = parentGroup(e.configPath());
            msg = "Could not load '" + e.configPath() + "'.\nAvailable configs in '" + group + "': "
                    + String.join(", ", repo.options(group));
        }
        if (parentPath != null) {
            msg = "In '" + parentPath + "': " + msg;
        }
        return new HydraException(Kind.MISSING_CONFIG, msg, e.source, e.group ? e.overrideKey() : "defaults");
    }

    /** Depth-first walk of the finished tree into the merge order (deleted and deselected entries left out). */
    private void walk(Node tree, List<MergedConfig> out) {
        Set<String> keys = new HashSet<>();
        walk(tree, out, keys);
    }

    private void walk(Node tree, List<MergedConfig> out, Set<String> keys) {
        if (tree.children == null || tree.children.isEmpty()) {
            collect(tree.parent, tree.element, out, keys);
            return;
        }
        for (Object child : tree.children) {
            if (child instanceof DefaultElement d) {
                collect(tree, d, out, keys);
            } else {
                walk((Node) child, out, keys);
            }
        }
    }

    private void collect(Node tree, DefaultElement node, List<MergedConfig> out, Set<String> keys) {
        if (node.deleted || node.isMissing() || node.name() == null) {
            return;
        }
        MergedConfig result;
        if (node.isSelf()) {
            DefaultElement owner = tree.element;
            if (owner.primary && owner.configPath().isEmpty()) {
                return; // no primary config: only appended groups
            }
            result = new MergedConfig(owner.configPath(), owner.finalPackage(), true, owner.primary);
        } else {
            if (node.group && !keys.add(node.overrideKey())) {
                throw new HydraException(Kind.COMPOSITION, node.overrideKey() + " appears more than once in the"
                        + " final defaults list", node.source, node.overrideKey());
            }
            if (node.primary && node.configPath().isEmpty()) {
                return;
            }
            result = new MergedConfig(node.configPath(), node.finalPackage(), false, node.primary);
        }
        if (!isHydraRuntime(result.configPath())) {
            out.add(result);
        }
    }

    private static boolean isHydraRuntime(String pathOrKey) {
        return pathOrKey.equals("hydra") || pathOrKey.startsWith("hydra/") || pathOrKey.startsWith("hydra@");
    }

    private static String listed(List<String> options) {
        return options.isEmpty() ? "\t(none)" : "\t" + String.join("\n\t", options);
    }

    static String parentGroup(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
