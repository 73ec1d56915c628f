package dev.ato.autoconfigure.actuate;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which keys look like secrets, by the rule Spring Boot's sanitizer long used: the last part of the key ends with
 * {@code password}, {@code secret}, {@code key} or {@code token}, or contains {@code credentials}.
 */
final class SecretKeys {

    static final String MASK = "******";

    private static final Pattern SECRET = Pattern.compile(".*(password|secret|key|token)$|.*credentials.*");

    private SecretKeys() {
    }

    static boolean isSecret(String key) {
        String last = key.substring(key.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return SECRET.matcher(last).matches();
    }
}
