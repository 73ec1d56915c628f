package dev.ato.autoconfigure.scope;

import dev.ato.autoconfigure.AtoProperties;
import dev.ato.autoconfigure.AtoTrace;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;

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

    /** The runtime form of {@code @AtoTrace}: an infrastructure advisor, so Boot's auto-proxy creator applies it. */
    @Bean
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static Advisor atoRuntimeTraceAdvisor(ObjectProvider<AtoScopes> scopes) {
        return new DefaultPointcutAdvisor(new AnnotationMatchingPointcut(null, AtoTrace.class, true),
                new RuntimeTraceInterceptor(scopes));
    }
}
