package dev.ato.hydra;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Map;

/**
 * One entry of a defaults list as written: {@code _self_}, a config ({@code base}, {@code /db/mysql@pkg}) or a group
 * selection ({@code [optional] [override] group[@pkg]: option}). {@code value} is the option's name, a list of
 * names (several options of one group, merged in order), {@code null} for a deselected group and {@code ???} for a
 * mandatory one.
 */
record DefaultsEntry(Type type, String name, @Nullable String packageText, @Nullable Object value, boolean optional, boolean override,
                     String source) {

    enum Type { SELF, CONFIG, GROUP }

    static final String SELF = "_self_";

    /** Parses the value of a {@code defaults} key found in {@code source}. */
    static List<DefaultsEntry> parseList(Object raw, String source) {
        if (!(raw instanceof List<?> list)) {
            throw new HydraException(HydraException.Kind.COMPOSITION,
                    "The defaults list must be a YAML list, not " + raw, source, "defaults");
        }
        List<DefaultsEntry> result = new java.util.ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            result.add(parse(list.get(i), source, "defaults[" + i + "]"));
        }
        return result;
    }

    private static DefaultsEntry parse(Object item, String source, String where) {
        if (item instanceof String s) {
            if (s.equals(SELF)) {
                return new DefaultsEntry(Type.SELF, SELF, null, null, false, false, source);
            }
            String[] nameAndPackage = splitPackage(s);
            return new DefaultsEntry(Type.CONFIG, nameAndPackage[0], nameAndPackage[1], null, false, false, source);
        }
        if (item instanceof Map<?, ?> map && map.size() == 1) {
            Map.Entry<?, ?> e = map.entrySet().iterator().next();
            String[] words = String.valueOf(e.getKey()).trim().split("\\s+");
            boolean optional = false;
            boolean override = false;
            for (int i = 0; i < words.length - 1; i++) {
                switch (words[i]) {
                    case "optional" -> optional = true;
                    case "override" -> override = true;
                    default -> throw new HydraException(HydraException.Kind.COMPOSITION,
                            "Unknown keyword '" + words[i] + "' in defaults entry '" + e.getKey()
                                    + "'; only 'optional' and 'override' may precede the group", source, where);
                }
            }
            Object option = optionOf(e.getValue(), e.getKey(), source, where);
            String[] nameAndPackage = splitPackage(words[words.length - 1]);
            return new DefaultsEntry(Type.GROUP, nameAndPackage[0], nameAndPackage[1], option, optional, override,
                    source);
        }
        throw new HydraException(HydraException.Kind.COMPOSITION, "Unsupported defaults entry " + item
                + "; expected _self_, a config name, or 'group: option'", source, where);
    }

    private static Object optionOf(@Nullable Object value, Object key, String source, String where) {
        if (value == null || value instanceof String) {
            return value;
        }
        if (value instanceof List<?> list) {
            List<String> names = new java.util.ArrayList<>();
            for (Object item : list) {
                if (!(item instanceof String s)) {
                    throw new HydraException(HydraException.Kind.COMPOSITION, "Unsupported item value in defaults"
                            + " of group '" + key + "': " + item + "; nested list items must be strings", source,
                            where);
                }
                names.add(s);
            }
            return List.copyOf(names);
        }
        if (value instanceof Map<?, ?>) {
            throw new HydraException(HydraException.Kind.COMPOSITION,
                    "The option of group '" + key + "' must be a name, not a mapping", source, where);
        }
        return String.valueOf(value);
    }

    private static String[] splitPackage(String s) {
        int at = s.indexOf('@');
        return at < 0 ? new String[] {s, null} : new String[] {s.substring(0, at), s.substring(at + 1)};
    }
}
