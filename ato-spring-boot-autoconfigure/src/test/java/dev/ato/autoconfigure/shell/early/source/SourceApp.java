package dev.ato.autoconfigure.shell.early.source;

import dev.ato.adict.ADict;
import dev.ato.autoconfigure.AtoObserve;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.PropertySource;

/** An application whose {@code @PropertySource} adds a layer only the context reads. */
@SpringBootApplication
@PropertySource("classpath:dev/ato/autoconfigure/shell/early/source/extra.properties")
public class SourceApp {

    static class Views {

        @AtoObserve(defaultView = true)
        static void defaults(ADict config) {
            config.set("lr", 0.1);
        }
    }
}
