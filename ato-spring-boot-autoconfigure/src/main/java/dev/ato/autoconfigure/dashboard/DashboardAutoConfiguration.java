package dev.ato.autoconfigure.dashboard;

import dev.ato.autoconfigure.sanitize.AtoSanitizerAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
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
@AutoConfiguration(after = AtoSanitizerAutoConfiguration.class,
        afterName = {"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
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
    @Import(DashboardCommand.class)
    static class ShellCommand {
    }
}
