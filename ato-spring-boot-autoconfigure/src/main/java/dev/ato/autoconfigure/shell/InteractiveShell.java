package dev.ato.autoconfigure.shell;

import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.LineReaderImpl;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.shell.core.command.CommandRegistry;

import java.io.PrintWriter;
import java.util.List;

/**
 * The interactive shell on JLine: each line is split into words by JLine's parser (quotes respected) and runs
 * through the same {@link AtoShellRunner#execute} as a one-shot command, so errors look the same and no status line
 * follows them. {@code quit} or {@code exit} (or end of input) leaves.
 */
final class InteractiveShell {

    static final String PROMPT = "ato:> ";

    private InteractiveShell() {
    }

    static void run(BeanFactory beans, CommandRegistry registry, AtoShellRunner runner) {
        LineReader reader = beans.getBean(LineReader.class);
        if (reader instanceof LineReaderImpl impl) {
            impl.setCompleter(new AtoCompleter(registry));
        }
        PrintWriter out = reader.getTerminal().writer();
        while (true) {
            String line;
            try {
                line = reader.readLine(PROMPT);
            } catch (UserInterruptException e) {
                continue;
            } catch (EndOfFileException e) {
                break;
            }
            List<String> words = reader.getParsedLine().words().stream().filter(w -> !w.isEmpty()).toList();
            if (words.isEmpty()) {
                continue;
            }
            if (words.size() == 1 && (words.get(0).equals("quit") || words.get(0).equals("exit"))) {
                break;
            }
            runner.execute(words.get(0), words.subList(1, words.size()), out, out);
            out.flush();
        }
    }
}
