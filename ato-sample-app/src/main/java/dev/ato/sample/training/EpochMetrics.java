package dev.ato.sample.training;

/**
 * How the model stood at the end of one epoch. Losses are Tribuo's multiclass log loss (mean per example, without
 * the L2 penalty).
 *
 * @param epoch              1-based number of the finished epoch
 * @param epochs             how many epochs the run has in all
 * @param trainLoss          mean log loss on the training part
 * @param validationLoss     mean log loss on the validation part
 * @param validationAccuracy share of validation images classified correctly
 */
public record EpochMetrics(int epoch, int epochs, double trainLoss, double validationLoss,
                           double validationAccuracy) {
}
