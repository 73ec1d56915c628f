package dev.ato.autoconfigure.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ato.AtoConfigException;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The dashboard on the JDK's built-in HTTP server ({@code com.sun.net.httpserver}), for the {@code dashboard}
 * command: no servlet container, no Spring MVC and no web application type, so it works in any application with
 * the starter. A fixed pool of {@value #THREADS} threads answers; further requests wait in the queue, which with
 * the per-request bound of {@link DashboardRoutes} bounds the memory the server can take.
 */
final class DashboardHttpServer implements AutoCloseable {

    static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService executor;
    private volatile boolean running = true;

    private DashboardHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    static DashboardHttpServer start(DashboardRoutes routes, String address, int port) {
        InetAddress host;
        try {
            host = InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new AtoConfigException("dashboard address '" + address + "' is not a host name or IP address;"
                    + " use e.g. 127.0.0.1");
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + address + ":" + port + ": " + e.getMessage(), e);
        }
        AtomicInteger n = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread thread = new Thread(r, "ato-dashboard-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.createContext("/", exchange -> serve(routes, exchange));
        server.setExecutor(executor);
        server.start();
        return new DashboardHttpServer(server, executor);
    }

    private static void serve(DashboardRoutes routes, HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            DashboardRoutes.Response answer = path.equals("/")
                    ? routes.handle(new DashboardRoutes.Request(exchange.getRequestMethod(), DashboardRoutes.MOUNT, null))
                    : routes.handle(new DashboardRoutes.Request(exchange.getRequestMethod(), path,
                            exchange.getRequestURI().getRawQuery()));
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            boolean head = exchange.getRequestMethod().equals("HEAD");
            // 0: chunked, so a body is streamed as it is written, never held whole
            exchange.sendResponseHeaders(answer.status(), head || answer.status() == 302 ? -1 : 0);
            if (!head && answer.status() != 302) {
                OutputStream out = exchange.getResponseBody();
                answer.body().writeTo(out);
                out.flush();
            }
        }
    }

    /** The port the server listens on (the chosen one when started with port 0). */
    int port() {
        return server.getAddress().getPort();
    }

    boolean isRunning() {
        return running;
    }

    @Override
    public void close() {
        running = false;
        server.stop(1);
        executor.shutdownNow();
    }
}
