package dev.ato.autoconfigure.dashboard;

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
                        return reader.runs(runsRequest(params));
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

    /**
     * {@code runs?project=&status=&tag=&config=&sort=&dir=&group=hash&offset=&limit=&cols=}: without {@code sort}
     * by id, without {@code dir} ascending, without {@code limit} a page of {@value RunsRequest#DEFAULT_LIMIT}, without {@code cols}
     * every varying key and every metric.
     */
    private static RunsRequest runsRequest(Params params) {
        String sort = params.one("sort");
        String dir = params.one("dir");
        if (dir != null && !dir.equals("asc") && !dir.equals("desc")) {
            throw new AtoConfigException("dir must be asc or desc, got '" + dir + "'");
        }
        Long offset = params.number("offset");
        Long limit = params.number("limit");
        if (limit != null && (limit < 0 || limit > DashboardReader.MAX_RUNS_PAGE)) {
            throw new AtoConfigException("limit must be 0.." + DashboardReader.MAX_RUNS_PAGE + ", got " + limit);
        }
        List<String> columns = null;
        if (params.query().containsKey("cols")) {
            columns = new ArrayList<>();
            for (String value : params.query().get("cols")) {
                for (String column : value.split(",")) {
                    if (!column.isBlank()) {
                        columns.add(column.trim());
                    }
                }
            }
        }
        return new RunsRequest(params.required("project"), params.all("status"), params.all("tag"),
                params.all("config"), sort == null ? "id" : sort, "desc".equals(dir),
                "hash".equals(params.one("group")), offset == null ? 0 : offset,
                limit == null ? RunsRequest.DEFAULT_LIMIT : Math.toIntExact(limit),
                columns);
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

        String one(String name) {
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

        Long number(String name) {
            String value = one(name);
            return value == null ? null : DashboardApi.number(name, value);
        }
    }
}
