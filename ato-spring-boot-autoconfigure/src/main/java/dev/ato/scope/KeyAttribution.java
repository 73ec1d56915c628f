package dev.ato.scope;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Attributes a key written by a CLI or external layer to the input that wrote it: the latest input whose key is
 * the key itself or one of its parents, or else (a scalar replaced by a dict) the latest one below it.
 *
 * @param <T> the input type (a literal, or an external property)
 */
final class KeyAttribution<T> implements RawLayer.Attribution {

    private final List<T> inputs;
    private final Map<String, Integer> latest = new HashMap<>();
    private final Function<T, String> name;
    private final ToIntFunction<T> index;

    KeyAttribution(List<T> inputs, Function<T, String> key, Function<T, String> name, ToIntFunction<T> index) {
        this.inputs = inputs;
        this.name = name;
        this.index = index;
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
