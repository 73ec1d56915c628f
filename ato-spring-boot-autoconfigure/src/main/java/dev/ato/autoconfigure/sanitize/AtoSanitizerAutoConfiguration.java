package dev.ato.autoconfigure.sanitize;

import dev.ato.autoconfigure.AtoProperties;
import dev.ato.autoconfigure.scope.AtoScopes;
import dev.ato.sanitize.Sanitizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The one {@link Sanitizer} of the application, with or without Actuator: Spring Boot's and Ato's secret keys, the
 * {@code ato.sanitize.key-patterns}, the application's {@link Sanitizer.Rule} beans and, when Actuator is on the
 * classpath, its {@code SanitizingFunction} beans. With Actuator, Ato's rules also sanitize {@code /actuator/env}.
 */
@AutoConfiguration
@ConditionalOnBooleanProperty(name = "ato.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AtoProperties.class)
public class AtoSanitizerAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Sanitizer atoSanitizer(AtoProperties properties, ObjectProvider<Sanitizer.Rule> rules) {
        return Sanitizer.of(properties.getSanitize().getKeyPatterns(), rules.orderedStream().toList());
    }

    /** The bridges to Spring Boot's {@code SanitizingFunction}, only when spring-boot-actuator is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SanitizingFunction.class)
    static class SanitizingFunctions {

        @Bean
        SanitizingFunctionRule atoSanitizingFunctionRule(ObjectProvider<SanitizingFunction> functions) {
            return new SanitizingFunctionRule(functions);
        }

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE)
        AtoSanitizingFunction atoSanitizingFunction(ObjectProvider<Sanitizer> sanitizer,
                                                    ObjectProvider<AtoScopes> scopes) {
            return new AtoSanitizingFunction(sanitizer, scopes);
        }
    }
}
