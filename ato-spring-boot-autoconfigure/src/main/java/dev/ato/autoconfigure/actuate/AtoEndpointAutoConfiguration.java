package dev.ato.autoconfigure.actuate;

import dev.ato.autoconfigure.scope.AtoScopeAutoConfiguration;
import dev.ato.autoconfigure.sanitize.AtoSanitizerAutoConfiguration;
import dev.ato.autoconfigure.scope.AtoScopes;
import dev.ato.sanitize.Sanitizer;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** The {@code ato} Actuator endpoint, created only when Actuator is present and the endpoint is exposed. */
@AutoConfiguration(after = {AtoScopeAutoConfiguration.class, AtoSanitizerAutoConfiguration.class})
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBooleanProperty(name = "ato.enabled", matchIfMissing = true)
@ConditionalOnAvailableEndpoint(AtoEndpoint.class)
@EnableConfigurationProperties(AtoEndpointProperties.class)
public class AtoEndpointAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AtoEndpoint atoEndpoint(AtoScopes scopes, Sanitizer sanitizer, AtoEndpointProperties properties) {
        return new AtoEndpoint(scopes, sanitizer, properties.getShowValues(), properties.getRoles());
    }
}
