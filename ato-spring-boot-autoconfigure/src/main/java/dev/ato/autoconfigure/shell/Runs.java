package dev.ato.autoconfigure.shell;

import org.jspecify.annotations.Nullable;

import dev.ato.AtoConfigException;
import dev.ato.autoconfigure.AtoProperties;
import dev.ato.scope.Suggestions;
import dev.ato.tracker.Run;
import dev.ato.tracker.RunFinder;
import org.springframework.beans.factory.ObjectProvider;

import java.util.List;

/**
 * What the {@code runs} commands share: the RunFinder (created, and its schema migrated, on first use), run ids
 * and project names checked with errors that say what exists, and the runs table.
 */
final class Runs {

    /** The default of every {@code --project} option: {@code ato.project}. */
    static final String PROJECT = "${ato.project:" + AtoProperties.DEFAULT_PROJECT + "}";

    private final ObjectProvider<RunFinder> finder;

    Runs(ObjectProvider<RunFinder> finder) {
        this.finder = finder;
    }

    @Nullable RunFinder finder() {
        RunFinder result = finder.getIfAvailable();
        if (result == null) {
            throw new AtoConfigException("the runs commands need the tracker, which is off (ato.tracker.enabled=false,"
                    + " or no single DataSource)");
        }
        return result;
    }

    /** The project names in the database, for completion and error messages. */
    List<String> projects() {
        return finder().projectNames();
    }

    /** {@code project} when the database has it; otherwise an error listing the projects. */
    String project(String project) {
        List<String> projects = projects();
        if (!projects.contains(project)) {
            throw new AtoConfigException("no project '" + project + "'" + Suggestions.didYouMean(project, projects)
                    + "; projects: " + listOrNone(projects));
        }
        return project;
    }

    Run run(String id) {
        long runId = runId(id);
        return finder().findRun(runId).orElseThrow(() -> new AtoConfigException("no run with id " + runId
                + "; projects: " + listOrNone(projects()) + " ('runs list --project NAME' shows their runs)"));
    }

    static long runId(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            throw new AtoConfigException("missing run id; run ids are whole numbers ('runs list' shows them)");
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new AtoConfigException("'" + text + "' is not a run id; run ids are whole numbers ('runs list')");
        }
    }

    static String table(List<Run> runs) {
        TextTable table = new TextTable("ID", "STATUS", "STARTED", "TAGS", "STRUCTURAL HASH");
        runs.forEach(run -> table.row(run.id(), run.status(), run.startTime(), String.join(",", run.tags()),
                run.structuralHash()));
        return table.render();
    }

    static String listOrNone(List<String> names) {
        return names.isEmpty() ? "(none yet)" : String.join(", ", names);
    }
}
