package dev.ato.autoconfigure.dashboard;

import dev.ato.adict.ADict;

import dev.ato.AtoConfigException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Lines up the configs of 2 to 10 runs key by key: the config diff and the structural diff of the compare page. */
final class RunComparison {

    static final int MIN_RUNS = 2;
    static final int MAX_RUNS = 10;

    private RunComparison() {
    }

    static void checkCount(List<Long> ids) {
        if (ids.size() < MIN_RUNS || ids.size() > MAX_RUNS) {
            throw new AtoConfigException("compare takes " + MIN_RUNS + " to " + MAX_RUNS + " run ids, got "
                    + ids.size() + " (" + ids + "); pick them in the runs table");
        }
    }

    static Views.Comparison of(List<Views.RunDetail> runs) {
        List<Map<String, Object>> leaves = runs.stream().map(run -> ADict.of(run.config()).leaves()).toList();
        Set<String> keys = new LinkedHashSet<>();
        leaves.forEach(l -> keys.addAll(l.keySet()));
        List<Views.KeyDiff> diffs = new ArrayList<>(keys.size());
        for (String key : keys) {
            List<Object> values = new ArrayList<>();
            List<Boolean> present = new ArrayList<>();
            List<String> types = new ArrayList<>();
            for (Map<String, Object> run : leaves) {
                boolean has = run.containsKey(key);
                present.add(has);
                values.add(has ? run.get(key) : null);
                types.add(has ? ADict.pythonTypeName(run.get(key)) : null);
            }
            boolean differs = present.contains(false)
                    || values.stream().anyMatch(v -> !Objects.equals(v, values.get(0)));
            diffs.add(new Views.KeyDiff(key, values, present, types, differs));
        }
        boolean sameStructure = runs.stream().map(Views.RunDetail::structuralHash).distinct().count() == 1;
        return new Views.Comparison(runs, diffs, sameStructure);
    }
}
