package dev.ato.sample.training;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints one line per finished epoch, flushed at once, so a long run is never silent:
 * {@code epoch  3/20  loss 0.2932  val_loss 0.3205  val_acc 0.9443}.
 */
public final class EpochProgressPrinter implements EpochListener {

    private final PrintWriter out;

    public EpochProgressPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void epochEnded(EpochMetrics metrics) {
        int width = Integer.toString(metrics.epochs()).length();
        out.printf(Locale.ROOT, "epoch %" + width + "d/%d  loss %.4f  val_loss %.4f  val_acc %.4f%n",
                metrics.epoch(), metrics.epochs(), metrics.trainLoss(), metrics.validationLoss(),
                metrics.validationAccuracy());
        out.flush();
    }
}
