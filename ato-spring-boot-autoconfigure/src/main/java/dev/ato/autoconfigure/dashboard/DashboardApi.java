package dev.ato.autoconfigure.dashboard;

import org.jspecify.annotations.Nullable;

import dev.ato.AtoConfigException;
import dev.ato.AtoKeyException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's JSON endpoints under {@code /ato/api}, all read-only. A project is always named by the query
 * parameter {@code project} (any characters, {@code /} included); ids and keys are path segments or parameters.
 */
final class DashboardApi {

    /** Points a chart gets per series when it asks for none: about two per pixel of a wide chart. */
    static final int DEFAULT_POINTS = 2_000;

    private final DashboardReader reader;
    private final MergeOrderView mergeOrder;
    private final DashboardProperties properties;

    DashboardApi(DashboardReader reader, MergeOrderView mergeOrder, DashboardProperties properties) {
        this.reader = reader;
        this.mergeOrder = mergeOrder;
        this.properties = properties;
    }

    /** The value of {@code GET /ato/api/<path>?<query>}; unknown paths are an {@link AtoKeyException}. */
    Object get(List<String> path, Map<String, List<String>> query) {
        Params params = new Params(query);
        String first = path.isEmpty() ? "" : path.get(0);
        switch (path.size()) {
            case 1 -> {
                switch (first) {
                    case "settings":
                        return Map.of("pollIntervalMs", properties.getPollInterval().toMillis(),
                                "searchTables", reader.hasSearchTables());
                    case "projects":
                        return reader.projects();
                    case "runs":
                        return reader.runs(params.required("project"), params.all("status"), params.all("tag"),
                                params.all("config"));
                    case "searches":
                        return reader.searches(params.required("project"));
                    case "compare":
                        List<Long> ids = new ArrayList<>();
                        for (String id : params.required("ids").split(",")) {
                            if (!id.isBlank()) {
                                ids.add(number("ids", id));
                            }
                        }
                        RunComparison.checkCount(ids);
                        List<Views.RunDetail> runs = new ArrayList<>(ids.size());
                        ids.forEach(id -> runs.add(reader.run(id)));
                        return RunComparison.of(runs);
                    case "scopes":
                        return mergeOrder.scopes();
                    default:
                        break;
                }
            }
            case 2 -> {
                if (first.equals("runs")) {
                    return reader.run(number("run id", path.get(1)));
                }
                if (first.equals("searches")) {
                    return reader.search(path.get(1));
                }
            }
            case 3 -> {
                if (first.equals("runs") && path.get(2).equals("series")) {
                    return reader.series(number("run id", path.get(1)), params.one("key"), params.number("from"),
                            params.number("to"), params.number("points") == null ? DEFAULT_POINTS
                                    : Math.toIntExact(params.number("points")));
                }
                if (first.equals("runs") && path.get(2).equals("metrics")) {
                    Long after = params.number("after");
                    Long limit = params.number("limit");
                    return reader.metrics(number("run id", path.get(1)), params.one("key"),
                            after == null ? 0 : after, limit == null ? DashboardReader.LIVE_PAGE
                                    : Math.toIntExact(limit));
                }
                if (first.equals("scopes") && path.get(2).equals("history")) {
                    return mergeOrder.history(path.get(1), params.required("key"));
                }
            }
            default -> {
            }
        }
        throw new AtoKeyException("no dashboard endpoint /ato/api/" + String.join("/", path) + "; the endpoints are"
                + " settings, projects, runs?project=, searches?project=, runs/{id}, runs/{id}/series,"
                + " runs/{id}/metrics, compare?ids=, searches/{id}, scopes, scopes/{scope}/history?key=");
    }

    private static long number(String what, String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new AtoConfigException(what + " must be a whole number, got '" + text + "'");
        }
    }

    /** Query parameters: blank values count as absent. */
    private record Params(Map<String, List<String>> query) {

        List<String> all(String name) {
            return query.getOrDefault(name, List.of()).stream().filter(v -> !v.isBlank()).toList();
        }

        @Nullable String one(String name) {
            List<String> values = all(name);
            return values.isEmpty() ? null : values.get(0);
        }

        String required(String name) {
            String value = one(name);
            if (value == null) {
                throw new AtoConfigException("the query parameter '" + name + "' is required, e.g. ?" + name + "=...");
            }
            return value;
        }

        @Nullable Long number(String name) {
            String value = one(name);
            return value == null ? null : DashboardApi.number(name, value);
        }
    }
}
