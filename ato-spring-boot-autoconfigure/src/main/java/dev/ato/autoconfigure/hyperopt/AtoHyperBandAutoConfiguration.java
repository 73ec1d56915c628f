package dev.ato.autoconfigure.hyperopt;

import dev.ato.autoconfigure.AtoProperties;
import dev.ato.autoconfigure.scope.AtoScopeAutoConfiguration;
import dev.ato.autoconfigure.scope.AtoScopes;
import dev.ato.autoconfigure.tracker.AtoTrackerAutoConfiguration;
import dev.ato.autoconfigure.tracker.TrackerSchemaMigration;
import dev.ato.hyperopt.HyperBand;
import dev.ato.hyperopt.Searches;
import dev.ato.tracker.Tracker;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/** {@link HyperBandService} and the tracked {@link Searches} it shares with other workers through the database. */
@AutoConfiguration(after = {AtoScopeAutoConfiguration.class, AtoTrackerAutoConfiguration.class})
@ConditionalOnClass(HyperBand.class)
@ConditionalOnBooleanProperty(name = "ato.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AtoProperties.class)
public class AtoHyperBandAutoConfiguration {

    @Bean
    @Lazy
    @ConditionalOnMissingBean
    Searches atoSearches(TrackerSchemaMigration schema, Tracker tracker, AtoProperties properties) {
        return Searches.create(schema.database(), tracker, properties.getHyperband().getLease());
    }

    @Bean
    @ConditionalOnMissingBean
    HyperBandService hyperBandService(AtoScopes scopes, ObjectProvider<Searches> searches, AtoProperties properties) {
        return new HyperBandService(scopes, searches, properties.getProject());
    }
}
