package dev.ato.autoconfigure.dashboard;

import dev.ato.AtoConfigException;
import dev.ato.autoconfigure.scope.AtoScopes;
import dev.ato.sanitize.Sanitizer;
import dev.ato.tracker.RunFinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The dashboard inside a Spring MVC application: {@link DashboardEndpoint} under {@code /ato/}, and the loopback
 * address when the application chose none.
 */
@Configuration(proxyBeanMethods = false)
class DashboardWebConfiguration {

    @Bean
    DashboardRoutes atoDashboardRoutes(DataSource dataSource, ObjectProvider<RunFinder> finder,
                                       ObjectProvider<AtoScopes> scopes, ObjectProvider<Sanitizer> sanitizer,
                                       DashboardProperties properties) {
        return DashboardRoutes.over(finder.getIfAvailable(() -> RunFinder.create(dataSource)), scopes,
                sanitizer.getIfAvailable(Sanitizer::defaults), properties);
    }

    @Bean
    DashboardEndpoint atoDashboardEndpoint(DashboardRoutes routes) {
        return new DashboardEndpoint(routes);
    }

    /** Binds the server to the dashboard's address (127.0.0.1 by default) unless {@code server.address} is set. */
    @Bean
    WebServerFactoryCustomizer<ConfigurableWebServerFactory> atoDashboardAddress(Environment environment,
                                                                                 DashboardProperties properties) {
        return new LoopbackCustomizer(environment, properties);
    }

    /** Runs after Boot's own customizer, so an explicit {@code server.address} always wins. */
    private record LoopbackCustomizer(Environment environment, DashboardProperties properties)
            implements WebServerFactoryCustomizer<ConfigurableWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableWebServerFactory factory) {
            if (environment.getProperty("server.address") == null) {
                try {
                    factory.setAddress(InetAddress.getByName(properties.getAddress()));
                } catch (UnknownHostException e) {
                    throw new AtoConfigException("ato.dashboard.address '" + properties.getAddress()
                            + "' is not a host name or IP address; use e.g. 127.0.0.1");
                }
            }
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
