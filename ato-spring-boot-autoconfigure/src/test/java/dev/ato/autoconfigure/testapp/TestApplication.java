package dev.ato.autoconfigure.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** A Boot application with two scopes ({@code train}, {@code model}) that the integration tests start. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TestApplication {
}
