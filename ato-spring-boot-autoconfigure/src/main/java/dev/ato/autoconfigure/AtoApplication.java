package dev.ato.autoconfigure;

import dev.ato.autoconfigure.shell.AtoShellRunner;
import dev.ato.autoconfigure.shell.ContextFreeCommands;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * A {@code main} for applications with Ato's Shell commands: runs the application, and when the command line named
 * a command ({@code java -jar app.jar manual lr=0.1}), closes it and exits with the command's exit code, as a CLI
 * does. Without a command the application keeps running (a job, a server) and its context is returned.
 */
public final class AtoApplication {

    private static final String SHELL = "org.springframework.shell.core.command.Command";

    private AtoApplication() {
    }

    public static ConfigurableApplicationContext run(Class<?> source, String... args) {
        SpringApplication application = new SpringApplication(source);
        if (ClassUtils.isPresent(SHELL, source.getClassLoader())) {
            application.addInitializers(AtoShellRunner.exitAfterCommand());
        }
        ConfigurableApplicationContext context = ClassUtils.isPresent(SHELL, source.getClassLoader())
                ? runWithCommands(application, args) : application.run(args);
        if (ClassUtils.isPresent(SHELL, source.getClassLoader()) && ranCommand(context)) {
            System.exit(SpringApplication.exit(context));
        }
        return context;
    }

    /**
     * Runs the application, answering the commands that need no context ({@code manual}, {@code help}, ...) as soon
     * as the Environment is ready, and exiting with their exit code. Only called with Spring Shell present.
     */
    private static ConfigurableApplicationContext runWithCommands(SpringApplication application, String... args) {
        ContextFreeCommands early = ContextFreeCommands.forArgs(args);
        try {
            return SpringApplication.withHook(early, () -> application.run(args));
        } catch (SpringApplication.AbandonedRunException abandoned) {
            if (early.exitCode().isPresent()) {
                System.exit(early.exitCode().getAsInt());
            }
            throw abandoned;
        }
    }

    /** Only called with Spring Shell present, so the runner class loads only then. */
    private static boolean ranCommand(ConfigurableApplicationContext context) {
        return context.getBeanProvider(AtoShellRunner.class).stream().anyMatch(AtoShellRunner::ranCommand);
    }
}
