package dev.ato.autoconfigure.tracker;

import dev.ato.adict.ADict;
import dev.ato.autoconfigure.scope.AtoScopes;
import dev.ato.scope.Fingerprint;
import dev.ato.scope.Resolution;
import dev.ato.tracker.RunHandle;
import dev.ato.tracker.Tracker;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Starts tracked runs of the application's own configuration: the run's config is the resolved scope (with
 * several scopes, one top-level key per scope). The fingerprints of every {@code @AtoTrace} method, plus any runtime
 * traces added to the resolutions, are stored with every run the tracker starts, through
 * {@link #fingerprintsOf(AtoScopes)}, which the auto-configuration installs on its {@code Tracker}.
 */
public final class TrackedRuns {

    private final Tracker tracker;
    private final AtoScopes scopes;
    private final String defaultProject;

    public TrackedRuns(Tracker tracker, AtoScopes scopes, String defaultProject) {
        this.tracker = tracker;
        this.scopes = scopes;
        this.defaultProject = defaultProject;
    }

    /** The project of {@code ato.project}, for runs that do not name one. */
    public String defaultProject() {
        return defaultProject;
    }

    /** Starts a run of the resolved configuration in {@code project}. */
    public RunHandle start(String project, String... tags) {
        return tracker.start(project, config(scopes.resolutions()), tags);
    }

    /**
     * A {@link Tracker#onStart start listener} that stores the scopes' fingerprints with each run; install it on
     * a {@code Tracker} bean of your own to keep {@code @AtoTrace} working.
     */
    public static Consumer<RunHandle> fingerprintsOf(AtoScopes scopes) {
        return run -> {
            Map<String, Fingerprint> unique = new LinkedHashMap<>();
            // the newest runtime fingerprint of a trace wins; static ones are the same in every resolution
            scopes.resolutions().values().forEach(r -> r.fingerprints()
                    .forEach(f -> unique.put(f.traceId() + "/" + f.traceType(), f)));
            unique.values().forEach(f -> run.fingerprint(f.traceId(), f.traceType(), f.hash()));
        };
    }

    private static ADict config(Map<String, Resolution> resolutions) {
        if (resolutions.size() == 1) {
            return resolutions.values().iterator().next().config().copy();
        }
        ADict config = new ADict();
        resolutions.forEach((name, resolution) -> config.put(name, resolution.config().copy()));
        return config;
    }
}
