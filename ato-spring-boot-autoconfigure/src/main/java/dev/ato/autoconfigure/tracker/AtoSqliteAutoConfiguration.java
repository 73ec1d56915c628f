package dev.ato.autoconfigure.tracker;

import dev.ato.autoconfigure.AtoProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

import javax.sql.DataSource;

/**
 * The zero-setup database: when the application has no DataSource and no {@code spring.datasource.url}, Boot's own
 * pooled DataSource connects to the SQLite file {@code ato.sqlite.path} (default {@code ./experiments.db}).
 * Providing connection details rather than a DataSource keeps Hikari settings, Flyway and health checks Boot's.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnClass(name = "org.sqlite.JDBC")
@ConditionalOnBooleanProperty(name = {"ato.enabled", "ato.sqlite.enabled"}, matchIfMissing = true)
@ConditionalOnMissingBean({DataSource.class, JdbcConnectionDetails.class})
@Conditional(NoDataSourceUrlCondition.class)
@EnableConfigurationProperties(AtoProperties.class)
public class AtoSqliteAutoConfiguration {

    @Bean
    JdbcConnectionDetails atoSqliteConnectionDetails(AtoProperties properties) {
        return SqliteConnectionDetails.of(properties.getSqlite()).createDirectory();
    }
}
