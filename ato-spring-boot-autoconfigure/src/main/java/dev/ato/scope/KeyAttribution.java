package dev.ato.scope;

import dev.ato.adict.ADict;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Attributes a key written by a CLI or external layer to the input that wrote it: the latest input whose key is
 * the key itself or one of its parents, or else (a scalar replaced by a dict) the latest one below it. With
 * {@code everyInput} (external properties: one per property source that set a key), the history keeps every input
 * that set the key or a parent of it, oldest first, each with the value it gave.
 *
 * @param <T> the input type (a literal, or an external property)
 */
final class KeyAttribution<T> implements RawLayer.Attribution {

    private final List<T> inputs;
    private final Map<String, Integer> latest = new HashMap<>();
    private final Function<T, String> name;
    private final ToIntFunction<T> index;
    private final Function<T, String> key;
    private final Function<T, Object> value;

    KeyAttribution(List<T> inputs, Function<T, String> key, Function<T, String> name, ToIntFunction<T> index) {
        this(inputs, key, name, index, null);
    }

    /** With {@code value} not null, every input that set a key is a step of its history. */
    KeyAttribution(List<T> inputs, Function<T, String> key, Function<T, String> name, ToIntFunction<T> index,
                   Function<T, Object> value) {
        this.inputs = inputs;
        this.name = name;
        this.index = index;
        this.key = key;
        this.value = value;
        for (int i = 0; i < inputs.size(); i++) {
            latest.put(key.apply(inputs.get(i)), i);
        }
    }

    @Override
    public Origin originOf(String key, Object value, boolean removed, RawLayer layer) {
        int position = find(key);
        if (position < 0) {
            return new Origin(key, value, removed, layer.kind, layer.name, -1);
        }
        T input = inputs.get(position);
        return new Origin(key, value, removed, layer.kind, name.apply(input), index.applyAsInt(input));
    }

    @Override
    public List<Origin> originsOf(String written, Object finalValue, boolean removed, RawLayer layer) {
        Origin last = originOf(written, finalValue, removed, layer);
        if (value == null || removed) {
            return List.of(last);
        }
        List<Origin> result = new ArrayList<>(2);
        int lastPosition = find(written);
        for (int i = 0; i < lastPosition; i++) {
            T input = inputs.get(i);
            String inputKey = key.apply(input);
            if (inputKey.equals(written) || written.startsWith(inputKey + ".")) {
                Object given = inputKey.equals(written) ? value.apply(input)
                        : below(value.apply(input), written.substring(inputKey.length() + 1));
                if (given != MISSING) {
                    result.add(new Origin(written, given, false, layer.kind, name.apply(input),
                            index.applyAsInt(input)));
                }
            }
        }
        result.add(last);
        return result;
    }

    private static final Object MISSING = new Object();

    /** The value at dotted {@code path} inside {@code value} (a dict), or {@link #MISSING}. */
    private static Object below(Object value, String path) {
        Object current = value;
        for (String segment : path.split("\\.")) {
            if (current instanceof ADict dict && dict.keySet().contains(segment)) {
                current = dict.asReadOnlyMap().get(segment);
            } else if (current instanceof Map<?, ?> map && map.containsKey(segment)) {
                current = map.get(segment);
            } else {
                return MISSING;
            }
        }
        return current;
    }

    private int find(String key) {
        int best = -1;
        String path = key;
        while (true) {
            best = Math.max(best, latest.getOrDefault(path, -1));
            int dot = path.lastIndexOf('.');
            if (dot < 0) {
                break;
            }
            path = path.substring(0, dot);
        }
        if (best < 0) {
            String prefix = key + ".";
            for (Map.Entry<String, Integer> e : latest.entrySet()) {
                if (e.getKey().startsWith(prefix)) {
                    best = Math.max(best, e.getValue());
                }
            }
        }
        return best;
    }
}
