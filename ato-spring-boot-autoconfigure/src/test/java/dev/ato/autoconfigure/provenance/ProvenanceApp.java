package dev.ato.autoconfigure.provenance;

import dev.ato.adict.ADict;
import dev.ato.autoconfigure.AtoObserve;
import dev.ato.autoconfigure.AtoScope;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * An application whose {@code config} scope is set from every kind of external source: {@code provenance.yml}, its
 * {@code prod} profile file, an environment variable, a system property, a command-line option and a literal.
 */
@SpringBootApplication
public class ProvenanceApp {

    /** The scope's base view. */
    @AtoScope("config")
    public static class Views {

        @AtoObserve(defaultView = true)
        void defaults(ADict config) {
            config.set("lr", 0.01);
            config.set("model", new ADict());
            config.set("model.hidden", List.of(8));
            config.set("model.name", "mlp");
        }
    }

    /** Reads an indexed list item through a placeholder, as any bean may. */
    @Component
    public static class FirstHidden {

        final int value;

        FirstHidden(@Value("${config.model.hidden[0]}") int value) {
            this.value = value;
        }
    }
}
