package dev.ato.autoconfigure.dashboard;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The smallest application that serves the dashboard: auto-configuration only, no views of its own. */
@SpringBootConfiguration
@EnableAutoConfiguration
class DashboardTestApplication {
}
