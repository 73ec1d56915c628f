package dev.ato.autoconfigure.shell;

import dev.ato.autoconfigure.scope.AtoCommandLine;
import dev.ato.autoconfigure.scope.InvalidAtoInputException;
import dev.ato.autoconfigure.scope.ScopeStartup;
import dev.ato.autoconfigure.tracker.EmbeddedTracker;
import dev.ato.tracker.RunFinder;
import dev.ato.sanitize.Sanitizer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationHook;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.util.ClassUtils;

import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Answers the one-shot commands that need no bean and no database ({@code manual}, {@code print}, {@code why},
 * {@code help}, {@code --help}, and the error for a word that is neither a command nor a view) as soon as the
 * Environment is ready, before any application context exists: a CLI's start-up instead of an application's.
 *
 * <p>The answer is the context's, because it comes from the same procedure ({@link ScopeStartup}: the same
 * Environment, with application files, profiles, environment variables, system properties and command-line
 * options, the same scanned views) and the same commands ({@link CommandExecutor}). Where the application's own
 * classes could make the context answer differently, this step stands aside and the context runs as before
 * ({@link ApplicationFacts}): sanitizing beans, {@code @PropertySource}, command classes that are conditional, not
 * scanned components, or scanned from other packages than the views. {@code ato.shell.context-free=false} turns it
 * off.
 *
 * <p>The {@code runs} commands are answered here too when the tracker is on the embedded SQLite default and the
 * application defines no database of its own: they read the same file through the same {@link RunFinder}.
 *
 * <p>Installed by {@code AtoApplication.run} as a {@link SpringApplicationHook}; after it answered, the run ends
 * with {@link SpringApplication.AbandonedRunException} and {@link #exitCode()} holds the command's exit code.
 */
public final class ContextFreeCommands implements SpringApplicationHook {

    /** The commands answered here; every other command needs the application's beans. */
    static final Set<String> WORDS = Set.of("manual", "print", "why", "help");

    /** The commands of {@link ScopeCommands}, which need no other command to run or to explain themselves. */
    private static final Set<String> SCOPE_WORDS = Set.of("manual", "print", "why");

    /** The word of the commands that read the tracker ({@link RunsCommands}), answered here on the embedded file. */
    private static final String RUNS = "runs";

    private final String[] args;
    private final PrintWriter out;
    private final PrintWriter err;
    private volatile @Nullable Integer exitCode;

    ContextFreeCommands(String[] args, PrintWriter out, PrintWriter err) {
        this.args = args.clone();
        this.out = out;
        this.err = err;
    }

    /** The hook for a run with {@code args}, printing to standard output and error. */
    public static ContextFreeCommands forArgs(String... args) {
        return new ContextFreeCommands(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    }

    /** The exit code of the command answered before the context, or empty when the context runs it. */
    public OptionalInt exitCode() {
        Integer code = exitCode;
        return code == null ? OptionalInt.empty() : OptionalInt.of(code);
    }

    @Override
    public SpringApplicationRunListener getRunListener(SpringApplication application) {
        return new SpringApplicationRunListener() {
            @Override
            public void environmentPrepared(ConfigurableBootstrapContext bootstrap,
                                            ConfigurableEnvironment environment) {
                OptionalInt code;
                try {
                    code = answer(application, environment, args, out, err);
                } catch (RuntimeException | LinkageError unforeseen) {
                    code = OptionalInt.empty(); // the context answers, as it did before this step existed
                }
                if (code.isPresent()) {
                    exitCode = code.getAsInt();
                    throw new SpringApplication.AbandonedRunException();
                }
            }
        };
    }

    /**
     * Runs the command {@code args} name when it can be answered without a context and returns its exit code;
     * empty when the application context must run (no command, another command, or facts of the application's
     * classes that only the context can account for).
     */
    static OptionalInt answer(SpringApplication application, ConfigurableEnvironment environment, String[] args,
                              PrintWriter out, PrintWriter err) {
        String first = AtoCommandLine.firstWord(args);
        boolean help = Arrays.stream(args).anyMatch(AtoCommandLine::isHelp);
        ClassLoader classLoader = application.getClassLoader();
        boolean runs = RUNS.equals(first) && EmbeddedTracker.applies(environment, classLoader);
        if (!enabled(environment) || first == null && !help
                || !help && first != null && !WORDS.contains(first) && !runs
                && OneShotEnvironmentPostProcessor.commandWords(classLoader).contains(first)) {
            return OptionalInt.empty();
        }
        DefaultPropertiesPropertySource.moveToEnd(environment); // where the run puts it right after this step
        Packages packages = Packages.of(application);
        if (packages == null || excludesAto(environment, packages)) {
            return OptionalInt.empty();
        }
        ApplicationFacts facts = new ApplicationFacts();
        boolean debug = Arrays.asList(args).contains("--debug");
        ScopeStartup startup;
        try {
            startup = ScopeStartup.resolve(environment, classLoader, packages.views(), args, facts::read);
        } catch (InvalidAtoInputException e) {
            if (facts.standAside() != null) {
                return OptionalInt.empty();
            }
            CommandErrors.Report report = CommandErrors.of(e, () -> null)
                    .sanitized(ScopeStartup.sanitizer(environment));
            report.print(err, e, debug);
            return OptionalInt.of(report.exitCode());
        }
        AtoCommandLine commandLine = startup.commandLine();
        if (!commandLine.hasCommand() || facts.standAside() != null
                || !packages.views().equals(packages.components())) {
            return OptionalInt.empty();
        }
        Sanitizer sanitizer = ScopeStartup.sanitizer(environment);
        String word = commandLine.command();
        if (RUNS.equals(word) && facts.ownDatabase() != null) {
            return OptionalInt.empty(); // the runs are in the application's own database
        }
        Finder finder = new Finder(environment, sanitizer);
        CommandRegistry registry = registry(SCOPE_WORDS.contains(word) ? List.of(ScopeCommands.class.getName())
                : RUNS.equals(word) ? List.of(RunsCommands.class.getName()) : allCommandClasses(facts),
                classLoader, startup, sanitizer, finder, environment);
        boolean known = registry.getCommandByName(word) != null
                || !registry.getCommandsByPrefix(word + " ").isEmpty();
        if (known && !WORDS.contains(word) && !RUNS.equals(word) && !help) {
            return OptionalInt.empty(); // a command that works with the application's beans
        }
        try {
            int code = new CommandExecutor(() -> registry, startup.scopes(), () -> sanitizer,
                    () -> EmbeddedTracker.url(environment)).execute(word, commandLine.commandArgs(), out, err);
            return OptionalInt.of(code);
        } finally {
            finder.close();
        }
    }

    /**
     * Whether the application excludes one of Ato's auto-configurations (by property or annotation): then only its
     * context knows which of Ato's commands and beans exist. (JPA's is excluded for one-shot commands anyway.)
     */
    private static boolean excludesAto(ConfigurableEnvironment environment, Packages packages) {
        Set<String> excluded = new LinkedHashSet<>(packages.excluded());
        String property = environment.getProperty("spring.autoconfigure.exclude");
        if (property != null) {
            Arrays.stream(property.split(",")).map(String::trim).forEach(excluded::add);
        }
        return excluded.stream().anyMatch(name -> name.startsWith("dev.ato.")
                && !name.equals(OneShotEnvironmentPostProcessor.ATO_JPA));
    }

    private static boolean enabled(ConfigurableEnvironment environment) {
        return environment.getProperty("ato.enabled", Boolean.class, true)
                && environment.getProperty("ato.shell.enabled", Boolean.class, true)
                && environment.getProperty("ato.shell.context-free", Boolean.class, true);
    }

    /**
     * Ato's commands and the application's scanned ones, as the context's catalog declares them; only
     * {@code manual}, {@code print}, {@code why} and {@code help} can run here, the others only explain themselves.
     */
    private static CommandRegistry registry(List<String> classes, ClassLoader classLoader, ScopeStartup startup,
                                            Sanitizer sanitizer, Finder finder, ConfigurableEnvironment environment) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("atoSanitizer", sanitizer);
        ScopeCommands scopeCommands = new ScopeCommands(startup.scopes(), beans.getBeanProvider(Sanitizer.class));
        HelpCommands helpCommands = new HelpCommands(startup.scopes(), beans);
        RunsCommands runsCommands = new RunsCommands(new Runs(finder), beans.getBeanProvider(Sanitizer.class));
        CommandRegistry registry = new CommandRegistry();
        for (String name : classes) {
            if (!ClassUtils.isPresent(name, classLoader)) {
                continue;
            }
            Class<?> type = ClassUtils.resolveClassName(name, classLoader);
            Supplier<Object> target = type == ScopeCommands.class ? () -> scopeCommands
                    : type == HelpCommands.class ? () -> helpCommands
                    : type == RunsCommands.class ? () -> runsCommands : () -> {
                        throw new IllegalStateException(type.getSimpleName() + " needs the application context");
                    };
            Arrays.stream(type.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(Command.class))
                    .sorted(Comparator.comparing(Method::getName))
                    .map(method -> MethodCommand.of(method, target, provider -> {
                        throw new IllegalStateException("no completion before the application context");
                    }, environment::resolvePlaceholders))
                    .forEach(registry::registerCommand);
        }
        return registry;
    }

    /** The embedded tracker's {@link RunFinder}, opened when a {@code runs} command first reads, closed after it. */
    private static final class Finder implements ObjectProvider<RunFinder> {

        private final ConfigurableEnvironment environment;
        private final Sanitizer sanitizer;
        private @Nullable RunFinder finder;

        Finder(ConfigurableEnvironment environment, Sanitizer sanitizer) {
            this.environment = environment;
            this.sanitizer = sanitizer;
        }

        @Override
        public @Nullable RunFinder getObject() {
            if (finder == null) {
                finder = EmbeddedTracker.runFinder(environment, sanitizer);
            }
            return finder;
        }

        @Override
        public RunFinder getIfAvailable() {
            return getObject();
        }

        void close() {
            if (finder != null) {
                finder.close();
            }
        }
    }

    /** Ato's command classes and the application's, for {@code help} and the did-you-mean of an unknown word. */
    private static List<String> allCommandClasses(ApplicationFacts facts) {
        Set<String> classes = new LinkedHashSet<>(OneShotEnvironmentPostProcessor.COMMAND_CLASSES);
        classes.addAll(facts.commandClasses());
        return List.copyOf(classes);
    }

    /**
     * The packages of the application's views ({@code @AutoConfigurationPackage}, as the context's registrar uses
     * them) and of its components ({@code @ComponentScan}), read from the primary sources' annotations.
     */
    record Packages(List<String> views, List<String> components, List<String> excluded) {

        static @Nullable Packages of(SpringApplication application) {
            Set<String> views = new LinkedHashSet<>();
            Set<String> components = new LinkedHashSet<>();
            Set<String> excluded = new LinkedHashSet<>();
            for (Object source : application.getAllSources()) {
                if (!(source instanceof Class<?> type)) {
                    return null; // a resource or a package as a source: only the context knows what it declares
                }
                MergedAnnotations annotations = MergedAnnotations.from(type,
                        MergedAnnotations.SearchStrategy.TYPE_HIERARCHY);
                MergedAnnotation<AutoConfigurationPackage> autoPackage = annotations.get(AutoConfigurationPackage.class);
                if (autoPackage.isPresent()) {
                    views.addAll(packagesOf(type, autoPackage.getStringArray("basePackages"),
                            autoPackage.getClassArray("basePackageClasses")));
                }
                MergedAnnotation<EnableAutoConfiguration> auto = annotations.get(EnableAutoConfiguration.class);
                if (auto.isPresent()) {
                    Arrays.stream(auto.getClassArray("exclude")).map(Class::getName).forEach(excluded::add);
                    excluded.addAll(Arrays.asList(auto.getStringArray("excludeName")));
                }
                MergedAnnotation<ComponentScan> scan = annotations.get(ComponentScan.class);
                if (scan.isPresent()) {
                    components.addAll(packagesOf(type, scan.getStringArray("basePackages"),
                            scan.getClassArray("basePackageClasses")));
                }
            }
            return views.isEmpty() ? null
                    : new Packages(List.copyOf(views), List.copyOf(components), List.copyOf(excluded));
        }

        private static List<String> packagesOf(Class<?> source, String[] names, Class<?>[] classes) {
            Set<String> result = new LinkedHashSet<>(Arrays.asList(names));
            Arrays.stream(classes).map(ClassUtils::getPackageName).forEach(result::add);
            return result.isEmpty() ? List.of(ClassUtils.getPackageName(source)) : List.copyOf(result);
        }
    }
}
