package dev.ato.sample.config;

import dev.ato.AtoConfigException;
import dev.ato.adict.ADict;
import dev.ato.scope.Fingerprint;
import dev.ato.scope.Resolution;
import dev.ato.sample.training.Optimiser;
import dev.ato.sample.training.TrainingSettings;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One training job as the three scopes resolved it: the typed {@code model}, {@code data} and {@code train}
 * records, the whole config ({@code {model: …, data: …, train: …}}) that the tracker stores with the run, and the
 * code fingerprints of the application's {@code @AtoTrace} methods, which every resolution carries.
 *
 * @param model        the {@code model} scope
 * @param data         the {@code data} scope
 * @param train        the {@code train} scope
 * @param config       the three configs under their scope names, frozen
 * @param fingerprints the {@code @AtoTrace} fingerprints, each once
 */
public record DigitsJob(ModelProperties model, DataProperties data, TrainProperties train, ADict config,
                        List<Fingerprint> fingerprints) {

    public DigitsJob {
        fingerprints = List.copyOf(fingerprints);
    }

    /** The scope names, which are also the top-level keys of {@link #config}. */
    public static final String MODEL = "model";
    public static final String DATA = "data";
    public static final String TRAIN = "train";

    /** The trainer's setting names and the config keys they come from. */
    private static final Map<String, String> CONFIG_KEYS = Map.of("learningRate", "train.lr",
            "epochs", "train.epochs", "minibatchSize", "train.minibatch_size", "l2", "model.l2",
            "validationFraction", "data.validation_fraction");

    /** Binds the records from the resolutions of the three scopes; a value that does not fit is named. */
    public static DigitsJob of(Map<String, Resolution> resolutions) {
        ADict config = new ADict();
        Set<Fingerprint> fingerprints = new LinkedHashSet<>();
        resolutions.forEach((scope, resolution) -> {
            config.put(scope, resolution.config().copy());
            fingerprints.addAll(resolution.fingerprints());
        });
        return new DigitsJob(ScopeBinding.bind(resolutions, ModelProperties.class),
                ScopeBinding.bind(resolutions, DataProperties.class),
                ScopeBinding.bind(resolutions, TrainProperties.class), config.freeze(), List.copyOf(fingerprints));
    }

    /** The trainer's settings; an out-of-range value is an {@code AtoConfigException} naming its key. */
    public TrainingSettings settings() {
        try {
            return new TrainingSettings(train.lr(), Optimiser.named(train.optimiser()), train.epochs(),
                    train.minibatchSize(), model.l2(), data.seed(), data.validationFraction());
        } catch (AtoConfigException e) {
            throw new AtoConfigException(withConfigKey(e.getMessage()), e);
        }
    }

    /** The trainer names its settings in Java; the user wrote config keys. */
    private static String withConfigKey(String message) {
        for (Map.Entry<String, String> setting : CONFIG_KEYS.entrySet()) {
            if (message.startsWith(setting.getKey() + " ")) {
                return setting.getValue() + message.substring(setting.getKey().length());
            }
        }
        return message.startsWith("unknown optimiser") ? "train.optimiser: " + message : message;
    }

}
