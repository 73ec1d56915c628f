package dev.ato.autoconfigure.dashboard;

import dev.ato.AtoConfigException;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;

import org.springframework.context.ConfigurableApplicationContext;

import java.io.PrintWriter;

/**
 * The Shell command {@code dashboard [--port N] [--address A]}: serves the dashboard over this application's
 * database until the process is stopped, so one can browse runs written by another process or by Python ato.
 */
class DashboardCommand {

    private final ConfigurableApplicationContext application;
    private final DashboardProperties properties;

    DashboardCommand(ConfigurableApplicationContext application, DashboardProperties properties) {
        this.application = application;
        this.properties = properties;
    }

    @Command(name = "dashboard", group = "Ato", description = "Serve the read-only dashboard over the tracker"
            + " database (127.0.0.1 unless --address is given)", help = "Example: dashboard --port 8090")
    void dashboard(@Option(longName = "port", description = "port to listen on (0 picks a free one); default"
                           + " ato.dashboard.port") String portText,
                   @Option(longName = "address", description = "address to listen on; default"
                           + " ato.dashboard.address (127.0.0.1)") String addressText,
                   CommandContext context) {
        int port = properties.getPort();
        if (portText != null) {
            try {
                port = Integer.parseInt(portText.trim());
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 0 || port > 65535) {
                throw new AtoConfigException("dashboard: --port must be a number from 0 to 65535, got '" + portText
                        + "'");
            }
        }
        String address = addressText == null ? properties.getAddress() : addressText;
        PrintWriter out = context.outputWriter();
        boolean interrupted;
        try (DashboardServer server = DashboardServer.start(application, address, port)) {
            out.println("Ato dashboard: http://" + address + ":" + server.port()
                    + "/ato/ (read-only; stop with Ctrl+C)");
            out.flush();
            interrupted = awaitStop(server);
        }
        if (interrupted) {
            // restored only after the server closed: an interrupted thread would cut its graceful shutdown short
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the server stops or this thread is interrupted; says whether it was interrupted. */
    private static boolean awaitStop(DashboardServer server) {
        try {
            while (server.isRunning()) {
                Thread.sleep(500);
            }
            return false;
        } catch (InterruptedException e) {
            return true;
        }
    }
}
