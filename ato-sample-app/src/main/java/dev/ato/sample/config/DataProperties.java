package dev.ato.sample.config;

import dev.ato.sample.training.DigitsData;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * The {@code data} scope, typed.
 *
 * @param file               a digits CSV, or 'bundled' for the images inside the app
 * @param validationFraction share of each digit held out for validation
 * @param seed               seeds the split and the shuffling
 */
@ConfigurationProperties("data")
public record DataProperties(String file, double validationFraction, long seed) {

    /** The {@code file} value that means the UCI digits shipped in the app. */
    public static final String BUNDLED = "bundled";

    /** Reads the images; a missing or broken file is an {@code AtoConfigException} naming it. */
    public DigitsData load() {
        return file == null || file.equals(BUNDLED) ? DigitsData.bundled() : DigitsData.fromFile(Path.of(file));
    }
}
