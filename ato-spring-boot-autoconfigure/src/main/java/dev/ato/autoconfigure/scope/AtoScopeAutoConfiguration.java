package dev.ato.autoconfigure.scope;

import dev.ato.autoconfigure.AtoProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Ato's scopes in a Spring application: the {@code @AtoObserve} views found in the application's packages,
 * resolved from its command line and Environment into property sources and beans (see {@link AtoScopeRegistrar}).
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "ato.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AtoProperties.class)
public class AtoScopeAutoConfiguration {

    @Bean
    static AtoScopeRegistrar atoScopeRegistrar() {
        return new AtoScopeRegistrar();
    }
}
