package dev.ato.autoconfigure.bench.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.lang.management.ManagementFactory;

/**
 * The benchmark application: a minimal Boot app with one view component. {@link #main} starts it, prints the time
 * from JVM start to a ready context, and exits; {@link BenchCli} runs it as a one-shot command line.
 */
@SpringBootApplication
public class BenchApp {

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(BenchApp.class, args);
        long ready = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("ready-ms " + ready);
        context.close();
    }
}
