package dev.ato.autoconfigure.dashboard.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The smallest application that serves the dashboard: auto-configuration and one scope ({@link TrainViews}). */
@SpringBootApplication
public class DashboardTestApplication {
}
