package dev.ato.autoconfigure.shell.early.rule;

import dev.ato.adict.ADict;
import dev.ato.autoconfigure.AtoObserve;
import dev.ato.sanitize.Sanitizer;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** An application with a sanitizing rule of its own: only its context knows what to mask. */
@SpringBootApplication
public class RuleApp {

    @Bean
    Sanitizer.Rule maskNames() {
        return (keyPath, value) -> keyPath.endsWith("name") ? Sanitizer.MASK : value;
    }

    static class Views {

        @AtoObserve(defaultView = true)
        static void defaults(ADict config) {
            config.set("name", "private-name");
        }
    }
}
