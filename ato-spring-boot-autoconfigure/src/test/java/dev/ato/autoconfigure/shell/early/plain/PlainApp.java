package dev.ato.autoconfigure.shell.early.plain;

import dev.ato.adict.ADict;
import dev.ato.autoconfigure.AtoApplication;
import dev.ato.autoconfigure.AtoObserve;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;
import org.springframework.shell.core.command.annotation.Command;

/** An application whose one-shot scope commands can be answered before its context: views and a command. */
@SpringBootApplication
public class PlainApp {

    /** As a user's {@code main}: through {@code AtoApplication.run}, which answers one-shot commands early. */
    public static void main(String[] args) {
        AtoApplication.run(PlainApp.class, args);
    }

    static class Views {

        @AtoObserve(defaultView = true)
        static void defaults(ADict config) {
            config.set("lr", 0.1);
            config.set("name", "plain");
            config.set("api_token", "tok-in-a-view");
        }

        @AtoObserve
        static void fast(ADict config) {
            config.set("lr", 0.5);
        }
    }

    /** The application's own command, which help lists. */
    @Component
    static class Greeting {

        @Command(name = "greet", description = "Say hello")
        String greet() {
            return "hello";
        }
    }
}
