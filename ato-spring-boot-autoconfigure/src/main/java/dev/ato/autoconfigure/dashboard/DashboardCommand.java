package dev.ato.autoconfigure.dashboard;

import org.jspecify.annotations.Nullable;

import dev.ato.AtoConfigException;
import dev.ato.autoconfigure.scope.AtoScopes;
import dev.ato.sanitize.Sanitizer;
import dev.ato.tracker.RunFinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;

import javax.sql.DataSource;
import java.io.PrintWriter;

/**
 * The Shell command {@code dashboard [--port N] [--address A]}: serves the dashboard over this application's
 * database until the process is stopped, so one can browse runs written by another process or by Python ato. It
 * serves on the JDK's built-in HTTP server ({@link DashboardHttpServer}), so the application needs no web stack.
 */
class DashboardCommand {

    private final ObjectProvider<DataSource> dataSource;
    private final ObjectProvider<RunFinder> finder;
    private final ObjectProvider<AtoScopes> scopes;
    private final ObjectProvider<Sanitizer> sanitizer;
    private final @Nullable DashboardProperties properties;

    DashboardCommand(ObjectProvider<DataSource> dataSource, ObjectProvider<RunFinder> finder,
                     ObjectProvider<AtoScopes> scopes, ObjectProvider<Sanitizer> sanitizer,
                     @Nullable DashboardProperties properties) {
        this.dataSource = dataSource;
        this.finder = finder;
        this.scopes = scopes;
        this.sanitizer = sanitizer;
        this.properties = properties;
    }

    /** The dashboard over the application's database, its scopes and its one sanitizer. */
    private DashboardRoutes routes() {
        DataSource database = dataSource.getIfAvailable();
        if (database == null) {
            throw new AtoConfigException("the dashboard needs the tracker database, and this application has no"
                    + " DataSource; set ato.sqlite.path or spring.datasource.url");
        }
        return DashboardRoutes.over(finder.getIfAvailable(() -> RunFinder.create(database)), scopes,
                sanitizer.getIfAvailable(Sanitizer::defaults), properties);
    }

    @Command(name = "dashboard", group = "Ato", description = "Serve the read-only dashboard over the tracker"
            + " database (127.0.0.1 unless --address is given)", help = "Example: dashboard --port 8090")
    void dashboard(@Option(longName = "port", description = "port to listen on (0 picks a free one); default"
                           + " ato.dashboard.port") @Nullable String portText,
                   @Option(longName = "address", description = "address to listen on; default"
                           + " ato.dashboard.address (127.0.0.1)") @Nullable String addressText,
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
        try (DashboardHttpServer server = DashboardHttpServer.start(routes(), address, port)) {
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
}
