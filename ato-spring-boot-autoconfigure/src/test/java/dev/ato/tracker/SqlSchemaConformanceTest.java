package dev.ato.tracker;

import dev.ato.adict.ADict;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database Ato creates and writes is one Python ato reads (conformance/ato/sql-schema.json): Python's tables,
 * columns, indexes and foreign keys exactly, Ato's additions only as extra nullable columns and indexes; the rows of
 * Python's scenarios, written through Ato's API and read back with plain JDBC the way SQLAlchemy reads them (same
 * storage classes, JSON text in json.dumps shape, DATETIME text SQLAlchemy parses). Each deviation named.
 */
class SqlSchemaConformanceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** SQLAlchemy's SQLite DATETIME storage format, which its reader parses. */
    private static final Pattern SQLALCHEMY_DATETIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
    /** The columns Ato adds, in the order its migration adds them. */
    private static final Map<String, List<String>> ATO_COLUMNS = Map.of(
            "experiments", List.of("heartbeat_at DATETIME", "end_reason TEXT"),
            "artifacts", List.of("size_bytes INTEGER", "sha256 VARCHAR(64)"));

    @TempDir
    Path dir;

    static Stream<Named<JsonNode>> cases() throws IOException {
        try (InputStream in = SqlSchemaConformanceTest.class.getResourceAsStream("/conformance/ato/sql-schema.json")) {
            List<Named<JsonNode>> list = new ArrayList<>();
            JSON.readTree(in).get("cases").forEach(c -> list.add(Named.of(c.get("id").asString() + " "
                    + c.get("op").asString() + (c.has("table") ? " " + c.get("table").asString() : ""), c)));
            assertThat(list).as("every case of sql-schema.json").hasSize(7);
            return list.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void atoDatabaseMatchesPythonAto(JsonNode c) throws Exception {
        Path file = dir.resolve(c.get("id").asString() + ".db");
        String url = "jdbc:sqlite:" + file;
        switch (c.get("op").asString()) {
            case "sqlite_master" -> {
                Tracker.open(url).close();
                checkSqliteMaster(url, c.get("rows"));
            }
            case "pragma" -> {
                Tracker.open(url).close();
                checkPragma(url, c);
            }
            case "rows" -> checkRows(url, c);
            default -> throw new AssertionError("unknown op " + c.get("op"));
        }
    }

    private static void checkSqliteMaster(String url, JsonNode expectedRows) throws SQLException {
        Map<String, String> actual = new HashMap<>();
        try (Connection conn = DriverManager.getConnection(url); Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL")) {
            while (rs.next()) {
                actual.put(rs.getString(1) + ":" + rs.getString(2), collapse(rs.getString(3)));
            }
        }
        for (JsonNode row : expectedRows) {
            String name = row.get("name").asString();
            String expected = collapse(row.get("sql").asString());
            if (row.get("type").asString().equals("table") && ATO_COLUMNS.containsKey(name)) {
                // ALTER TABLE ADD COLUMN puts Ato's columns after Python's, before the table constraints.
                expected = expected.replace(", PRIMARY KEY (id)", ", " + String.join(", ", ATO_COLUMNS.get(name))
                        + ", PRIMARY KEY (id)");
            }
            assertThat(actual.get(row.get("type").asString() + ":" + name)).as("DDL of %s", name).isEqualTo(expected);
        }
    }

    private static String collapse(String sql) {
        return sql.replaceAll("\\s+", " ").replace("( ", "(").replace(" )", ")");
    }

    private static void checkPragma(String url, JsonNode c) throws SQLException {
        String table = c.get("table").asString();
        try (Connection conn = DriverManager.getConnection(url); Statement st = conn.createStatement()) {
            List<Map<String, Object>> columns = query(st, "PRAGMA table_info(" + table + ")");
            JsonNode expected = c.get("columns");
            for (int i = 0; i < expected.size(); i++) {
                assertThat(columns.get(i)).as("column %d of %s", i, table).isEqualTo(plain(expected.get(i)));
            }
            for (Map<String, Object> extra : columns.subList(expected.size(), columns.size())) {
                assertThat(extra.get("notnull")).as("Ato's column %s is nullable", extra.get("name")).isEqualTo(0L);
                assertThat(extra.get("pk")).isEqualTo(0L);
            }
            List<Map<String, Object>> indexes = query(st, "PRAGMA index_list(" + table + ")");
            for (JsonNode index : c.get("indexes")) {
                String name = index.get("name").asString();
                Map<String, Object> actual = indexes.stream().filter(i -> name.equals(i.get("name"))).findFirst()
                        .orElseThrow(() -> new AssertionError("index " + name + " missing"));
                assertThat(actual.get("unique")).isEqualTo(index.get("unique").asLong());
                assertThat(actual.get("origin")).isEqualTo(index.get("origin").asString());
                List<Object> cols = query(st, "PRAGMA index_info(" + name + ")").stream().map(r -> r.get("name"))
                        .toList();
                assertThat(cols).isEqualTo(plain(index.get("columns")));
            }
            List<Map<String, Object>> keys = query(st, "PRAGMA foreign_key_list(" + table + ")");
            assertThat(keys).isEqualTo(plain(c.get("foreign_keys")));
        }
    }

    private void checkRows(String url, JsonNode c) throws Exception {
        JsonNode tables = c.get("tables");
        List<Map<String, Object>> expectedMetrics = rows(tables.get("metrics"));
        List<Map<String, Object>> expectedExperiments = rows(tables.get("experiments"));
        try (Tracker tracker = Tracker.open(url)) {
            switch (c.get("id").asString()) {
                case "sql-009" -> {
                    try (RunHandle run = tracker.start("demo", configOf(expectedExperiments.get(0)))) {
                        run.logMetric("acc", 1, 0);
                        run.logMetric("acc", 0.5, 1);
                        run.logMetric("loss", 2.25, 1);
                    }
                }
                case "sql-011" -> {
                    // Python's first step (a metric before any run) has no counterpart: Ato logs through a run.
                    ADict config = configOf(expectedExperiments.get(0));
                    tracker.start("demo", config);
                    RunHandle second = tracker.start("demo", config);
                    // Deviation (Tracker: a NaN metric raises IntegrityError): Ato records it, as the text 'NaN'.
                    second.logMetric("nan", Double.NaN, 0);
                    second.logMetric("inf", Double.POSITIVE_INFINITY, 1);
                    // Deviation: Ato's steps are whole numbers, so Python's step 1.5 is logged as 1.
                    second.logMetric("frac_step", 0.25, 1);
                    // Deviation: 'aborted' is not one of Ato's states; an aborted run is 'killed'.
                    second.finish(RunStatus.KILLED);
                    Map<String, Object> nan = new LinkedHashMap<>(Map.of("id", 1L, "run_id", 2L, "key", "nan",
                            "value", "NaN", "step", 0L, "timestamp", "<datetime>"));
                    nan.put("value:storage", "text");
                    expectedMetrics.add(0, nan);
                    for (int i = 0; i < expectedMetrics.size(); i++) {
                        Map<String, Object> row = new LinkedHashMap<>(expectedMetrics.get(i));
                        row.put("id", (long) i + 1);
                        if ("frac_step".equals(row.get("key"))) {
                            row.put("step", 1L);
                        }
                        expectedMetrics.set(i, row);
                    }
                    expectedExperiments.get(1).put("status", "killed");
                }
                case "sql-013" -> {
                    RunHandle a = tracker.start("one", configOf(expectedExperiments.get(0)));
                    RunHandle b = tracker.start("two", configOf(expectedExperiments.get(1)));
                    b.logMetric("m", -3, 7);
                    a.logMetric("m", 3, 7);
                    a.finish(RunStatus.COMPLETED);
                    b.flush();
                }
                default -> throw new AssertionError("unknown rows case " + c.get("id"));
            }
            try (Connection conn = DriverManager.getConnection(url); Statement st = conn.createStatement()) {
                assertThat(read(st, "projects", tables)).isEqualTo(rows(tables.get("projects")));
                assertThat(read(st, "experiments", tables)).isEqualTo(expectedExperiments);
                assertThat(read(st, "metrics", tables)).isEqualTo(expectedMetrics);
                assertThat(read(st, "artifacts", tables)).isEqualTo(rows(tables.get("artifacts")));
                assertThat(read(st, "fingerprints", tables)).isEqualTo(rows(tables.get("fingerprints")));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static ADict configOf(Map<String, Object> experimentRow) {
        return ADict.of((Map<String, ?>) PythonJson.read((String) experimentRow.get("config")));
    }

    /** A table's rows with only Python's columns, each cell as its value and SQLite storage class. */
    private static List<Map<String, Object>> read(Statement st, String table, JsonNode tables) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        JsonNode expected = tables.get(table);
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("SELECT name FROM pragma_table_info('" + table + "') ORDER BY cid")) {
            while (rs.next()) {
                columns.add(rs.getString(1));
            }
        }
        columns = columns.subList(0, pythonColumnCount(table));
        StringBuilder sql = new StringBuilder("SELECT ");
        for (String column : columns) {
            sql.append('"').append(column).append("\", typeof(\"").append(column).append("\"), ");
        }
        sql.setLength(sql.length() - 2);
        sql.append(" FROM ").append(table).append(" ORDER BY id");
        try (ResultSet rs = st.executeQuery(sql.toString())) {
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) {
                    Object value = rs.getObject(2 * i + 1);
                    String storage = rs.getString(2 * i + 2);
                    if (value instanceof Integer n) {
                        value = n.longValue();
                    }
                    if ("real".equals(storage)) {
                        value = rs.getDouble(2 * i + 1);
                    }
                    if (value instanceof String text && SQLALCHEMY_DATETIME.matcher(text).matches()) {
                        value = "<datetime>";
                    }
                    row.put(columns.get(i), value);
                    if (value != null && !storage.equals(expectedStorage(expected, columns.get(i), storage))) {
                        row.put(columns.get(i) + ":storage", storage);
                    }
                }
                out.add(row);
            }
        }
        return out;
    }

    private static int pythonColumnCount(String table) {
        return switch (table) {
            case "projects" -> 4;
            case "experiments" -> 8;
            case "metrics" -> 6;
            default -> 5;
        };
    }

    /** The storage class Python's rows use for a column (the first non-null one), or {@code actual} if none shows it. */
    private static String expectedStorage(JsonNode rows, String column, String actual) {
        for (JsonNode row : rows) {
            if (row.has(column) && !row.get(column).get("storage").asString().equals("null")) {
                return row.get(column).get("storage").asString();
            }
        }
        return actual;
    }

    private static List<Map<String, Object>> rows(JsonNode table) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (JsonNode row : table) {
            Map<String, Object> plain = new LinkedHashMap<>();
            row.properties().forEach(e -> plain.put(e.getKey(), cell(e.getValue().get("value"))));
            out.add(plain);
        }
        return out;
    }

    private static Object cell(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (value.isObject() && value.has("$float")) {
            String f = value.get("$float").asString();
            return f.startsWith("-") ? Double.NEGATIVE_INFINITY : f.equals("nan") ? Double.NaN : Double.POSITIVE_INFINITY;
        }
        if (value.isIntegralNumber()) {
            return value.asLong();
        }
        if (value.isFloatingPointNumber()) {
            return value.asDouble();
        }
        return value.asString();
    }

    private static List<Map<String, Object>> query(Statement st, String sql) throws SQLException {
        List<Map<String, Object>> out = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    row.put(meta.getColumnName(i), v instanceof Integer n ? (Object) n.longValue() : v);
                }
                out.add(row);
            }
        }
        return out;
    }

    private static Object plain(JsonNode node) {
        Object value = JSON.convertValue(node, Object.class);
        return longs(value);
    }

    @SuppressWarnings("unchecked")
    private static Object longs(Object value) {
        if (value instanceof Integer n) {
            return n.longValue();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> out.put(k, longs(v)));
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(SqlSchemaConformanceTest::longs).toList();
        }
        return value;
    }
}
