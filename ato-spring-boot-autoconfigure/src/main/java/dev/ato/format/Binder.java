package dev.ato.format;

import dev.ato.AtoConfigException;
import dev.ato.adict.ADict;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

import java.util.stream.Collectors;

/** Binds an ADict to a record or bean with Jackson ({@link Mappers#binding()}); scalars are never coerced from text. */
final class Binder {

    private Binder() {
    }

    static <T> T bind(ADict dict, Class<T> type) {
        try {
            return Mappers.binding().convertValue(dict.toMap(), type);
        } catch (JacksonException e) {
            String key = e.getPath().stream()
                    .map(r -> r.getPropertyName() != null ? r.getPropertyName() : String.valueOf(r.getIndex()))
                    .collect(Collectors.joining("."));
            String expected = e instanceof MismatchedInputException m && m.getTargetType() != null
                    ? m.getTargetType().getSimpleName() : "a value that fits";
            throw new AtoConfigException("cannot bind the config to " + type.getSimpleName() + ": key '"
                    + (key.isEmpty() ? "<root>" : key) + "' expected " + expected + " ("
                    + e.getOriginalMessage().lines().findFirst().orElse("") + ")", e);
        }
    }
}
