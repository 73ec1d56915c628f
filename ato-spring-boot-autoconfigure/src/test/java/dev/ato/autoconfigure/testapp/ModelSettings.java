package dev.ato.autoconfigure.testapp;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/** The {@code model} scope bound as a record, with a list. */
@ConfigurationProperties("model")
public record ModelSettings(String name, List<Integer> layers) {
}
