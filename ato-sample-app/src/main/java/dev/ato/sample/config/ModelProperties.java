package dev.ato.sample.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * The {@code model} scope, typed.
 *
 * @param l2  L2 penalty on the weights
 * @param dir where trained models are written
 */
@ConfigurationProperties("model")
public record ModelProperties(double l2, Path dir) {
}
