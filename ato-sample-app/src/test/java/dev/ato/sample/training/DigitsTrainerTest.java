package dev.ato.sample.training;

import dev.ato.AtoConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Example;
import org.tribuo.Feature;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.evaluation.LabelEvaluator;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class DigitsTrainerTest {

    /** Measured with the defaults (Adam, learning rate 0.01, 20 epochs, minibatch 16, seed 42): 0.9805. */
    private static final double DEFAULT_ACCURACY_FLOOR = 0.96;

    private static final DigitsData DIGITS = DigitsData.bundled();
    private static final DigitsTrainer TRAINER = new DigitsTrainer();

    @TempDir
    Path dir;

    @Test
    void aDefaultRunLearnsTheDigitsReportsEveryEpochAndSavesAModelThatScoresTheSame() throws IOException {
        TrainingSettings settings = TrainingSettings.defaults();
        List<EpochMetrics> told = new ArrayList<>();

        TrainingResult result = TRAINER.train(DIGITS, settings, dir.resolve("runs/1/model.tribuo"), told::add);

        assertThat(result.validationAccuracy()).isGreaterThanOrEqualTo(DEFAULT_ACCURACY_FLOOR);
        assertThat(result.trainSize()).isEqualTo(1438);
        assertThat(result.validationSize()).isEqualTo(359);
        assertThat(result.history()).isEqualTo(told).hasSize(20);
        for (int i = 0; i < told.size(); i++) {
            assertThat(told.get(i).epoch()).isEqualTo(i + 1);
            assertThat(told.get(i).epochs()).isEqualTo(20);
        }
        EpochMetrics first = told.get(0);
        EpochMetrics last = told.get(told.size() - 1);
        assertThat(first.trainLoss()).isLessThan(Math.log(10)); // below guessing uniformly after one epoch
        assertThat(last.trainLoss()).isLessThan(first.trainLoss() / 3);
        assertThat(last.validationLoss()).isLessThan(first.validationLoss());
        // The last epoch is seen with the weights that were saved.
        assertThat(last.validationAccuracy()).isEqualTo(result.validationAccuracy());

        Model<?> loaded = Model.deserializeFromFile(result.modelFile());
        assertThat(loaded).isInstanceOf(LinearSGDModel.class);
        @SuppressWarnings("unchecked")
        Model<Label> model = (Model<Label>) loaded;
        StratifiedSplit split = StratifiedSplit.of(DIGITS.examples(), settings.validationFraction(), settings.seed());
        assertThat(new LabelEvaluator().evaluate(model, dataset(split.validation())).accuracy())
                .isEqualTo(result.validationAccuracy());
    }

    @Test
    void anEpochsMetricsAreThoseOfARunStoppedAfterThatEpoch() {
        TrainingSettings settings = new TrainingSettings(0.05, Optimiser.MOMENTUM, 6, 32, 1e-3, 3, 0.25);

        TrainingResult six = TRAINER.train(DIGITS, settings, dir.resolve("six.tribuo"), metrics -> { });
        TrainingResult three = TRAINER.train(DIGITS, settings.withEpochs(3), dir.resolve("three.tribuo"),
                metrics -> { });

        for (int i = 0; i < 3; i++) {
            EpochMetrics early = three.history().get(i);
            EpochMetrics late = six.history().get(i);
            assertThat(early.trainLoss()).isEqualTo(late.trainLoss());
            assertThat(early.validationLoss()).isEqualTo(late.validationLoss());
            assertThat(early.validationAccuracy()).isEqualTo(late.validationAccuracy());
        }
        assertThat(three.validationAccuracy()).isEqualTo(six.history().get(2).validationAccuracy());
    }

    @Test
    void aFullBatchStepMovesTheWeightsByTheLearningRateTimesTheMeanGradient() throws IOException {
        StratifiedSplit split = StratifiedSplit.of(DIGITS.examples(), 0.2, 42);
        double learningRate = 0.5;
        TrainingSettings settings = new TrainingSettings(learningRate, Optimiser.SGD, 1, split.train().size(), 0,
                42, 0.2);

        LinearSGDModel model = trainedModel(settings);

        // Tribuo starts from zero weights, where the mean gradient can be worked out by hand.
        double[][] expected = scaled(meanGradient(new double[10][65], split.train(), model), learningRate);
        assertWeights(model.getWeightsCopy(), expected, 1e-12);
    }

    @Test
    void theL2PenaltyPullsTheWeightsButNotTheBiasesTowardsZero() throws IOException {
        StratifiedSplit split = StratifiedSplit.of(DIGITS.examples(), 0.2, 42);
        double learningRate = 0.5;
        double l2 = 0.3;
        TrainingSettings settings = new TrainingSettings(learningRate, Optimiser.SGD, 2, split.train().size(), l2,
                42, 0.2);

        LinearSGDModel model = trainedModel(settings);

        double[][] afterOne = scaled(meanGradient(new double[10][65], split.train(), model), learningRate);
        double[][] gradient = meanGradient(afterOne, split.train(), model);
        double[][] afterTwo = new double[10][65];
        for (int c = 0; c < 10; c++) {
            for (int j = 0; j < 65; j++) {
                double penalty = j < 64 ? l2 * afterOne[c][j] : 0;
                afterTwo[c][j] = afterOne[c][j] + learningRate * (gradient[c][j] - penalty);
            }
        }
        assertWeights(model.getWeightsCopy(), afterTwo, 1e-12);
    }

    @Test
    void adamsFirstStepIsTheLearningRateInTheGradientsDirection() throws IOException {
        StratifiedSplit split = StratifiedSplit.of(DIGITS.examples(), 0.2, 42);
        double learningRate = 0.01;
        TrainingSettings settings = new TrainingSettings(learningRate, Optimiser.ADAM, 1, split.train().size(), 0,
                42, 0.2);

        LinearSGDModel model = trainedModel(settings);

        // Bias-corrected moments after one step are g and g², so the step is lr·g/(|g| + ε/√(1-β2)).
        double[][] gradient = meanGradient(new double[10][65], split.train(), model);
        double[][] expected = new double[10][65];
        for (int c = 0; c < 10; c++) {
            for (int j = 0; j < 65; j++) {
                double g = gradient[c][j];
                expected[c][j] = learningRate * Math.sqrt(0.001) * g / (Math.sqrt(0.001) * Math.abs(g) + 1e-8);
            }
        }
        assertWeights(model.getWeightsCopy(), expected, 1e-12);
        assertThat(Math.abs(model.getWeightsCopy().get(0, 64))).isCloseTo(learningRate, within(learningRate * 1e-3));
    }

    @Test
    void aModelFileThatCannotBeWrittenIsOneErrorNamingIt() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("taken"), "a file, not a directory");
        Path modelFile = notADirectory.resolve("model.tribuo");

        assertThatThrownBy(() -> TRAINER.train(DIGITS, TrainingSettings.defaults().withEpochs(1), modelFile,
                metrics -> { }))
                .isInstanceOf(AtoConfigException.class)
                .hasMessageStartingWith("cannot write the model file " + modelFile.toAbsolutePath() + ": ");
    }

    private LinearSGDModel trainedModel(TrainingSettings settings) throws IOException {
        TrainingResult result = TRAINER.train(DIGITS, settings, dir.resolve("model.tribuo"), metrics -> { });
        return (LinearSGDModel) Model.deserializeFromFile(result.modelFile());
    }

    /**
     * Tribuo's gradient of the log likelihood, averaged over the examples: (one-hot truth − softmax(w·x)) ⊗ x,
     * with x the pixels and a trailing 1 for the bias.
     */
    private static double[][] meanGradient(double[][] weights, List<Example<Label>> examples, LinearSGDModel model) {
        ImmutableFeatureMap features = model.getFeatureIDMap();
        double[][] sum = new double[10][65];
        for (Example<Label> example : examples) {
            double[] x = new double[65];
            for (Feature feature : example) {
                x[features.getID(feature.getName())] = feature.getValue();
            }
            x[64] = 1;
            double[] scores = new double[10];
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < 10; c++) {
                for (int j = 0; j < 65; j++) {
                    scores[c] += weights[c][j] * x[j];
                }
                max = Math.max(max, scores[c]);
            }
            double total = 0;
            for (int c = 0; c < 10; c++) {
                scores[c] = Math.exp(scores[c] - max);
                total += scores[c];
            }
            int truth = model.getOutputIDInfo().getID(example.getOutput());
            for (int c = 0; c < 10; c++) {
                double error = (c == truth ? 1 : 0) - scores[c] / total;
                for (int j = 0; j < 65; j++) {
                    sum[c][j] += error * x[j];
                }
            }
        }
        return scaled(sum, 1.0 / examples.size());
    }

    private static double[][] scaled(double[][] matrix, double factor) {
        double[][] result = new double[matrix.length][];
        for (int i = 0; i < matrix.length; i++) {
            result[i] = matrix[i].clone();
            for (int j = 0; j < result[i].length; j++) {
                result[i][j] *= factor;
            }
        }
        return result;
    }

    private static void assertWeights(DenseMatrix actual, double[][] expected, double tolerance) {
        assertThat(actual.getDimension1Size()).isEqualTo(10);
        assertThat(actual.getDimension2Size()).isEqualTo(65);
        for (int c = 0; c < 10; c++) {
            for (int j = 0; j < 65; j++) {
                assertThat(actual.get(c, j)).as("weight [%d][%d]", c, j).isCloseTo(expected[c][j], within(tolerance));
            }
        }
    }

    private static MutableDataset<Label> dataset(List<Example<Label>> examples) {
        LabelFactory labels = new LabelFactory();
        return new MutableDataset<>(examples, new SimpleDataSourceProvenance("validation", labels), labels);
    }
}
