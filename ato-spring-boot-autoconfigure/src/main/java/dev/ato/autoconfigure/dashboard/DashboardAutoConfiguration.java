package dev.ato.autoconfigure.dashboard;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import dev.ato.AtoConfigException;
import dev.ato.autoconfigure.sanitize.AtoSanitizerAutoConfiguration;
import dev.ato.autoconfigure.scope.AtoScopes;
import dev.ato.sanitize.Sanitizer;
import dev.ato.tracker.RunFinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.DispatcherServlet;

import javax.sql.DataSource;

/**
 * The read-only web dashboard over the tracker database. With Spring Shell present it offers the command
 * {@code dashboard [--port]}, which serves the dashboard on the JDK's built-in HTTP server from any application (no
 * web stack needed); a Spring MVC application with {@code ato.dashboard.enabled=true} serves it itself under
 * {@code /ato/}.
 */
@AutoConfiguration(after = AtoSanitizerAutoConfiguration.class, afterName = {"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"})
@ConditionalOnBooleanProperty(name = "ato.enabled", matchIfMissing = true)
@EnableConfigurationProperties(DashboardProperties.class)
public class DashboardAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(DispatcherServlet.class)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnBooleanProperty("ato.dashboard.enabled")
    @ConditionalOnBean(DataSource.class)
    @Import(DashboardWebConfiguration.class)
    static class Served {
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.shell.core.command.Command")
    @ConditionalOnBooleanProperty(name = "ato.shell.enabled", matchIfMissing = true)
    static class ShellCommand {

        @Bean
        DashboardCommand atoDashboardCommand(ObjectProvider<DataSource> dataSource, ObjectProvider<RunFinder> finder,
                                             ObjectProvider<AtoScopes> scopes, ObjectProvider<Sanitizer> sanitizer,
                                             DashboardProperties properties) {
            return new DashboardCommand(() -> {
                DataSource database = dataSource.getIfAvailable();
                if (database == null) {
                    throw new AtoConfigException("the dashboard needs the tracker database, and this application"
                            + " has no DataSource; set ato.sqlite.path or spring.datasource.url");
                }
                return DashboardRoutes.over(finder.getIfAvailable(() -> RunFinder.create(database)),
                        scopes, sanitizer.getIfAvailable(Sanitizer::defaults), properties);
            }, properties);
        }
    }
}
