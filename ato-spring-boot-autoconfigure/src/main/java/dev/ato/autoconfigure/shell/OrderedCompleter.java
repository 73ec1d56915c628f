package dev.ato.autoconfigure.shell;

import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the order in which completions were proposed: JLine sorts candidates of equal rank by text, which lists run
 * ids as 1, 10, 11, 2; every candidate here is ranked by its position.
 */
final class OrderedCompleter implements Completer {

    private final Completer delegate;

    OrderedCompleter(Completer delegate) {
        this.delegate = delegate;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<Candidate> proposed = new ArrayList<>();
        delegate.complete(reader, line, proposed);
        for (int i = 0; i < proposed.size(); i++) {
            Candidate c = proposed.get(i);
            candidates.add(new Candidate(c.value(), c.displ(), c.group(), c.descr(), c.suffix(), c.key(),
                    c.complete(), i));
        }
    }
}
