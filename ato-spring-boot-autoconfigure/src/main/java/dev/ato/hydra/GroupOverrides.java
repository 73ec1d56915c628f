package dev.ato.hydra;

import org.jspecify.annotations.Nullable;

import dev.ato.hydra.HydraException.Kind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The group selections that override the defaults lists, as Hydra keeps them: command-line choices
 * ({@code db=postgres}), deletions ({@code ~db}), appends ({@code +db=mysql}) and {@code override} entries of config
 * files. A command-line choice beats any config entry; among config entries the first one registered (the last in
 * the tree, which is walked backwards) wins. Also remembers the choice made for every group key.
 */
final class GroupOverrides {

    private static final class Choice {
        final Object value;
        final boolean external;
        final @Nullable String containingConfig;
        final @Nullable String relativeKey;
        final @Nullable String typed;
        boolean used;

        Choice(Object value, boolean external, @Nullable String containingConfig, @Nullable String relativeKey, @Nullable String typed) {
            this.value = value;
            this.external = external;
            this.containingConfig = containingConfig;
            this.relativeKey = relativeKey;
            this.typed = typed;
        }
    }

    private static final class Deletion {
        final String name;
        final String input;
        boolean used;

        Deletion(String name, String input) {
            this.name = name;
            this.input = input;
        }
    }

    private final Map<String, Choice> choices = new LinkedHashMap<>();
    private final Map<String, Deletion> deletions = new LinkedHashMap<>();
    private final List<DefaultElement> appends = new ArrayList<>();
    private final Map<String, String> known = new LinkedHashMap<>();
    private final Map<String, String> knownSource = new LinkedHashMap<>();
    private final Map<String, TreeSet<String>> knownPerGroup = new LinkedHashMap<>();

    /** Adds a command-line override whose key names a config group. */
    void addCommandLine(CommandLineOverride o) {
        String where = "override '" + o.input() + "'";
        if (o.type() == CommandLineOverride.Type.FORCE_ADD) {
            throw new HydraException(Kind.COMPOSITION, "force-add of config groups is not supported: '"
                    + o.input() + "'; use " + o.key() + "=<option> to change a selection or +" + o.key()
                    + "=<option> to add one", where, o.key());
        }
        if (o.type() == CommandLineOverride.Type.DELETE) {
            if (o.value() != null && !(o.value() instanceof String)) {
                throw new HydraException(Kind.COMPOSITION, "Config group override deletion value must be a string : "
                        + o.input(), where, o.key());
            }
            deletions.put(o.key(), new Deletion((String) o.value(), o.input()));
            return;
        }
        if (!(o.value() instanceof String) && !isNames(o.value())) {
            throw new HydraException(Kind.COMPOSITION, "Config group override must be a string or a list. Got "
                    + dev.ato.adict.ADict.pythonTypeName(o.value()) + " in '" + o.input() + "'", where, o.key());
        }
        if (o.type() == CommandLineOverride.Type.ADD) {
            appends.add(DefaultElement.group(o.keyOrGroup(), o.value(), o.packageText(), false, false, true,
                    where));
        } else {
            choices.put(o.key(), new Choice(o.value(), true, null, null, o.input()));
        }
    }

    private static boolean isNames(Object value) {
        return value instanceof List<?> list && list.stream().allMatch(v -> v instanceof String);
    }

    List<DefaultElement> appends() {
        return appends;
    }

    /** Records an {@code override} entry of {@code configPath}, unless a choice for its key is already known. */
    void addConfigOverride(String configPath, DefaultElement d) {
        choices.putIfAbsent(d.overrideKey(), new Choice(d.value, false, configPath, d.relativeOverrideKey(), null));
    }

    boolean isOverridden(DefaultElement d) {
        return d.group && choices.containsKey(d.overrideKey());
    }

    void overrideDefaultOption(DefaultElement d) {
        Choice c = choices.get(d.overrideKey());
        if (c != null) {
            d.value = c.value;
            c.used = true;
        }
    }

    boolean isDeleted(DefaultElement d) {
        if (!d.group) {
            return false;
        }
        Deletion deletion = deletions.get(d.overrideKey());
        return deletion != null && (deletion.name == null || deletion.name.equals(d.name()));
    }

    void delete(DefaultElement d) {
        d.deleted = true;
        deletions.get(d.overrideKey()).used = true;
    }

    /** Remembers the option chosen for a group key; two different options for one key are an error. */
    void setKnownChoice(DefaultElement d) {
        if (!d.group) {
            return;
        }
        String key = d.overrideKey();
        if (!known.containsKey(key)) {
            known.put(key, d.name());
            knownSource.put(key, d.source);
        } else if (!Objects.equals(known.get(key), d.name())) {
            throw new HydraException(Kind.COMPOSITION, "Multiple values for " + key + "."
                    + " To override a value use 'override " + key + ": " + known.get(key) + "'\n(" + key + ": "
                    + known.get(key) + " from " + knownSource.get(key) + ", " + key + ": " + d.name() + " from "
                    + d.source + ")", d.source, key);
        }
        knownPerGroup.computeIfAbsent(d.groupPath(), g -> new TreeSet<>()).add(key);
    }

    /** The choice of every group key seen, in the order seen. */
    Map<String, String> knownChoices() {
        return known;
    }

    /** Fails for a command-line or config override that matched no entry of the defaults lists. */
    void ensureOverridesUsed() {
        for (Map.Entry<String, Choice> e : choices.entrySet()) {
            Choice c = e.getValue();
            if (c.used) {
                continue;
            }
            String key = e.getKey();
            String group = key.contains("@") ? key.substring(0, key.indexOf('@')) : key;
            TreeSet<String> similar = knownPerGroup.getOrDefault(group, new TreeSet<>());
            String msg;
            if (similar.size() > 1) {
                msg = "Could not override '" + key + "'.\nDid you mean to override one of "
                        + String.join(", ", similar) + "?";
            } else if (similar.size() == 1) {
                msg = "Could not override '" + key + "'.\nDid you mean to override " + similar.first() + "?";
            } else {
                msg = "Could not override '" + key + "'. No match in the defaults list.";
            }
            if (c.containingConfig != null) {
                msg = "In '" + c.containingConfig + "': " + msg;
            }
            if (c.external) {
                msg += "\nTo append to your default list use +" + key + "=" + PythonStr.str(c.value);
                throw new HydraException(Kind.COMPOSITION, msg + "\n(you typed '" + c.typed + "')",
                        "override '" + c.typed + "'", key);
            }
            throw new HydraException(Kind.COMPOSITION, msg, c.containingConfig + " (override " + c.relativeKey
                    + ")", key);
        }
    }

    void ensureDeletionsUsed() {
        for (Map.Entry<String, Deletion> e : deletions.entrySet()) {
            Deletion d = e.getValue();
            if (!d.used) {
                String desc = d.name != null ? e.getKey() + "=" + d.name : e.getKey();
                throw new HydraException(Kind.COMPOSITION, "Could not delete '" + desc
                        + "'. No match in the defaults list", "override '" + d.input + "'", e.getKey());
            }
        }
    }
}
