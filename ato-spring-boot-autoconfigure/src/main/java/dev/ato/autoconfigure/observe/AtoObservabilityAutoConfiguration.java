package dev.ato.autoconfigure.observe;

import dev.ato.autoconfigure.AtoProperties;
import dev.ato.autoconfigure.scope.AtoScopeAutoConfiguration;
import dev.ato.autoconfigure.scope.AtoScopes;
import dev.ato.autoconfigure.tracker.AtoSqliteAutoConfiguration;
import dev.ato.autoconfigure.tracker.AtoTrackerAutoConfiguration;
import dev.ato.tracker.Tracker;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/**
 * Ato's health indicator ({@code ato}), info contributor and tracker meters. Each nested part is conditional on its
 * own library, so an application without Actuator or Micrometer loads none of their classes.
 */
@AutoConfiguration(after = {AtoScopeAutoConfiguration.class, AtoTrackerAutoConfiguration.class,
        AtoSqliteAutoConfiguration.class, DataSourceAutoConfiguration.class})
@ConditionalOnBooleanProperty(name = "ato.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AtoProperties.class)
public class AtoObservabilityAutoConfiguration {

    /** {@code /actuator/health/ato}: the tracker database (spring-boot-health's conditions only once it is there). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    static class Health {

        @Configuration(proxyBeanMethods = false)
        @ConditionalOnBean(Tracker.class)
        @ConditionalOnSingleCandidate(DataSource.class)
        @ConditionalOnEnabledHealthIndicator("ato")
        static class TrackerDatabase {

            @Bean
            @ConditionalOnMissingBean(name = "atoHealthIndicator")
            HealthIndicator atoHealthIndicator(DataSource dataSource) {
                return new TrackerHealthIndicator(dataSource);
            }
        }
    }

    /** {@code /actuator/info}: Ato's version, scopes and structural hashes. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(InfoContributor.class)
    static class Info {

        @Bean
        @ConditionalOnMissingBean(name = "atoInfoContributor")
        InfoContributor atoInfoContributor(ObjectProvider<AtoScopes> scopes) {
            return new AtoInfoContributor(scopes);
        }
    }

    /** The tracker's meters, bound to every MeterRegistry by Spring Boot. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterBinder.class)
    @ConditionalOnBean(Tracker.class)
    static class Meters {

        @Bean
        @ConditionalOnMissingBean
        TrackerMeters atoTrackerMeters(AtoProperties properties) {
            return new TrackerMeters(properties.getTracker().getMeters().isLiveRunMetrics());
        }
    }
}
