package dev.ato.sample.command;

import dev.ato.AtoConfigException;
import dev.ato.sample.job.DigitsSearch;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * {@code search [VIEW|KEY=VALUE …]} runs a HyperBand search over learning rate × optimiser × minibatch size;
 * {@code search --worker [--id SEARCH_ID]} joins one that another process started.
 */
@Component
class SearchCommand {

    private final DigitsSearch search;

    SearchCommand(DigitsSearch search) {
        this.search = search;
    }

    @Command(name = "search", group = "Digits",
            description = "HyperBand search over lr x optimiser x minibatch size, or join one", help = """
                    Starts a HyperBand search (recorded in the database) over train.search.lr x
                    train.search.optimiser x train.search.minibatch_size, works on it and prints the best config.
                    A trial gets epochs by its generation: train.search.first_epochs / halving_rate^generation,
                    at most train.search.max_epochs. One line per trial. Each trial's run records its validation
                    accuracy as 'metric' (the key every HyperBand search uses): 'runs best' finds the best trial.
                    With --worker, joins a running search (the project's newest, or --id) until it completes;
                    with --spring.profiles.active=postgres workers on other machines share one search.
                    Example: search fast""")
    void search(@Option(longName = "worker", description = "join a running search instead of starting one",
                        defaultValue = "false") boolean worker,
                @Option(longName = "id", description = "the search to join (default: the project's newest running"
                        + " search)") String id,
                @Arguments List<String> viewOrLiteral, CommandContext context) {
        List<String> input = viewOrLiteral == null ? List.of() : viewOrLiteral;
        if (!worker) {
            if (id != null) {
                throw new AtoConfigException("--id names a search to join; use it with --worker");
            }
            search.run(input, context.outputWriter());
        } else {
            if (!input.isEmpty()) {
                throw new AtoConfigException("search --worker takes no views or literals (got " + input
                        + "): a worker trains the configs the search recorded");
            }
            search.join(id, context.outputWriter());
        }
        context.outputWriter().flush();
    }
}
