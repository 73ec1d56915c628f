package dev.ato.autoconfigure.dashboard;

import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.ExitStatus;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Supplier;

/**
 * The Shell command {@code dashboard [--port N] [--address A]}: serves the dashboard over this application's
 * database until the process is stopped, so one can browse runs written by another process or by Python ato.
 */
final class DashboardCommand implements Command {

    private final Supplier<DashboardRoutes> routes;
    private final DashboardProperties properties;

    DashboardCommand(Supplier<DashboardRoutes> routes, DashboardProperties properties) {
        this.routes = routes;
        this.properties = properties;
    }

    @Override
    public String getName() {
        return "dashboard";
    }

    @Override
    public String getGroup() {
        return "ato";
    }

    @Override
    public String getDescription() {
        return "serve the read-only dashboard over the tracker database (127.0.0.1 unless --address is given)";
    }

    @Override
    public List<CommandOption> getOptions() {
        return List.of(
                CommandOption.with().longName("port").type(Integer.class)
                        .description("port to listen on (0 picks a free one); default ato.dashboard.port").build(),
                CommandOption.with().longName("address").type(String.class)
                        .description("address to listen on; default ato.dashboard.address (127.0.0.1)").build());
    }

    @Override
    public ExitStatus execute(CommandContext context) {
        PrintWriter out = context.outputWriter();
        int port = properties.getPort();
        String portText = option(context, "port");
        if (portText != null) {
            try {
                port = Integer.parseInt(portText.trim());
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 0 || port > 65535) {
                out.println("dashboard: --port must be a number from 0 to 65535, got '" + portText + "'");
                out.flush();
                return ExitStatus.USAGE_ERROR;
            }
        }
        String address = option(context, "address") == null ? properties.getAddress() : option(context, "address");
        boolean interrupted;
        try (DashboardHttpServer server = DashboardHttpServer.start(routes.get(), address, port)) {
            out.println("Ato dashboard: http://" + address + ":" + server.port()
                    + "/ato/ (read-only; stop with Ctrl+C)");
            out.flush();
            interrupted = awaitStop(server);
        }
        if (interrupted) {
            // restored only after the server closed: an interrupted thread would cut its graceful shutdown short
            Thread.currentThread().interrupt();
        }
        return ExitStatus.OK;
    }

    /** Waits until the server stops or this thread is interrupted; says whether it was interrupted. */
    private static boolean awaitStop(DashboardHttpServer server) {
        try {
            while (server.isRunning()) {
                Thread.sleep(500);
            }
            return false;
        } catch (InterruptedException e) {
            return true;
        }
    }

    private static String option(CommandContext context, String name) {
        CommandOption option = context.getOptionByLongName(name);
        return option == null ? null : option.value();
    }
}
