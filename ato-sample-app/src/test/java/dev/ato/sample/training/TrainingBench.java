package dev.ato.sample.training;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.math.LinearParameters;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a {@code train} and a {@code search} cost on this machine, to size the search: loading the bundled data,
 * one run with the defaults (20 epochs), and a grid of 24 configurations (learning rate × optimiser × minibatch
 * size) at 3 and at 20 epochs, the cheapest and the dearest a HyperBand generation can be; and what the
 * per-epoch metrics add to an epoch.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class TrainingBench {

    private static final double[] LEARNING_RATES = {0.001, 0.01, 0.1};
    private static final Optimiser[] OPTIMISERS = {Optimiser.SGD, Optimiser.ADAGRAD, Optimiser.ADAM,
            Optimiser.RMSPROP};
    private static final int[] MINIBATCH_SIZES = {16, 64};

    /** Held so the level sticks: java.util.logging keeps loggers weakly. */
    private static final Logger TRIBUO_LOG = Logger.getLogger("org.tribuo");

    private final DigitsTrainer trainer = new DigitsTrainer();
    private DigitsData data;
    private Path dir;
    private EpochEvaluator evaluator;
    private LinearParameters parameters;

    @Setup
    public void setUp() throws IOException {
        TRIBUO_LOG.setLevel(Level.WARNING); // as the app configures it; its per-run INFO lines would be timed too
        data = DigitsData.bundled();
        dir = Files.createTempDirectory("training-bench");
        StratifiedSplit split = StratifiedSplit.of(data.examples(), 0.2, 42);
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> train = new MutableDataset<>(split.train(),
                new SimpleDataSourceProvenance("bench", labels), labels);
        evaluator = new EpochEvaluator(train, split.validation());
        parameters = new LinearParameters(train.getFeatureIDMap().size() + 1, train.getOutputIDInfo().size());
    }

    @TearDown
    public void tearDown() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    @Benchmark
    public DigitsData loadBundledData() {
        return DigitsData.bundled();
    }

    @Benchmark
    public TrainingResult defaultRun() {
        return trainer.train(data, TrainingSettings.defaults(), dir.resolve("default.tribuo"), metrics -> { });
    }

    @Benchmark
    public List<TrainingResult> grid24ThreeEpochs() {
        return grid(3);
    }

    @Benchmark
    public List<TrainingResult> grid24TwentyEpochs() {
        return grid(20);
    }

    /** The metrics computed after every epoch: one pass over the training and validation parts. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public EpochMetrics epochMetrics() {
        return evaluator.evaluate(parameters, 1, 1);
    }

    private List<TrainingResult> grid(int epochs) {
        List<TrainingResult> results = new ArrayList<>();
        for (double learningRate : LEARNING_RATES) {
            for (Optimiser optimiser : OPTIMISERS) {
                for (int minibatchSize : MINIBATCH_SIZES) {
                    TrainingSettings settings = new TrainingSettings(learningRate, optimiser, epochs, minibatchSize,
                            1e-4, 42, 0.2);
                    results.add(trainer.train(data, settings, dir.resolve("grid.tribuo"), metrics -> { }));
                }
            }
        }
        return results;
    }
}
