package dev.ato.autoconfigure.dashboard;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** The {@code ato.dashboard.*} settings: whether the app serves the dashboard, and where the Shell command does. */
@ConfigurationProperties("ato.dashboard")
public class DashboardProperties {

    /** Whether a Spring MVC application serves the read-only dashboard under /ato/. */
    private boolean enabled = false;

    /**
     * Address the dashboard listens on: the {@code dashboard} Shell command's server, and the application's own
     * server when {@code server.address} is not set.
     */
    private String address = "127.0.0.1";

    /** Port of the {@code dashboard} Shell command's server when {@code --port} is not given (0 picks a free one). */
    private int port = 8765;

    /** How often an open page asks for new metric values of a running run. */
    private Duration pollInterval = Duration.ofSeconds(1);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public int getPort() {
        return port;
    }

    public void setPort(int port) {
        this.port = port;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }
}
