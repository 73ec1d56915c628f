package dev.ato.sample.command;

import dev.ato.AtoConfigException;
import dev.ato.sample.job.DigitsSearch;
import org.springframework.stereotype.Component;

import java.io.PrintWriter;

/**
 * {@code search [VIEW|KEY=VALUE …]} runs a HyperBand search over learning rate × optimiser × minibatch size;
 * {@code search --worker [--id SEARCH_ID]} joins one that another process started.
 */
@Component
class SearchCommand extends SampleCommand {

    private final DigitsSearch search;

    SearchCommand(DigitsSearch search) {
        super("search", "HyperBand search over lr x optimiser x minibatch size, or join one", """
                search [VIEW|KEY=VALUE ...]
                  Starts a HyperBand search (recorded in the database) over train.search.lr x
                  train.search.optimiser x train.search.minibatch_size, works on it and prints the best config.
                  A trial gets epochs by its generation: train.search.first_epochs / halving_rate^generation,
                  at most train.search.max_epochs. One line per trial.
                search --worker [--id SEARCH_ID]
                  Joins a running search (the project's newest, or SEARCH_ID) and works on it until it completes;
                  with --spring.profiles.active=postgres workers on other machines share one search.""",
                System.err, option("worker", "join a running search instead of starting one"),
                option("id", "the search to join (default: the project's newest running search)"));
        this.search = search;
    }

    @Override
    void run(Input input, PrintWriter out) {
        String worker = input.option("worker");
        if (worker == null || worker.equals("false")) {
            if (input.option("id") != null) {
                throw new AtoConfigException("--id names a search to join; use it with --worker");
            }
            search.run(input.arguments(), out);
        } else {
            if (!input.arguments().isEmpty()) {
                throw new AtoConfigException("search --worker takes no views or literals (got " + input.arguments()
                        + "): a worker trains the configs the search recorded");
            }
            search.join(input.option("id"), out);
        }
    }
}
