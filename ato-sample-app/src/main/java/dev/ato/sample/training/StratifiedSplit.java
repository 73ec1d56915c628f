package dev.ato.sample.training;

import dev.ato.AtoConfigException;
import org.tribuo.Example;
import org.tribuo.classification.Label;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Training and validation parts of a data set in which every digit keeps its share: per class, a seeded shuffle
 * sends {@code round(count × validationFraction)} images (at least one, never all) to validation. The same
 * examples, fraction and seed always give the same split.
 *
 * @param train      the examples to fit on
 * @param validation the held-out examples
 */
public record StratifiedSplit(List<Example<Label>> train, List<Example<Label>> validation) {

    public StratifiedSplit {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
    }

    /** Splits {@code examples}; {@code validationFraction} must lie strictly between 0 and 1. */
    public static StratifiedSplit of(List<Example<Label>> examples, double validationFraction, long seed) {
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new AtoConfigException("validationFraction must be between 0 and 1 (exclusive), got "
                    + validationFraction);
        }
        // A sorted map and java.util.Random make the split the same on every JVM.
        Map<String, List<Example<Label>>> byClass = new TreeMap<>();
        for (Example<Label> example : examples) {
            byClass.computeIfAbsent(example.getOutput().getLabel(), label -> new ArrayList<>()).add(example);
        }
        Random random = new Random(seed);
        List<Example<Label>> train = new ArrayList<>();
        List<Example<Label>> validation = new ArrayList<>();
        for (Map.Entry<String, List<Example<Label>>> entry : byClass.entrySet()) {
            List<Example<Label>> members = entry.getValue();
            if (members.size() < 2) {
                throw new AtoConfigException("class '" + entry.getKey() + "' has " + members.size()
                        + " example; a stratified split needs at least 2 per class");
            }
            Collections.shuffle(members, random);
            int held = (int) Math.max(1, Math.min(members.size() - 1,
                    Math.round(members.size() * validationFraction)));
            validation.addAll(members.subList(0, held));
            train.addAll(members.subList(held, members.size()));
        }
        return new StratifiedSplit(train, validation);
    }
}
