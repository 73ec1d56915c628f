package dev.ato.sample.training;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Serves {@link DigitsObjective} to another process (the Optuna side of the digits benchmark,
 * {@code bench/search/optuna_digits.py}), so both sides evaluate the same Java training. Line protocol on
 * stdin/stdout:
 * <pre>
 *   &lt;- train LR OPTIMISER MINIBATCH L2 EPOCHS
 *   -&gt; epoch K ERROR          (after every epoch; then waits for one line:)
 *   &lt;- go | stop
 *   -&gt; done N                 (N = epochs run)
 * </pre>
 * Any other line is answered {@code error ...}; end of input ends the server.
 */
public final class DigitsObjectiveServer {

    private DigitsObjectiveServer() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        System.setOut(System.err); // anything else printing goes to stderr, never into the protocol
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        DigitsObjective objective = new DigitsObjective();
        out.println("ready");
        out.flush();
        String line;
        while ((line = in.readLine()) != null) {
            String[] f = line.strip().split("\\s+");
            if (f.length != 6 || !f[0].equals("train")) {
                out.println("error expected 'train LR OPTIMISER MINIBATCH L2 EPOCHS', got '" + line + "'");
                out.flush();
                continue;
            }
            DigitsObjective.Params params = new DigitsObjective.Params(Double.parseDouble(f[1]), f[2],
                    Integer.parseInt(f[3]), Double.parseDouble(f[4]));
            int ran = objective.train(params, Integer.parseInt(f[5]), (epoch, error) -> {
                out.printf(Locale.ROOT, "epoch %d %.17g%n", epoch, error);
                out.flush();
                try {
                    String answer = in.readLine();
                    return answer != null && answer.strip().equals("go");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            out.println("done " + ran);
            out.flush();
        }
    }
}
