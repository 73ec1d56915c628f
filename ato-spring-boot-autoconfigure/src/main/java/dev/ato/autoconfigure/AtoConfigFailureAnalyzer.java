package dev.ato.autoconfigure;

import dev.ato.AtoException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an Ato error that stopped the application (bad command-line input, a broken view component, an unknown
 * view) into Spring Boot's "APPLICATION FAILED TO START" report, without the stack trace.
 */
class AtoConfigFailureAnalyzer extends AbstractFailureAnalyzer<AtoException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AtoException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Correct the input or the component named above. `manual` lists every scope, view and key"
                        + " (java -jar app.jar manual).", cause);
    }
}
