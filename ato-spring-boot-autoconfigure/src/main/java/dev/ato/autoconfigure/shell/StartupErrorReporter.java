package dev.ato.autoconfigure.shell;

import dev.ato.autoconfigure.scope.InvalidAtoInputException;
import dev.ato.autoconfigure.tracker.EmbeddedTracker;
import dev.ato.sanitize.Sanitizer;
import dev.ato.tracker.DatabaseTrouble;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

import java.io.PrintWriter;

/**
 * Reports a start-up failure in the command line's error style (one {@code Error:} block on standard error, the
 * stack trace only with {@code --debug}) instead of Boot's "APPLICATION FAILED TO START" block, when the failure is
 * the command line's business: bad Ato input on it, anything that stops a one-shot command, or a database that
 * cannot be used (corrupt, read-only, locked, a directory, unreachable), said with the file and the fix. Other
 * failures keep Boot's report.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class StartupErrorReporter implements SpringBootExceptionReporter {

    private final @Nullable ConfigurableApplicationContext context;

    StartupErrorReporter(ConfigurableApplicationContext context) {
        this.context = context;
    }

    @Override
    public boolean reportException(Throwable failure) {
        ConfigurableEnvironment environment = context == null ? null : context.getEnvironment();
        boolean oneShot = environment != null
                && environment.getPropertySources().contains(OneShotEnvironmentPostProcessor.SOURCE_NAME);
        if (!oneShot && !badInput(failure) && !unusableDatabase(failure)) {
            return false;
        }
        PrintWriter err = new PrintWriter(System.err, true);
        CommandErrors.of(failure, () -> environment == null ? null : EmbeddedTracker.describedUrl(environment))
                .sanitized(sanitizer()).print(err, failure, debug(environment));
        return true;
    }

    /** The application's sanitizer when the context got that far; the default rules otherwise. */
    private Sanitizer sanitizer() {
        try {
            return context.getBeanProvider(Sanitizer.class).getIfAvailable(Sanitizer::defaults);
        } catch (RuntimeException notReady) {
            return Sanitizer.defaults();
        }
    }

    /** A database Ato can say something useful about; other SQL failures keep Boot's fuller report. */
    private static boolean unusableDatabase(Throwable failure) {
        return DatabaseTrouble.of(failure).filter(t -> t.kind() != DatabaseTrouble.Kind.OTHER).isPresent();
    }

    private static boolean badInput(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidAtoInputException) {
                return true;
            }
        }
        return false;
    }

    /** Whether the command line asked for {@code --debug} (in a one-shot command it is the command's switch). */
    private static boolean debug(@Nullable ConfigurableEnvironment environment) {
        PropertySource<?> args = environment == null ? null : environment.getPropertySources()
                .get(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME);
        return args != null && args.containsProperty("debug");
    }
}
