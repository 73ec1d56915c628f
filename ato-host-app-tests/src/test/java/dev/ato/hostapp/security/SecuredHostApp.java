package dev.ato.hostapp.security;

import dev.ato.adict.ADict;
import dev.ato.autoconfigure.AtoObserve;
import dev.ato.autoconfigure.AtoScope;
import dev.ato.autoconfigure.tracker.TrackedRuns;
import dev.ato.tracker.RunHandle;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * An application secured by Spring Security: {@code /actuator/ato} is open (values only for ADMIN, by
 * {@code show-values: when-authorized}), the rest of the Actuator and the app's own API need a login.
 */
@SpringBootApplication
public class SecuredHostApp {

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/ato", "/actuator/ato/**").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    UserDetailsService users() {
        return new InMemoryUserDetailsManager(
                User.withUsername("admin").password("{noop}admin-pass").roles("ADMIN").build(),
                User.withUsername("user").password("{noop}user-pass").roles("USER").build());
    }

    /** The {@code config} scope, with a secret. */
    @AtoScope("config")
    public static class Views {

        @AtoObserve(defaultView = true)
        void defaults(ADict config) {
            config.set("lr", 0.1);
            config.set("db", ADict.of(Map.of("password", "view-secret")));
        }
    }

    /** The application's own API, behind the login. */
    @RestController
    public static class Api {

        private final TrackedRuns runs;

        Api(TrackedRuns runs) {
            this.runs = runs;
        }

        @GetMapping("/me/train")
        long train() {
            try (RunHandle run = runs.start("secured")) {
                run.logMetric("loss", 0.3, 1);
                return run.id();
            }
        }
    }
}
