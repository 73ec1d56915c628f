package dev.ato.sample.training;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EpochProgressPrinterTest {

    @Test
    void printsOneAlignedLinePerEpoch() {
        StringWriter text = new StringWriter();
        EpochListener printer = new EpochProgressPrinter(new PrintWriter(text));

        printer.epochEnded(new EpochMetrics(3, 20, 0.29321, 0.32049, 0.94429));
        printer.epochEnded(new EpochMetrics(20, 20, 0.0825, 0.1327, 0.98050));

        assertThat(text.toString()).isEqualTo(String.format(
                "epoch  3/20  loss 0.2932  val_loss 0.3205  val_acc 0.9443%n"
                        + "epoch 20/20  loss 0.0825  val_loss 0.1327  val_acc 0.9805%n"));
    }

    @Test
    void listenersChainInOrder() {
        List<String> calls = new ArrayList<>();
        EpochListener tracker = metrics -> calls.add("track " + metrics.epoch());
        EpochListener console = metrics -> calls.add("print " + metrics.epoch());

        EpochListener both = tracker.andThen(console);
        both.epochEnded(new EpochMetrics(1, 2, 1, 1, 0.5));
        both.epochEnded(new EpochMetrics(2, 2, 1, 1, 0.5));

        assertThat(calls).containsExactly("track 1", "print 1", "track 2", "print 2");
    }
}
