package dev.ato.autoconfigure.bench.empty;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The baseline of the one-shot benchmark: an empty Spring Boot application that prints a line and exits. */
@SpringBootApplication
public class EmptyBootApp {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(EmptyBootApp.class);
        application.setBannerMode(org.springframework.boot.Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        System.exit(SpringApplication.exit(application.run(args), () -> {
            System.out.println("hello");
            return 0;
        }));
    }
}
