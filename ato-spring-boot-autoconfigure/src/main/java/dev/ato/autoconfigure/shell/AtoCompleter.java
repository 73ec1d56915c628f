package dev.ato.autoconfigure.shell;

import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Tab completion in the interactive shell from the commands' declarations: command words first, then the options a
 * command declares (for a word starting with {@code -}) or what its completion provider proposes, in the provider's
 * order (JLine would sort equal-ranked candidates by text, listing run ids as 1, 10, 11, 2). Spring Shell 4.0.1's
 * completer takes a command's arguments for part of its name and so never completes them.
 */
final class AtoCompleter implements Completer {

    private final CommandRegistry registry;

    AtoCompleter(CommandRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> proposals = proposals(line.words(), line.wordIndex(), line.wordCursor());
        for (int i = 0; i < proposals.size(); i++) {
            candidates.add(new Candidate(proposals.get(i), proposals.get(i), null, null, null, null, true, i));
        }
    }

    /** The completions of word {@code index} of {@code words}, the cursor at {@code cursor} in that word. */
    List<String> proposals(List<String> words, int index, int cursor) {
        String current = index < words.size() ? words.get(index).substring(0, Math.min(cursor,
                words.get(index).length())) : "";
        Command command = null;
        int commandWords = 0;
        for (int i = 1; i <= index; i++) {
            Command named = registry.getCommandByName(String.join(" ", words.subList(0, i)));
            if (named != null && CommandCatalog.isOwn(named)) {
                command = named;
                commandWords = i;
            }
        }
        if (command == null) {
            String typed = String.join(" ", words.subList(0, index));
            return registry.getCommands().stream().filter(CommandCatalog::isOwn).map(Command::getName)
                    .filter(name -> typed.isEmpty() ? true : name.startsWith(typed + " "))
                    .map(name -> name.split(" ")[index])
                    .filter(word -> word.startsWith(current)).distinct().sorted().collect(Collectors.toList());
        }
        if (current.startsWith("-")) {
            List<String> options = new ArrayList<>();
            for (CommandOption option : command.getOptions()) {
                String flag = "--" + option.longName();
                if (flag.startsWith(current) && !words.contains(flag)) {
                    options.add(flag);
                }
            }
            return options;
        }
        if (commandWords < index && words.get(index - 1).startsWith("--")
                && CommandCatalog.declaredOption(command, words.get(index - 1).substring(2)) != null) {
            return List.of(); // the value of an option: nothing to propose
        }
        CompletionContext context = new CompletionContext(words, index, Math.min(cursor, current.length()), command,
                null);
        return command.getCompletionProvider().apply(context).stream().map(CompletionProposal::value).toList();
    }
}
