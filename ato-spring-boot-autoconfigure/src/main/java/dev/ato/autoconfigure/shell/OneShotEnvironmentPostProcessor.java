package dev.ato.autoconfigure.shell;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.core.type.MethodMetadata;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;
import org.springframework.util.ClassUtils;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Makes a one-shot Ato command start like a CLI: when the first command-line word is one of Ato's commands, the
 * application runs without a web server, without a banner or start-up logging, and with lazy beans, so a command
 * that needs no database starts no JPA and no migrations. The settings are defaults: the application's own
 * {@code spring.main.*} and {@code logging.*} values win. Every option of a one-shot command is the command's, so
 * Boot's {@code --debug} and {@code --trace} switches are off there ({@code --logging.level.root=debug} still works).
 */
class OneShotEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "atoOneShot";

    /** Overrides Boot's logging switches when a one-shot command's own options carry their names. */
    static final String COMMAND_OPTIONS_SOURCE_NAME = "atoOneShotCommandOptions";

    /** Boot's {@code --debug}/{@code --trace} switches; in a one-shot command they are the command's options. */
    private static final List<String> BOOT_SWITCHES = List.of("debug", "trace");

    private static final String EXCLUDE = "spring.autoconfigure.exclude";

    /** The source that keeps JPA away from commands without database work. */
    static final String EXCLUDE_SOURCE_NAME = "atoOneShotNoPersistence";

    /** Ato's JPA auto-configuration, excluded for one-shot commands that do no application work. */
    static final String ATO_JPA = "dev.ato.autoconfigure.tracker.AtoJpaAutoConfiguration";

    /** JPA's auto-configuration, which Ato's commands (but those running the application's trial) never need. */
    private static final String PERSISTENCE =
            "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration,"
            + "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration,"
            + ATO_JPA;

    /** The classes whose commands run the application's own code ({@code hyperband run} trains its trials). */
    private static final List<String> APPLICATION_WORK_CLASSES = List.of(
            "dev.ato.autoconfigure.shell.HyperBandCommands", "dev.ato.autoconfigure.shell.TuneCommands");

    /** The classes that declare Ato's commands; their {@code @Command} names are the one-shot words. */
    static final List<String> COMMAND_CLASSES = List.of("dev.ato.autoconfigure.shell.ScopeCommands",
            "dev.ato.autoconfigure.shell.RunsCommands", "dev.ato.autoconfigure.shell.HelpCommands",
            "dev.ato.autoconfigure.shell.HyperBandCommands", "dev.ato.autoconfigure.shell.TuneCommands",
            "dev.ato.autoconfigure.dashboard.DashboardCommand");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!ClassUtils.isPresent("org.springframework.shell.core.command.Command", application.getClassLoader())
                || !environment.getProperty("ato.enabled", Boolean.class, true)
                || !environment.getProperty("ato.shell.enabled", Boolean.class, true)
                || !(commandWords(application.getClassLoader()).contains(firstWord(environment))
                || asksForHelp(environment))) {
            return;
        }
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("spring.main.web-application-type", "none");
        defaults.put("spring.main.banner-mode", "off");
        defaults.put("spring.main.log-startup-info", "false");
        defaults.put("logging.level.root", "warn");
        if (environment.getProperty("ato.shell.lazy-one-shot", Boolean.class, true)) {
            defaults.put("spring.main.lazy-initialization", "true");
        }
        if (!applicationWorkWords(application.getClassLoader()).contains(firstWord(environment))) {
            // Ato's commands read the tracker with JDBC; JPA would build its EntityManagerFactory eagerly (it is
            // LoadTimeWeaverAware), which opens the database even for manual or help
            // (the application's own exclusions are kept: the merged list goes first)
            String excluded = environment.getProperty(EXCLUDE);
            environment.getPropertySources().addFirst(new MapPropertySource(EXCLUDE_SOURCE_NAME, Map.of(EXCLUDE,
                    (excluded == null || excluded.isBlank() ? "" : excluded + ",") + PERSISTENCE)));
        }
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
        // `runs similar 1 --trace train-step`: the option is the command's, so Boot must not turn on trace logging
        Map<String, Object> switchesOff = new LinkedHashMap<>();
        BOOT_SWITCHES.stream().filter(name -> commandLine(environment).containsProperty(name))
                .forEach(name -> switchesOff.put(name, "false"));
        if (!switchesOff.isEmpty()) {
            environment.getPropertySources().addFirst(new MapPropertySource(COMMAND_OPTIONS_SOURCE_NAME, switchesOff));
        }
    }

    /** The first words of Ato's commands, read from their declarations ({@code runs best} gives {@code runs}). */
    static Set<String> commandWords(ClassLoader classLoader) {
        return words(COMMAND_CLASSES, classLoader);
    }

    /** The words of the commands that run the application's own code, read from their declarations. */
    static Set<String> applicationWorkWords(ClassLoader classLoader) {
        return words(APPLICATION_WORK_CLASSES, classLoader);
    }

    /** Read from the class files, so no command class (nor what its methods mention) is loaded for this. */
    private static Set<String> words(List<String> classes, ClassLoader classLoader) {
        Set<String> words = new TreeSet<>();
        MetadataReaderFactory reader = new SimpleMetadataReaderFactory(classLoader);
        for (String name : classes) {
            if (classLoader.getResource(ClassUtils.convertClassNameToResourcePath(name) + ".class") == null) {
                continue;
            }
            try {
                for (MethodMetadata method : reader.getMetadataReader(name).getAnnotationMetadata()
                        .getAnnotatedMethods(Command.class.getName())) {
                    String[] declared = method.getAnnotations().get(Command.class).getStringArray("name");
                    String first = String.join(" ", declared).trim().split(" ")[0];
                    words.add(first.isEmpty() ? method.getMethodName() : first);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the class file of " + name, e);
            }
        }
        return words;
    }

    /** {@code --help} or {@code -h} anywhere: the {@code help} command, whatever else the line holds. */
    private static boolean asksForHelp(ConfigurableEnvironment environment) {
        PropertySource<?> args = commandLine(environment);
        Object words = args.getProperty(CommandLinePropertySource.DEFAULT_NON_OPTION_ARGS_PROPERTY_NAME);
        return args.containsProperty("help") || words != null && List.of(words.toString().split(",")).contains("-h");
    }

    /** The first non-option word, or {@code ""} when there is none. */
    private static String firstWord(ConfigurableEnvironment environment) {
        Object words = commandLine(environment)
                .getProperty(CommandLinePropertySource.DEFAULT_NON_OPTION_ARGS_PROPERTY_NAME);
        return words == null ? "" : words.toString().split(",", 2)[0];
    }

    /** The command line's property source, or an empty one when the application was started without arguments. */
    private static PropertySource<?> commandLine(ConfigurableEnvironment environment) {
        PropertySource<?> source = environment.getPropertySources()
                .get(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME);
        return source != null ? source : new MapPropertySource("none", Map.of());
    }
}
