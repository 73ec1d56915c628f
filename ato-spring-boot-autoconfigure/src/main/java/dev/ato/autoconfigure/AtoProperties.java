package dev.ato.autoconfigure;

import dev.ato.adict.Limits;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Every {@code ato.*} setting of the starter; IDEs complete them from the generated configuration metadata.
 */
@ConfigurationProperties("ato")
public class AtoProperties {

    /** The project runs go to when {@code ato.project} is not set. */
    public static final String DEFAULT_PROJECT = "default";


    /** Whether Ato's auto-configuration is on at all. */
    private boolean enabled = true;

    /**
     * Packages searched for @AtoObserve, @AtoManual and @AtoScope classes. Empty means the application's own
     * packages (those of its @SpringBootApplication class).
     */
    private List<String> scanPackages = new ArrayList<>();

    /**
     * Whether the application's non-option command-line arguments are Ato input (view names and key=value
     * literals) for the scopes.
     */
    private boolean commandLine = true;

    /** Project under which runs are listed and tracked when a command or service is not given one. */
    private String project = DEFAULT_PROJECT;

    private final Sqlite sqlite = new Sqlite();

    private final Shell shell = new Shell();

    private final Tracker tracker = new Tracker();

    private final Hyperband hyperband = new Hyperband();

    private final LoaderLimits limits = new LoaderLimits();

    private final Sanitize sanitize = new Sanitize();

    /**
     * Hydra config trees that back scopes, by scope name: {@code ato.hydra.<scope>.config-dir} and
     * {@code config-name}. The tree's composition is the scope's base, one layer per file.
     */
    private final java.util.Map<String, HydraTree> hydra = new java.util.LinkedHashMap<>();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public List<String> getScanPackages() {
        return scanPackages;
    }

    public void setScanPackages(List<String> scanPackages) {
        this.scanPackages = scanPackages;
    }

    public boolean isCommandLine() {
        return commandLine;
    }

    public void setCommandLine(boolean commandLine) {
        this.commandLine = commandLine;
    }

    public String getProject() {
        return project;
    }

    public void setProject(String project) {
        this.project = project;
    }

    public Sqlite getSqlite() {
        return sqlite;
    }

    public Shell getShell() {
        return shell;
    }

    public Sanitize getSanitize() {
        return sanitize;
    }

    public java.util.Map<String, HydraTree> getHydra() {
        return hydra;
    }

    /** A Hydra config tree backing one scope. */
    public static class HydraTree {

        /** The Hydra config dir (Hydra's config_path), absolute or relative to the working directory. */
        private Path configDir;

        /** The primary config in the config dir, without .yaml (Hydra's config_name). */
        private String configName;

        public Path getConfigDir() {
            return configDir;
        }

        public void setConfigDir(Path configDir) {
            this.configDir = configDir;
        }

        public String getConfigName() {
            return configName;
        }

        public void setConfigName(String configName) {
            this.configName = configName;
        }
    }

    /** What users may see: the one sanitizer used by commands, endpoints, the dashboard and the tracker. */
    public static class Sanitize {

        /**
         * More secret key segments: regular expressions matched, whole and ignoring case, on every segment of a key
         * path (added to Spring Boot's and Ato's defaults, which always apply).
         */
        private List<String> keyPatterns = new ArrayList<>();

        public List<String> getKeyPatterns() {
            return keyPatterns;
        }

        public void setKeyPatterns(List<String> keyPatterns) {
            this.keyPatterns = keyPatterns;
        }
    }

    public Tracker getTracker() {
        return tracker;
    }

    public Hyperband getHyperband() {
        return hyperband;
    }

    public LoaderLimits getLimits() {
        return limits;
    }

    /**
     * The limits every config loader applies (command line, .py literals, XYZ, YAML, JSON, TOML, _base_ chains,
     * Hydra); input beyond one fails with an AtoLimitException naming the limit. The defaults are far above any real
     * config (the values here are Limits.defaults()). Installed process-wide ({@link Limits#install}) before any bean is created.
     */
    public static class LoaderLimits {

        /** Deepest nesting of lists and mappings a loaded value may have. */
        private int maxDepth = 500;

        /** Largest config document (file or text) a loader reads. */
        private DataSize maxDocumentSize = DataSize.ofMegabytes(16);

        /** Most digits one number in a config may have. */
        private int maxNumberDigits = 1000;

        /**
         * Most values one load may produce by expansion: YAML aliases, repeated lists in .py files, _base_ files and
         * Hydra defaults merged.
         */
        private long maxExpansion = 1_000_000;

        /** Longest string (in characters) one load may build by interpolation or concatenation. */
        private long maxStringLength = 16_777_216;

        /** These settings as the core's {@link Limits}. */
        public Limits toLimits() {
            return new Limits(maxDepth, maxDocumentSize.toBytes(), maxNumberDigits, maxExpansion, maxStringLength);
        }

        public int getMaxDepth() {
            return maxDepth;
        }

        public void setMaxDepth(int maxDepth) {
            this.maxDepth = maxDepth;
        }

        public DataSize getMaxDocumentSize() {
            return maxDocumentSize;
        }

        public void setMaxDocumentSize(DataSize maxDocumentSize) {
            this.maxDocumentSize = maxDocumentSize;
        }

        public int getMaxNumberDigits() {
            return maxNumberDigits;
        }

        public void setMaxNumberDigits(int maxNumberDigits) {
            this.maxNumberDigits = maxNumberDigits;
        }

        public long getMaxExpansion() {
            return maxExpansion;
        }

        public void setMaxExpansion(long maxExpansion) {
            this.maxExpansion = maxExpansion;
        }

        public long getMaxStringLength() {
            return maxStringLength;
        }

        public void setMaxStringLength(long maxStringLength) {
            this.maxStringLength = maxStringLength;
        }
    }

    /** Tracked HyperBand searches shared by workers through the database. */
    public static class Hyperband {

        /** How long a worker holds a claimed trial before another worker may take it over. */
        private Duration lease = Duration.ofSeconds(30);

        public Duration getLease() {
            return lease;
        }

        public void setLease(Duration lease) {
            this.lease = lease;
        }
    }

    /** The experiment tracker on the application's DataSource. */
    public static class Tracker {

        /** Whether to provide the Tracker and RunFinder beans. */
        private boolean enabled = true;

        /**
         * Whether a run's stored config keeps secrets' values; by default they are stored as the mask (the key and
         * the structural hash stay). Stored configs are masked when read back either way.
         */
        private boolean storeSecrets = false;

        private final Meters meters = new Meters();

        public Meters getMeters() {
            return meters;
        }

        /** The tracker's Micrometer meters (present when Micrometer is). */
        public static class Meters {

            /**
             * Whether each open run's metrics are also gauges ({@code ato.run.metric}, tagged with the run id and the
             * metric key), removed when the run ends. Off by default: one gauge per key and run.
             */
            private boolean liveRunMetrics = false;

            public boolean isLiveRunMetrics() {
                return liveRunMetrics;
            }

            public void setLiveRunMetrics(boolean liveRunMetrics) {
                this.liveRunMetrics = liveRunMetrics;
            }
        }

        public boolean isStoreSecrets() {
            return storeSecrets;
        }

        public void setStoreSecrets(boolean storeSecrets) {
            this.storeSecrets = storeSecrets;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /** The embedded SQLite database used when the application defines no DataSource and no spring.datasource.url. */
    public static class Sqlite {

        /** Whether to provide the embedded SQLite database when the application has no database of its own. */
        private boolean enabled = true;

        /** The database file; its directory is created when missing. */
        private Path path = Path.of("experiments.db");

        /** How long a connection waits for another process's write lock before failing. */
        private Duration busyTimeout = Duration.ofSeconds(5);

        /** SQLite journal mode; WAL lets readers and one writer work at the same time. */
        private String journalMode = "wal";

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Path getPath() {
            return path;
        }

        public void setPath(Path path) {
            this.path = path;
        }

        public Duration getBusyTimeout() {
            return busyTimeout;
        }

        public void setBusyTimeout(Duration busyTimeout) {
            this.busyTimeout = busyTimeout;
        }

        public String getJournalMode() {
            return journalMode;
        }

        public void setJournalMode(String journalMode) {
            this.journalMode = journalMode;
        }
    }

    /** The Spring Shell commands (manual, print, why, runs, hyperband), present when Spring Shell is. */
    public static class Shell {

        /** Whether Ato contributes its Shell commands and its command-line runner. */
        private boolean enabled = true;

        /**
         * Whether to start Spring Shell's interactive shell when the command line names no command. Off by
         * default, so the same jar also runs as a job or a server.
         */
        private boolean interactive = false;

        /**
         * Whether a one-shot command initialises beans lazily, so commands that need no database start no JPA and
         * no migrations.
         */
        private boolean lazyOneShot = true;

        /**
         * Whether {@code AtoApplication.run} answers {@code manual}, {@code print}, {@code why}, {@code help} (and,
         * on the embedded SQLite default, {@code runs ...}) before the application context starts, as a CLI does;
         * the answer is the context's, and the context still answers whenever the application's classes could make
         * it differ.
         */
        private boolean contextFree = true;

        public boolean isContextFree() {
            return contextFree;
        }

        public void setContextFree(boolean contextFree) {
            this.contextFree = contextFree;
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public boolean isInteractive() {
            return interactive;
        }

        public void setInteractive(boolean interactive) {
            this.interactive = interactive;
        }

        public boolean isLazyOneShot() {
            return lazyOneShot;
        }

        public void setLazyOneShot(boolean lazyOneShot) {
            this.lazyOneShot = lazyOneShot;
        }
    }
}
