package dev.ato.autoconfigure.actuate;

import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.HashSet;
import java.util.Set;

/** Settings of the {@code ato} Actuator endpoint, named like those of Spring Boot's own {@code env} endpoint. */
@ConfigurationProperties("management.endpoint.ato")
public class AtoEndpointProperties {

    /** When to show config values; keys that look like secrets are masked even then. */
    private Show showValues = Show.NEVER;

    /** Roles allowed to see values when show-values is when-authorized; empty means any authenticated user. */
    private Set<String> roles = new HashSet<>();

    public Show getShowValues() {
        return showValues;
    }

    public void setShowValues(Show showValues) {
        this.showValues = showValues;
    }

    public Set<String> getRoles() {
        return roles;
    }

    public void setRoles(Set<String> roles) {
        this.roles = roles;
    }
}
