package dev.ato.autoconfigure.sanitize;

import dev.ato.autoconfigure.scope.AtoScopes;
import dev.ato.sanitize.Sanitizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

import java.util.List;
import java.util.Locale;

/**
 * Ato's sanitizer in Spring Boot's {@code /actuator/env} (and {@code /actuator/configprops}): it masks the secrets
 * of Ato's property sources and of every key under a scope's name, wherever the key is set, and the values quoted by
 * the JVM's command line ({@code sun.java.command}); a scope's environment variables ({@code CONFIG_DB_PASSWORD}) count
 * as its keys. Other keys of the application are left to its own functions.
 * Boot calls it only when values are shown at all.
 */
final class AtoSanitizingFunction implements SanitizingFunction {

    private static final String JAVA_COMMAND = "sun.java.command";

    private final ObjectProvider<Sanitizer> sanitizer;
    private final ObjectProvider<AtoScopes> scopes;

    AtoSanitizingFunction(ObjectProvider<Sanitizer> sanitizer, ObjectProvider<AtoScopes> scopes) {
        this.sanitizer = sanitizer;
        this.scopes = scopes;
    }

    @Override
    public SanitizableData apply(SanitizableData data) {
        Object value = data.getValue();
        if (value == null) {
            return data;
        }
        Sanitizer rules = sanitizer.getObject();
        if (JAVA_COMMAND.equals(data.getKey())) {
            return data.withValue(rules.text(String.valueOf(value)));
        }
        if (isAtos(data)) {
            return data.withValue(rules.value(data.getKey(), value));
        }
        return data;
    }

    private boolean isAtos(SanitizableData data) {
        if (data.getPropertySource() != null && data.getPropertySource().getName().startsWith("ato:")) {
            return true;
        }
        AtoScopes all = scopes.getIfAvailable();
        if (all == null) {
            return false;
        }
        String key = data.getKey();
        List<String> names = all.names();
        String variable = key.toUpperCase(Locale.ROOT);
        for (String name : names) {
            if (key.startsWith(name + ".") || key.startsWith(name + "[")
                    || variable.startsWith(name.toUpperCase(Locale.ROOT) + "_")) {
                return true;
            }
        }
        return false;
    }
}
