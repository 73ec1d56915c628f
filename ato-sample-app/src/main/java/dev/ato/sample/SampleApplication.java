package dev.ato.sample;

import dev.ato.autoconfigure.AtoApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The sample training job: digits classification configured, tracked and tuned with Ato. One-shot
 * ({@code java -jar ato-sample-app.jar train fast}) or, without a command, an interactive shell.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SampleApplication {

    public static void main(String[] args) {
        AtoApplication.run(SampleApplication.class, args);
    }
}
