package dev.ato.autoconfigure.shell;

import dev.ato.autoconfigure.scope.AtoScopes;
import dev.ato.tracker.Run;
import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.core.command.completion.CompletionProvider;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Tab completion for the interactive shell: view names for the scope commands, run ids for the runs commands. */
final class Completions {

    private Completions() {
    }

    static CompletionProvider viewNames(AtoScopes scopes) {
        return matching(() -> new ArrayList<>(scopes.viewNames()));
    }

    /** Run ids of the default project (listing every project's runs could be slow on a shared database). */
    static CompletionProvider runIds(Runs runs, String project) {
        return matching(() -> runs.finder().runsInProject(project).stream().map(Run::id).map(String::valueOf)
                .toList());
    }

    private static CompletionProvider matching(Supplier<List<String>> candidates) {
        return context -> {
            String prefix = currentWord(context);
            return candidates.get().stream().filter(c -> c.startsWith(prefix)).map(CompletionProposal::new).toList();
        };
    }

    private static String currentWord(CompletionContext context) {
        String word = context.currentWordUpToCursor();
        return word == null ? "" : word;
    }
}
