package dev.ato.guide.quickstart;

import dev.ato.autoconfigure.AtoApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The application of docs/getting-started.md, verbatim; {@code QuickstartWalkthroughTest} runs it. */
@SpringBootApplication
public class QuickstartApplication {

    public static void main(String[] args) {
        AtoApplication.run(QuickstartApplication.class, args);
    }
}
