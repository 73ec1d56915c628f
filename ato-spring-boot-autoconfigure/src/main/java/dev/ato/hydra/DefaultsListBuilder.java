package dev.ato.hydra;

import dev.ato.hydra.HydraException.Kind;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Computes Hydra's final defaults list: which config files are merged, at which package, in which order.
 *
 * <p>Each defaults list is walked from its last entry to its first, so that {@code override} entries of configs
 * further down (an experiment appended at the end) are known before the entries they override are expanded;
 * the resulting children keep the written order. {@code _self_} missing from a list that has other entries is
 * added at its end (the config beats its own defaults). Interpolated options ({@code ${db}_${os}}) are chosen
 * after the other entries of their list.
 */
final class DefaultsListBuilder {

    private static final Pattern CHOICE_REFERENCE = Pattern.compile("\\$\\{([^}]+)}");

    /** A node of the defaults tree: a config and, if it has a defaults list, its children. */
    private record Node(String configPath, String packagePath, boolean primary, List<Node> children) {
    }

    private static final Node SELF_MARKER = new Node("_self_", "", false, null);

    private final ConfigRepository repo;
    private final GroupOverrides overrides;
    private final Map<String, String> choices = new LinkedHashMap<>();
    private final Map<String, String> seenKeys = new LinkedHashMap<>();
    private final Map<String, List<String>> keysByGroup = new LinkedHashMap<>();

    DefaultsListBuilder(ConfigRepository repo, GroupOverrides overrides) {
        this.repo = repo;
        this.overrides = overrides;
    }

    Map<String, String> choices() {
        return choices;
    }

    List<MergedConfig> build(String primaryName) {
        List<Node> top = new ArrayList<>();
        List<Override> appends = overrides.appends();
        Node[] appended = new Node[appends.size()];
        for (int i = appends.size() - 1; i >= 0; i--) {
            Override o = appends.get(i);
            if (!(o.value() instanceof String) && o.value() != null) {
                throw new HydraException(Kind.COMPOSITION, "The option of config group '" + o.key()
                        + "' must be a name, not " + o.value(), "override '" + o.input() + "'", o.key());
            }
            DefaultsEntry entry = new DefaultsEntry(DefaultsEntry.Type.GROUP, o.keyOrGroup(), o.packageText(),
                    (String) o.value(), false, false, "override '" + o.input() + "'");
            appended[i] = expandGroup(entry, "", "", "command line");
        }
        if (primaryName != null) {
            if (!repo.configExists(primaryName)) {
                throw new HydraException(Kind.MISSING_CONFIG, "Cannot find primary config '" + primaryName
                        + "'. Available configs in '" + repo.root() + "': "
                        + String.join(", ", repo.options(parentGroup(primaryName))), primaryName + ".yaml", null);
            }
            ConfigFile primary = repo.load(primaryName);
            String pkg = primary.packageHeader() == null ? ""
                    : packageOf("", primary.packageHeader(), "", primaryName);
            top.add(expand(primary, pkg, true));
        }
        for (Node n : appended) {
            if (n != null) {
                top.add(n);
            }
        }
        overrides.checkAllUsed(keysByGroup);
        List<MergedConfig> out = new ArrayList<>();
        for (Node n : top) {
            flatten(n, out);
        }
        return out;
    }

    private Node expand(ConfigFile file, String pkg, boolean primary) {
        List<DefaultsEntry> entries = new ArrayList<>();
        if (file.defaults() != null) {
            String group = parentGroup(file.path());
            for (DefaultsEntry e : file.defaults()) {
                if (!isHydraRuntime(e, group)) { // override hydra/job_logging: ... configures Hydra's own runtime
                    entries.add(e);
                }
            }
        }
        long selves = entries.stream().filter(DefaultsEntry::isSelf).count();
        if (selves > 1) {
            throw new HydraException(Kind.COMPOSITION, "Duplicate _self_ defined in " + file.path()
                    + "; list _self_ once", file.fileName(), "defaults");
        }
        boolean hasOwn = entries.stream().anyMatch(e -> !e.override() && !e.isSelf());
        if (!hasOwn && selves == 0) {
            for (DefaultsEntry e : entries) { // only override entries: the config is a leaf
                overrides.addConfigOverride(keyOf(e, parentGroup(file.path()), pkg), e.option(), file.path());
            }
            return new Node(file.path(), pkg, primary, null);
        }
        if (selves == 0) {
            entries.add(new DefaultsEntry(DefaultsEntry.Type.SELF, DefaultsEntry.SELF, null, null, false, false,
                    file.fileName()));
        }
        String group = parentGroup(file.path());
        for (int i = entries.size() - 1; i >= 0; i--) {
            DefaultsEntry e = entries.get(i);
            if (e.override()) {
                if (!e.isGroup()) {
                    throw new HydraException(Kind.COMPOSITION, "'override' applies to config groups only: "
                            + e.name(), file.fileName(), "defaults");
                }
                overrides.addConfigOverride(keyOf(e, group, pkg), e.option(), file.path());
            }
        }
        Node[] children = new Node[entries.size()];
        List<Integer> deferred = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            DefaultsEntry e = entries.get(i);
            if (e.override()) {
                continue;
            }
            if (e.isSelf()) {
                children[i] = SELF_MARKER;
            } else if (e.isGroup() && e.isInterpolated() && !overrides.isOverridden(keyOf(e, group, pkg))) {
                deferred.add(i);
            } else {
                children[i] = e.isGroup() ? expandGroup(e, group, pkg, file.path()) : expandConfig(e, group, pkg,
                        file);
            }
        }
        for (int i : deferred) {
            DefaultsEntry e = entries.get(i);
            children[i] = expandGroup(e.withOption(interpolateChoice(e, file)), group, pkg, file.path());
        }
        List<Node> kept = new ArrayList<>();
        for (Node child : children) {
            if (child != null) {
                kept.add(child);
            }
        }
        return new Node(file.path(), pkg, primary, kept);
    }

    private Node expandConfig(DefaultsEntry e, String group, String pkg, ConfigFile parent) {
        String written = written(e);
        String path = resolvePath(e, group);
        if (!repo.configExists(path)) {
            throw new HydraException(Kind.MISSING_CONFIG, "In '" + parent.path() + "': Could not load '" + path
                    + "'. Available configs in '" + parentGroup(path) + "': "
                    + String.join(", ", repo.options(parentGroup(path))), parent.fileName(), "defaults");
        }
        if (overrides.isDeleted(path, null)) {
            return null;
        }
        ConfigFile file = repo.load(path);
        return expand(file, finalPackage(e, file, pkg, parentGroup(written).replace('/', '.')), false);
    }

    private Node expandGroup(DefaultsEntry e, String group, String pkg, String parentPath) {
        String written = written(e);
        String groupPath = resolvePath(e, group);
        String key = keyOf(e, group, pkg);
        String previous = seenKeys.putIfAbsent(key, parentPath);
        if (previous != null) {
            throw new HydraException(Kind.COMPOSITION, "Multiple values for " + key + " (in '" + previous
                    + "' and '" + parentPath + "'). To override a value use 'override " + key + ": "
                    + e.option() + "' or " + key + "=" + e.option() + " on the command line", e.source(),
                    "defaults");
        }
        keysByGroup.computeIfAbsent(groupPath, g -> new ArrayList<>()).add(key);
        String option = overrides.isOverridden(key) ? overrides.choice(key) : e.option();
        if (overrides.isDeleted(key, option)) {
            return null;
        }
        choices.put(key, option);
        if (option == null) {
            return null;
        }
        if (option.equals(Hydra.MANDATORY)) {
            throw new HydraException(Kind.COMPOSITION, "You must specify '" + key + "', e.g, " + key
                    + "=<OPTION>\nAvailable options:\n" + listed(repo.options(groupPath)), e.source(), key);
        }
        String path = groupPath + "/" + option;
        if (!repo.configExists(path)) {
            if (e.optional()) {
                return null;
            }
            List<String> available = repo.options(groupPath);
            throw new HydraException(Kind.MISSING_CONFIG, "In '" + parentPath + "': Could not find '" + path + "'\n\n"
                    + (repo.groupExists(groupPath) ? "Available options in '" + groupPath + "':\n" + listed(available)
                    : "There is no config group '" + groupPath + "' in " + repo.root()), e.source(), key);
        }
        ConfigFile file = repo.load(path);
        return expand(file, finalPackage(e, file, pkg, written.replace('/', '.')), false);
    }

    private static boolean isHydraRuntime(DefaultsEntry e, String group) {
        String path = e.isSelf() ? "" : resolvePath(e, group);
        return path.equals("hydra") || path.startsWith("hydra/");
    }

    /** The entry's group or config path without a leading {@code /}. */
    private static String written(DefaultsEntry e) {
        return e.name().startsWith("/") ? e.name().substring(1) : e.name();
    }

    /** The entry's path from the config dir: absolute when written with {@code /}, else under {@code group}. */
    private static String resolvePath(DefaultsEntry e, String group) {
        return normalize(e.name().startsWith("/") ? written(e) : join(group, written(e), "/"));
    }

    /** The override key of a group entry: its group path, plus {@code @package} when that is not the default. */
    private static String keyOf(DefaultsEntry e, String group, String pkg) {
        String written = written(e);
        String groupPath = resolvePath(e, group);
        if (e.packageText() != null) {
            String p = e.packageText();
            return groupPath + "@" + (p.startsWith("_global_") || pkg.isEmpty() ? p : pkg + "." + p);
        }
        String finalPkg = join(pkg, written.replace('/', '.'), ".");
        return finalPkg.equals(groupPath.replace('/', '.')) ? groupPath
                : groupPath + "@" + (finalPkg.isEmpty() ? "_global_" : finalPkg);
    }

    /**
     * Where a config lands: the package of its defaults entry (relative to the including config), else its
     * {@code # @package} header (absolute), else its group as written, under the including config's package.
     */
    private static String finalPackage(DefaultsEntry e, ConfigFile file, String parentPkg, String writtenGroup) {
        String name = file.path().substring(file.path().lastIndexOf('/') + 1);
        if (e.packageText() != null) {
            return packageOf(parentPkg, e.packageText(), writtenGroup, name);
        }
        if (file.packageHeader() != null) {
            return packageOf("", file.packageHeader(), parentGroup(file.path()).replace('/', '.'), name);
        }
        return join(parentPkg, writtenGroup, ".");
    }

    /** The package for {@code text} ({@code _global_...}, {@code _group_}, {@code _name_}, or under {@code parent}). */
    private static String packageOf(String parent, String text, String groupPackage, String name) {
        String p = text.replace("_group_", groupPackage).replace("_name_", name);
        if (p.equals("_global_")) {
            return "";
        }
        if (p.startsWith("_global_.")) {
            return p.substring("_global_.".length());
        }
        return join(parent, p, ".");
    }

    private String interpolateChoice(DefaultsEntry e, ConfigFile file) {
        Matcher m = CHOICE_REFERENCE.matcher(e.option());
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String ref = m.group(1).trim();
            if (!choices.containsKey(ref)) {
                throw new HydraException(Kind.COMPOSITION, "In '" + file.path() + "': the option '" + e.option()
                        + "' of group '" + e.name() + "' refers to '" + ref + "', which is not a group choice of "
                        + "this defaults list; known choices: " + choices.keySet(), file.fileName(), "defaults");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(String.valueOf(choices.get(ref))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static void flatten(Node node, List<MergedConfig> out) {
        if (node.children() == null) {
            out.add(new MergedConfig(node.configPath(), node.packagePath(), false, node.primary()));
            return;
        }
        for (Node child : node.children()) {
            if (child == SELF_MARKER) {
                out.add(new MergedConfig(node.configPath(), node.packagePath(), true, node.primary()));
            } else {
                flatten(child, out);
            }
        }
    }

    private static String listed(List<String> options) {
        return options.isEmpty() ? "\t(none)" : "\t" + String.join("\n\t", options);
    }

    static String parentGroup(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static String join(String a, String b, String sep) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : a + sep + b;
    }

    /** Resolves {@code ..} and {@code .} segments of a config path. */
    private static String normalize(String path) {
        if (!path.contains(".")) {
            return path;
        }
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else if (!part.equals(".") && !part.isEmpty()) {
                parts.add(part);
            }
        }
        return String.join("/", Collections.unmodifiableList(parts));
    }
}
