package dev.ato.autoconfigure.shell;

import dev.ato.autoconfigure.scope.AtoScopes;
import dev.ato.scope.Resolution;
import dev.ato.tracker.Run;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.core.command.completion.CompletionProvider;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Tab completion for the interactive shell, as the beans that {@code @Command(completionProvider = …)} names: view
 * names for {@code manual}/{@code print}, keys and then views for {@code why}, run ids in numeric order for the
 * {@code runs} commands, command names for {@code help}. A proposal list keeps its order (see
 * {@code OrderedCompleter}).
 */
final class Completions {

    private Completions() {
    }

    static CompletionProvider viewNames(AtoScopes scopes) {
        return matching(() -> new ArrayList<>(scopes.viewNames()));
    }

    /** The first argument of {@code why} is a key (scope-prefixed with several scopes); later ones are views. */
    static CompletionProvider keysThenViews(AtoScopes scopes) {
        return context -> argumentIndex(context) == 0 ? matching(() -> keys(scopes)).apply(context)
                : viewNames(scopes).apply(context);
    }

    /** Run ids of the default project, lowest first (listing every project's runs could be slow). */
    static CompletionProvider runIds(Runs runs, String project) {
        return matching(() -> runs.finder().runsInProject(project).stream().map(Run::id)
                .sorted(Comparator.naturalOrder()).map(String::valueOf).toList());
    }

    static CompletionProvider commandNames(Supplier<CommandRegistry> registry) {
        return matching(() -> registry.get().getCommands().stream().filter(CommandCatalog::isOwn)
                .map(c -> c.getName().split(" ")[0]).distinct().sorted().toList());
    }

    private static List<String> keys(AtoScopes scopes) {
        Map<String, Resolution> resolved = scopes.resolutions();
        List<String> keys = new ArrayList<>();
        resolved.forEach((scope, resolution) -> resolution.config().leaves().keySet()
                .forEach(key -> keys.add(resolved.size() == 1 ? key : scope + "." + key)));
        return keys;
    }

    /** Which argument (counting from 0, options and the command's own words left out) the cursor is on. */
    private static int argumentIndex(CompletionContext context) {
        int commandWords = context.getCommand() == null ? 1 : context.getCommand().getName().split(" ").length;
        int index = -1;
        List<String> words = context.getWords();
        for (int i = commandWords; i <= context.getWordIndex() && i < words.size(); i++) {
            if (!words.get(i).startsWith("-")) {
                index++;
            }
        }
        return Math.max(index, 0);
    }

    private static CompletionProvider matching(Supplier<List<String>> candidates) {
        return context -> {
            String word = context.currentWordUpToCursor();
            String prefix = word == null ? "" : word;
            return candidates.get().stream().filter(c -> c.startsWith(prefix)).map(CompletionProposal::new).toList();
        };
    }
}
