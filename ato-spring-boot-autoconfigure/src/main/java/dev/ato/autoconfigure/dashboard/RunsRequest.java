package dev.ato.autoconfigure.dashboard;

import java.util.List;

/**
 * What one request of the runs table asks for: the project and its filters (statuses, tags, config filters such as
 * {@code lr<0.01}), the column to sort by and the direction, whether runs are grouped by structure, the page, and
 * the columns to fill ({@code p:<key>}, {@code m:<metric>[:min|:max]}; {@code null} for every varying key and every
 * metric).
 */
record RunsRequest(String project, List<String> statuses, List<String> tags, List<String> configFilters, String sort,
                   boolean descending, boolean grouped, long offset, int limit, List<String> columns) {

    /** Rows a page of the runs table shows unless asked otherwise. */
    static final int DEFAULT_LIMIT = 100;
}
