package dev.ato.hydra;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * One element of a defaults tree while Hydra's defaults list is computed: a config ({@code base}, {@code /db/mysql})
 * or a group selection ({@code db: mysql}, {@code db: [a, b]}), together with where it was declared (the including
 * config's group folder and package), which decide its config path, its final package and its override key.
 * Mutable on purpose: an override, a deletion or a resolved interpolation changes the element in place, as in
 * Hydra's own algorithm.
 */
final class DefaultElement {

    private static final String GLOBAL = "_global_";

    final boolean group;
    /** A config's path as written, or a group's name as written (either may start with {@code /}). */
    final String written;
    /** The option: a name, a list of names, or {@code null} (deselected). Only for a group. */
    @Nullable Object value;
    @Nullable String packageText;
    String packageHeader;
    final boolean optional;
    final boolean override;
    final boolean externalAppend;
    final boolean primary;
    boolean deleted;
    /** Where it was written (a config file or an override), for messages. */
    final String source;
    private String parentBaseDir;
    private String parentPackage;

    private DefaultElement(boolean group, String written, @Nullable Object value, String packageText, boolean optional,
                           boolean override, boolean externalAppend, boolean primary, String source) {
        this.group = group;
        this.written = written;
        this.value = value;
        this.packageText = "_here_".equals(packageText) ? "" : packageText;
        this.optional = optional;
        this.override = override;
        this.externalAppend = externalAppend;
        this.primary = primary;
        this.source = source;
    }

    static DefaultElement config(String path, @Nullable String packageText, boolean optional, boolean primary, String source) {
        return new DefaultElement(false, path, null, packageText, optional, false, false, primary, source);
    }

    static DefaultElement group(String name, Object value, String packageText, boolean optional, boolean override,
                                boolean externalAppend, String source) {
        return new DefaultElement(true, name, value, packageText, optional, override, externalAppend, false, source);
    }

    static DefaultElement of(DefaultsEntry e) {
        return switch (e.type()) {
            case SELF -> config(DefaultsEntry.SELF, null, false, false, e.source());
            case CONFIG -> config(e.name(), e.packageText(), false, false, e.source());
            case GROUP -> group(e.name(), e.value(), e.packageText(), e.optional(), e.override(), false, e.source());
        };
    }

    boolean isSelf() {
        return group ? DefaultsEntry.SELF.equals(value) : DefaultsEntry.SELF.equals(written);
    }

    boolean isOptions() {
        return group && value instanceof List<?>;
    }

    @SuppressWarnings("unchecked")
    List<String> options() {
        return (List<String>) value;
    }

    /** Records the including config's group folder and package; {@code _group_} in a package becomes absolute. */
    void updateParent(String baseDir, String parentPkg) {
        parentBaseDir = baseDir;
        parentPackage = parentPkg;
        if (packageText != null && packageText.contains("_group_")) {
            packageText = GLOBAL + "." + packageText.replace("_group_", defaultPackage());
        }
    }

    /** A {@code # @package} header is absolute: {@code x} means {@code _global_.x}. */
    void setPackageHeader(@Nullable String header) {
        if (header == null) {
            return;
        }
        if (!header.equals(GLOBAL) && !header.startsWith(GLOBAL + ".")) {
            header = header.isEmpty() ? GLOBAL : GLOBAL + "." + header;
        }
        packageHeader = header;
    }

    private static String strip(String s) {
        return s.startsWith("/") ? s.substring(1) : s;
    }

    /** The group folder this element belongs to, from the config dir. */
    String groupPath() {
        boolean absolute = written.startsWith("/");
        String path = strip(written);
        if (group) {
            return parentBaseDir.isEmpty() || absolute ? path : parentBaseDir + "/" + path;
        }
        int slash = path.lastIndexOf('/');
        String folder = slash < 0 ? "" : path.substring(0, slash);
        if (absolute) {
            return folder;
        }
        return parentBaseDir.isEmpty() ? folder : folder.isEmpty() ? parentBaseDir : parentBaseDir + "/" + folder;
    }

    /** The config file this element loads, from the config dir (a {@code .yaml} suffix kept as written). */
    String configPath() {
        if (group) {
            return groupPath() + "/" + name();
        }
        boolean absolute = written.startsWith("/");
        String path = strip(written);
        return absolute || parentBaseDir.isEmpty() ? path : parentBaseDir + "/" + path;
    }

    /** The option (group) or the file name (config); {@code null} for a deselected group. */
    @Nullable String name() {
        if (group) {
            return value instanceof String s ? s : null;
        }
        int slash = written.lastIndexOf('/');
        return slash < 0 ? written : written.substring(slash + 1);
    }

    String defaultPackage() {
        return groupPath().replace('/', '.');
    }

    private String relativeGroupPath() {
        String path = strip(written);
        if (group) {
            return path;
        }
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    String packageOrHeader(boolean useHeader) {
        return packageText == null && useHeader ? packageHeader : packageText;
    }

    String finalPackage() {
        return finalPackage(true);
    }

    /** The package the config lands at: the package (or header), relative to the parent's; {@code _global_} resets. */
    String finalPackage(boolean useHeader) {
        String pkg = packageOrHeader(useHeader);
        if (pkg == null) {
            pkg = relativeGroupPath().replace('/', '.');
        }
        String ret = parentPackage.isEmpty() ? pkg : pkg.isEmpty() ? parentPackage : parentPackage + "." + pkg;
        int last = ret.lastIndexOf(GLOBAL);
        if (last < 0) {
            return ret;
        }
        int from = last + GLOBAL.length() + 1;
        return from >= ret.length() ? "" : ret.substring(from);
    }

    /** The key that selects this group on the command line: its group path, plus {@code @package} if not default. */
    String overrideKey() {
        String defaultPkg = defaultPackage();
        String finalPkg = finalPackage(false);
        String key = groupPath();
        if (!defaultPkg.equals(finalPkg)) {
            key = key + "@" + (finalPkg.isEmpty() ? GLOBAL : finalPkg);
        }
        return key;
    }

    /** The key as written in an {@code override} entry, for messages. */
    String relativeOverrideKey() {
        return packageText != null && !defaultPackage().equals(packageText) ? written + "@" + packageText : written;
    }

    boolean isInterpolation() {
        String n = group ? name() : configPath();
        return n != null && n.contains("${");
    }

    boolean isMissing() {
        return Hydra.MANDATORY.equals(name());
    }

    String parentBaseDir() {
        return parentBaseDir;
    }

    String parentPackage() {
        return parentPackage;
    }

    /** The element as written, for messages. */
    String describe() {
        String key = packageText == null ? written : written + "@" + packageText;
        return group ? key + ": " + value : key;
    }
}
