package dev.ato.autoconfigure.testapp;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The {@code train} scope bound as a record: relaxed names, a nested record, validation. */
@ConfigurationProperties("train")
@Validated
public record TrainSettings(double lr, @Min(1) @Max(4096) int batchSize, @Valid Optim optim, int steps,
                            Double dropout) {

    /** The nested {@code train.optim} dict. */
    public record Optim(String name, double beta) {
    }
}
