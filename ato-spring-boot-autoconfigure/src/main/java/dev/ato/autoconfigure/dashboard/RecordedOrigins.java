package dev.ato.autoconfigure.dashboard;

import dev.ato.scope.Resolution;
import dev.ato.tracker.RunHandle;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records where each config value of a run came from, so the dashboard's run page can show it next to the key:
 * one artifact of data type {@value #DATA_TYPE} whose metadata maps each dotted key to its origin, e.g.
 * {@code lr -> command-line literal #0 'lr=0.1'}. Python ato ignores the artifact.
 */
public final class RecordedOrigins {

    /** The artifact data type the dashboard reads origins from. */
    public static final String DATA_TYPE = "ato/origins";

    private RecordedOrigins() {
    }

    /** Logs the origin of every leaf of {@code resolution}'s config as an artifact of {@code run}. */
    public static void record(RunHandle run, Resolution resolution) {
        Map<String, String> origins = new LinkedHashMap<>();
        for (String key : resolution.config().leaves().keySet()) {
            origins.put(key, resolution.origin(key).describe());
        }
        run.logArtifact("origins:" + resolution.scopeName(), DATA_TYPE, origins);
    }
}
