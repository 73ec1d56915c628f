package dev.ato.sample.training;

import org.tribuo.Dataset;
import org.tribuo.Example;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.math.LinearParameters;
import org.tribuo.math.la.DenseVector;
import org.tribuo.math.la.SGDVector;
import org.tribuo.math.la.SparseVector;

import java.util.List;

/**
 * Scores the weights as they stand mid-training: Tribuo's linear scores, the softmax log loss computed stably
 * (log-sum-exp, so a confident wrong answer costs a large finite loss, not infinity), and accuracy, from vectors
 * prepared once, so an epoch's metrics cost one pass over the data.
 */
final class EpochEvaluator {

    private final Part train;
    private final Part validation;

    EpochEvaluator(Dataset<Label> train, List<Example<Label>> validation) {
        ImmutableFeatureMap features = train.getFeatureIDMap();
        ImmutableOutputInfo<Label> labels = train.getOutputIDInfo();
        List<Example<Label>> trainExamples = train.getData();
        this.train = Part.of(trainExamples, features, labels);
        this.validation = Part.of(validation, features, labels);
    }

    EpochMetrics evaluate(LinearParameters parameters, int epoch, int epochs) {
        return new EpochMetrics(epoch, epochs, train.meanLoss(parameters),
                validation.meanLoss(parameters), validation.accuracy(parameters));
    }

    /** Examples as Tribuo's model sees them: feature vectors with the bias appended, label ids as targets. */
    private record Part(SGDVector[] vectors, int[] targets) {

        static Part of(List<Example<Label>> examples, ImmutableFeatureMap features,
                       ImmutableOutputInfo<Label> labels) {
            SGDVector[] vectors = new SGDVector[examples.size()];
            int[] targets = new int[examples.size()];
            for (int i = 0; i < vectors.length; i++) {
                vectors[i] = SparseVector.createSparseVector(examples.get(i), features, true);
                targets[i] = labels.getID(examples.get(i).getOutput());
            }
            return new Part(vectors, targets);
        }

        double meanLoss(LinearParameters parameters) {
            double sum = 0;
            for (int i = 0; i < vectors.length; i++) {
                DenseVector scores = parameters.predict(vectors[i]);
                double max = scores.maxValue();
                double sumExp = 0;
                for (int k = 0; k < scores.size(); k++) {
                    sumExp += Math.exp(scores.get(k) - max);
                }
                sum += max + Math.log(sumExp) - scores.get(targets[i]);
            }
            return sum / vectors.length;
        }

        double accuracy(LinearParameters parameters) {
            int correct = 0;
            for (int i = 0; i < vectors.length; i++) {
                DenseVector scores = parameters.predict(vectors[i]);
                if (scores.indexOfMax() == targets[i]) {
                    correct++;
                }
            }
            return (double) correct / vectors.length;
        }
    }
}
