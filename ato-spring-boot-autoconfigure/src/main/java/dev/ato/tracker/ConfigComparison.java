package dev.ato.tracker;

/** How {@link RunQuery#config} compares a config value: numbers as numbers, strings as text. */
public enum ConfigComparison {
    EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

    private final String sql;

    ConfigComparison(String sql) {
        this.sql = sql;
    }

    String sql() {
        return sql;
    }
}
