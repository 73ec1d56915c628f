package dev.ato.autoconfigure.dashboard;

import dev.ato.AtoConfigException;
import dev.ato.AtoKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The dashboard's JSON endpoints under {@value #BASE}: GET only, so no request can change the database. */
@RestController
@RequestMapping(DashboardApi.BASE)
class DashboardApi {

    static final String BASE = "/ato/api";

    private final DashboardReader reader;
    private final MergeOrderView mergeOrder;
    private final DashboardProperties properties;

    DashboardApi(DashboardReader reader, MergeOrderView mergeOrder, DashboardProperties properties) {
        this.reader = reader;
        this.mergeOrder = mergeOrder;
        this.properties = properties;
    }

    @GetMapping("/settings")
    Map<String, Object> settings() {
        return Map.of("pollIntervalMs", properties.getPollInterval().toMillis(),
                "searchTables", reader.hasSearchTables());
    }

    @GetMapping("/projects")
    List<Views.ProjectSummary> projects() {
        return reader.projects();
    }

    @GetMapping("/projects/{project}/runs")
    Views.RunsPage runs(@PathVariable String project,
                        @RequestParam(name = "status", defaultValue = "") List<String> statuses,
                        @RequestParam(name = "tag", defaultValue = "") List<String> tags,
                        @RequestParam(name = "config", defaultValue = "") List<String> configFilters) {
        return reader.runs(project, nonBlank(statuses), nonBlank(tags), nonBlank(configFilters));
    }

    @GetMapping("/projects/{project}/searches")
    List<Views.SearchSummary> searches(@PathVariable String project) {
        return reader.searches(project);
    }

    @GetMapping("/runs/{id}")
    Views.RunDetail run(@PathVariable long id) {
        return reader.run(id);
    }

    @GetMapping("/runs/{id}/metrics")
    Views.MetricBatch metrics(@PathVariable long id, @RequestParam(defaultValue = "0") long after) {
        return reader.metrics(id, after);
    }

    @GetMapping("/compare")
    Views.Comparison compare(@RequestParam List<Long> ids) {
        RunComparison.checkCount(ids);
        List<Views.RunDetail> runs = new ArrayList<>(ids.size());
        ids.forEach(id -> runs.add(reader.run(id)));
        return RunComparison.of(runs);
    }

    @GetMapping("/searches/{id}")
    Views.SearchDetail search(@PathVariable String id) {
        return reader.search(id);
    }

    @GetMapping("/scopes")
    List<Views.ScopeView> scopes() {
        return mergeOrder.scopes();
    }

    @GetMapping("/scopes/{scope}/history")
    List<Views.HistoryEntry> history(@PathVariable String scope, @RequestParam String key) {
        return mergeOrder.history(scope, key);
    }

    @ExceptionHandler(AtoKeyException.class)
    ResponseEntity<Map<String, String>> notFound(AtoKeyException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(AtoConfigException.class)
    ResponseEntity<Map<String, String>> badRequest(AtoConfigException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }

    private static List<String> nonBlank(List<String> values) {
        return values.stream().filter(v -> !v.isBlank()).toList();
    }
}
