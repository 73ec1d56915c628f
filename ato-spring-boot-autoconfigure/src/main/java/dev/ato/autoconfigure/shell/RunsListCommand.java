package dev.ato.autoconfigure.shell;

/** {@code runs list [--project NAME]}: the runs of a project as a table. */
final class RunsListCommand extends AtoCommand {

    private final Runs runs;

    RunsListCommand(Runs runs, String defaultProject) {
        super("runs list", "List the runs of a project", """
                runs list [--project NAME]
                  Runs with id, status, start time, tags and structural hash (project: ato.project).""",
                option("project", "the project", defaultProject));
        this.runs = runs;
    }

    @Override
    String run(Input input) {
        return Runs.table(runs.inProject(input.option("project")));
    }
}
