package dev.ato.autoconfigure.shell;

import dev.ato.AtoConfigException;
import dev.ato.autoconfigure.AtoProperties;
import dev.ato.autoconfigure.scope.AtoCommandLine;
import dev.ato.autoconfigure.scope.AtoScopes;
import dev.ato.sanitize.Sanitizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.env.Environment;
import org.springframework.shell.core.ShellRunner;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.util.ClassUtils;

import java.io.PrintWriter;
import java.util.List;

/**
 * Runs the command the application's command line names, once, and reports its exit code (it replaces Spring
 * Shell's runner). Which word is the command follows {@link AtoCommandLine}; without one, the application runs as
 * usual, or the interactive shell starts when {@code ato.shell.interactive=true}. One-shot and interactive input go
 * through {@link #execute}: the same parsing, help and error style.
 */
public final class AtoShellRunner implements ApplicationRunner, ExitCodeGenerator, Ordered, ApplicationContextAware {

    /** The marker bean that makes the process exit right after a one-shot command (see {@link #exitAfterCommand}). */
    private static final String EXIT_AFTER_COMMAND = "atoShellExitAfterCommand";

    private static final String JLINE = "org.jline.reader.LineReader";

    private final ObjectProvider<CommandRegistry> registry;
    private final ObjectProvider<ShellRunner> fallbackShell;
    private final AtoScopes scopes;
    private final AtoCommandLine commandLine;
    private final AtoProperties properties;
    private final ConfigurableListableBeanFactory beanFactory;
    private ApplicationContext context;
    private volatile int exitCode;
    private volatile boolean ranCommand;

    AtoShellRunner(ObjectProvider<CommandRegistry> registry, ObjectProvider<ShellRunner> fallbackShell,
                   AtoScopes scopes, AtoCommandLine commandLine, AtoProperties properties,
                   ConfigurableListableBeanFactory beanFactory) {
        this.registry = registry;
        this.fallbackShell = fallbackShell;
        this.scopes = scopes;
        this.commandLine = commandLine;
        this.properties = properties;
        this.beanFactory = beanFactory;
    }

    @Override
    public void setApplicationContext(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        CommandRegistry commands = registry.getObject();
        checkNoViewIsNamedLikeACommand(commands);
        if (commandLine.hasCommand()) {
            exitCode = execute(commandLine.command(), commandLine.commandArgs(), new PrintWriter(System.out, true),
                    new PrintWriter(System.err, true));
            ranCommand = true;
            if (beanFactory.containsSingleton(EXIT_AFTER_COMMAND)) {
                // the command was the run: the application's own runners (its job) must not start after it
                System.exit(SpringApplication.exit(context, () -> exitCode));
            }
        } else if (properties.getShell().isInteractive()) {
            CommandCatalog.addShellBuiltIns(commands, List.of(beanFactory.getBeanNamesForType(Command.class)).stream()
                    .filter(name -> CommandCatalog.isSpringShells(beanFactory, name))
                    .map(name -> beanFactory.getBean(name, Command.class)).toList());
            if (ClassUtils.isPresent(JLINE, beanFactory.getBeanClassLoader())) {
                InteractiveShell.run(beanFactory, commands, this);
            } else {
                fallbackShell.getObject().run(args.getSourceArgs());
            }
        }
    }

    /**
     * Runs one command and returns the process exit code: 0, {@value CommandErrors#BAD_INPUT} for bad input,
     * {@value CommandErrors#FAILURE} for a failure. The output goes to {@code out}, an error (one block, with the
     * stack trace only when the words contain {@code --debug}) to {@code err}.
     */
    public int execute(String word, List<String> args, PrintWriter out, PrintWriter err) {
        return new CommandExecutor(registry::getObject, scopes,
                () -> beanFactory.getBeanProvider(Sanitizer.class).getIfAvailable(Sanitizer::defaults),
                this::databaseUrl).execute(word, args, out, err);
    }

    /** {@link #execute(String, List, PrintWriter, PrintWriter)} with output and errors on one writer, as in a terminal. */
    public int execute(String word, List<String> args, PrintWriter terminal) {
        return execute(word, args, terminal, terminal);
    }

    /** The tracker database's URL (or SQLite file) for error messages. */
    private String databaseUrl() {
        Environment environment = beanFactory.getBean(Environment.class);
        String url = environment.getProperty("spring.datasource.url");
        return url != null ? url : "jdbc:sqlite:" + properties.getSqlite().getPath().toAbsolutePath().normalize();
    }

    private void checkNoViewIsNamedLikeACommand(CommandRegistry commands) {
        for (Command command : commands.getCommands()) {
            String word = command.getName().split(" ")[0];
            if (scopes.isView(word)) {
                throw new AtoConfigException("the view '" + word + "' has the name of the Shell command '"
                        + command.getName() + "', so the command could never be run from the command line (a first"
                        + " word that names a view is Ato input); rename the view");
            }
        }
    }

    /**
     * An initializer for a {@code main} (as {@code AtoApplication.run} installs it): when the command line names a
     * command, the process exits with the command's exit code as soon as it has run, before any other runner.
     */
    public static ApplicationContextInitializer<ConfigurableApplicationContext> exitAfterCommand() {
        return context -> context.getBeanFactory().registerSingleton(EXIT_AFTER_COMMAND, new Object());
    }

    /** First among the runners: a one-shot command runs instead of the application's work. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    /** Whether the command line named a command, which has run: the application's work is done. */
    public boolean ranCommand() {
        return ranCommand;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
