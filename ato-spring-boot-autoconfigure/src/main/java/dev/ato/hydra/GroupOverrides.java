package dev.ato.hydra;

import dev.ato.hydra.HydraException.Kind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The group selections that override the defaults lists: from the command line ({@code db=postgres},
 * {@code ~db}) and from {@code override} entries in config files. A command-line choice beats any config
 * entry; among config entries the one registered first (the later one in the tree) wins, as in Hydra.
 */
final class GroupOverrides {

    private record Choice(String option, String origin, boolean external) {
    }

    private final Map<String, Choice> choices = new LinkedHashMap<>();
    private final Map<String, Override> deletions = new LinkedHashMap<>();
    private final Map<String, Boolean> used = new LinkedHashMap<>();
    private final List<Override> appends = new ArrayList<>();

    void addCommandLine(Override o) {
        switch (o.type()) {
            case CHANGE -> {
                if (o.value() != null && !(o.value() instanceof String)) {
                    throw new HydraException(Kind.COMPOSITION, "The option of config group '" + o.key()
                            + "' must be a name, not " + o.value(), "override '" + o.input() + "'", o.key());
                }
                choices.put(o.key(), new Choice((String) o.value(), o.input(), true));
            }
            case ADD -> appends.add(o);
            case DELETE -> deletions.put(o.key(), o);
            case FORCE_ADD -> throw new HydraException(Kind.COMPOSITION, "Force-add of config groups ('"
                    + o.input() + "') is not supported; use " + o.key() + "=<option> to change a selection or +"
                    + o.key() + "=<option> to add one", "override '" + o.input() + "'", o.key());
        }
    }

    List<Override> appends() {
        return appends;
    }

    /** Records an {@code override} entry of {@code config}, unless a choice for its key is already known. */
    void addConfigOverride(String key, String option, String config) {
        choices.putIfAbsent(key, new Choice(option, config, false));
    }

    /** Whether {@code ~key} (or {@code ~key=option}) removes this entry; marks the deletion used. */
    boolean isDeleted(String key, String option) {
        Override d = deletions.get(key);
        if (d == null) {
            return false;
        }
        if (d.hasValue() && !Objects.equals(d.value(), option)) {
            return false;
        }
        used.put("~" + key, true);
        return true;
    }

    /** Whether the command line or an {@code override} entry chose the option for {@code key}. */
    boolean isOverridden(String key) {
        return choices.containsKey(key);
    }

    /** The chosen option for {@code key} (which must be overridden); marks the override used. */
    String choice(String key) {
        used.put(key, true);
        return choices.get(key).option();
    }

    /** Fails for a command-line or config override that matched no entry of the defaults lists. */
    void checkAllUsed(Map<String, List<String>> keysByGroup) {
        for (Map.Entry<String, Choice> e : choices.entrySet()) {
            if (used.containsKey(e.getKey())) {
                continue;
            }
            String key = e.getKey();
            Choice c = e.getValue();
            String group = key.contains("@") ? key.substring(0, key.indexOf('@')) : key;
            List<String> similar = keysByGroup.getOrDefault(group, List.of());
            if (c.external()) {
                String hint = similar.isEmpty() ? " No match in the defaults list."
                        : "\nDid you mean to override " + String.join(" or ", similar) + "?";
                throw new HydraException(Kind.COMPOSITION, "Could not override '" + key + "'." + hint
                        + "\nTo append to your default list use +" + c.origin(), "override '" + c.origin() + "'",
                        key);
            }
            throw new HydraException(Kind.COMPOSITION, "In '" + c.origin() + "': Could not override '" + key
                    + "'. No match in the defaults list." + (similar.isEmpty() ? ""
                    : " Did you mean " + String.join(" or ", similar) + "?"), c.origin() + ".yaml", key);
        }
        for (Map.Entry<String, Override> e : deletions.entrySet()) {
            if (!used.containsKey("~" + e.getKey())) {
                throw new HydraException(Kind.COMPOSITION, "Could not delete '" + e.getKey()
                        + "'. No match in the defaults list" + (e.getValue().hasValue()
                        ? " with option '" + e.getValue().value() + "'" : "") + ".",
                        "override '" + e.getValue().input() + "'", e.getKey());
            }
        }
    }
}
