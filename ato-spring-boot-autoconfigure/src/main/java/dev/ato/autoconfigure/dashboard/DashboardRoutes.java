package dev.ato.autoconfigure.dashboard;

import org.jspecify.annotations.Nullable;

import dev.ato.AtoConfigException;
import dev.ato.AtoKeyException;
import dev.ato.autoconfigure.scope.AtoScopes;
import dev.ato.format.Mappers;
import dev.ato.sanitize.Sanitizer;
import dev.ato.tracker.RunFinder;
import org.springframework.beans.factory.ObjectProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The whole dashboard as one function from request to response, independent of the server that carries it: the
 * JDK's built-in HTTP server ({@link DashboardHttpServer}, for the {@code dashboard} command in any application) and
 * Spring MVC ({@link DashboardEndpoint}, under {@code /ato} of a web application) both hand every request here, so
 * both serve exactly the same pages, JSON and headers. Project names travel as query parameters, never as path
 * segments, so a name with {@code /} passes every server (Tomcat rejects an encoded slash in a path).
 */
final class DashboardRoutes {

    static final String MOUNT = "/ato";

    /** The pages besides {@code index.html}; each is served by the shell page {@code index.html}. */
    static final List<String> SHELL_PAGES = List.of("runs", "run", "compare", "search", "scopes", "charts");

    private static final String PAGES = "META-INF/ato-dashboard/";
    private static final Map<String, String> WEBJARS = Map.of(
            "uplot", "META-INF/resources/webjars/uplot/" + webJarVersion("org.webjars.npm", "uplot") + "/",
            "echarts", "META-INF/resources/webjars/echarts/" + webJarVersion("org.webjars", "echarts") + "/");
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "json", "application/json", "map", "application/json", "svg", "image/svg+xml", "png", "image/png");
    /** No inline script can run, whatever a value holds; uPlot and ECharts set styles from script. */
    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
                    + " img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; base-uri 'none';"
                    + " form-action 'self'",
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer");
    private static final Logger log = LoggerFactory.getLogger(DashboardRoutes.class);

    private final DashboardApi api;
    private final JsonMapper json = Mappers.dashboardApi();

    DashboardRoutes(DashboardApi api) {
        this.api = api;
    }

    /**
     * The dashboard over a database (and, when the application has them, its scopes for the merge-order page); every
     * config value, tag and text it shows passes {@code sanitizer}, the application's one.
     */
    static DashboardRoutes over(@Nullable RunFinder finder, ObjectProvider<AtoScopes> scopes, @Nullable Sanitizer sanitizer,
                                DashboardProperties properties) {
        return new DashboardRoutes(new DashboardApi(new DashboardReader(finder, sanitizer),
                new MergeOrderView(scopes, sanitizer), properties));
    }

    /** A request as the dashboard sees it: the method, and the raw (still encoded) path and query. */
    record Request(String method, String rawPath, @Nullable String rawQuery) {
    }

    /** Parses a raw query string ({@code a=1&b=x%2Fy+z}); a name given twice keeps every value. */
    static Map<String, List<String>> parseQuery(@Nullable String rawQuery) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), true);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
            query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return query;
    }

    /** What to send: status, content type, extra headers, and a body written straight to the client. */
    record Response(int status, String contentType, Map<String, String> headers, Body body) {
    }

    /** A response body, written once to the client's stream. */
    @FunctionalInterface
    interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    Response handle(Request request) {
        try {
            return route(request);
        } catch (AtoConfigException e) {
            return error(400, e.getMessage(), Map.of());
        }
    }

    private Response route(Request request) {
        if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
            return error(405, "the dashboard is read-only: only GET is served", Map.of("Allow", "GET, HEAD"));
        }
        String path = request.rawPath();
        if (!path.equals(MOUNT) && !path.startsWith(MOUNT + "/")) {
            return error(404, "nothing here; the dashboard is under " + MOUNT + "/", Map.of());
        }
        String rest = path.substring(MOUNT.length());
        if (rest.isEmpty() || rest.equals("/")) {
            return new Response(302, "text/plain; charset=utf-8", headers(Map.of("Location", MOUNT + "/index.html")),
                    out -> { });
        }
        List<String> segments = segments(rest.substring(1));
        if (segments == null) {
            return error(400, "bad path '" + path + "'", Map.of());
        }
        if (!segments.isEmpty() && segments.get(0).equals("api")) {
            return api(segments.subList(1, segments.size()), parseQuery(request.rawQuery()));
        }
        return file(segments);
    }

    private Response api(List<String> path, Map<String, List<String>> query) {
        try {
            Object value = api.get(path, query);
            return new Response(200, "application/json", headers(Map.of("Cache-Control", "no-store")),
                    out -> json.writeValue(out, value));
        } catch (AtoKeyException e) {
            return error(404, e.getMessage(), Map.of());
        } catch (AtoConfigException | IllegalArgumentException e) {
            return error(400, e.getMessage(), Map.of());
        } catch (RuntimeException e) {
            log.warn("dashboard request /api/{} failed", String.join("/", path), e);
            return error(500, "the dashboard could not answer: " + e.getMessage(), Map.of());
        }
    }

    private Response file(List<String> segments) {
        String resource;
        if (segments.size() == 1 && segments.get(0).endsWith(".html")
                && SHELL_PAGES.contains(segments.get(0).substring(0, segments.get(0).length() - 5))) {
            resource = PAGES + "index.html"; // one shell page; its script renders the page the file name names
        } else if (segments.size() > 2 && segments.get(0).equals("assets") && WEBJARS.containsKey(segments.get(1))) {
            resource = WEBJARS.get(segments.get(1)) + String.join("/", segments.subList(2, segments.size()));
        } else {
            resource = PAGES + String.join("/", segments);
        }
        String name = segments.isEmpty() ? "" : segments.get(segments.size() - 1);
        String type = TYPES.get(name.substring(name.lastIndexOf('.') + 1));
        ClassLoader loader = DashboardRoutes.class.getClassLoader();
        if (type == null || loader.getResource(resource) == null) {
            return error(404, "no dashboard file '" + String.join("/", segments) + "'", Map.of());
        }
        return new Response(200, type, headers(Map.of("Cache-Control", "no-cache")), out -> {
            try (InputStream in = loader.getResourceAsStream(resource)) {
                in.transferTo(out);
            }
        });
    }

    private Response error(int status, @Nullable String message, Map<String, String> extra) {
        Map<String, String> body = Map.of("error", message == null ? "error" : message);
        return new Response(status, "application/json", headers(extra), out -> json.writeValue(out, body));
    }

    private static Map<String, String> headers(Map<String, String> extra) {
        Map<String, String> all = new LinkedHashMap<>(SECURITY_HEADERS);
        all.putAll(extra);
        return all;
    }

    /** Decoded path segments, or {@code null} when one would climb out ({@code ..}) or is empty inside. */
    private static @Nullable List<String> segments(String raw) {
        List<String> segments = new ArrayList<>();
        String[] parts = raw.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String segment = decode(parts[i], false);
            if (segment.isEmpty() && i == parts.length - 1 && i > 0) {
                continue; // a trailing slash
            }
            boolean inApi = i > 0 && parts[0].equals("api"); // an id or scope name may hold any character
            if (segment.isEmpty() || !inApi && (segment.equals(".") || segment.equals("..")
                    || segment.contains("/") || segment.contains("\\"))) {
                return null;
            }
            segments.add(segment);
        }
        return segments;
    }

    /** Percent-decodes; a {@code +} is a space only in a query (form encoding), a plus sign in a path. */
    private static String decode(String text, boolean query) {
        try {
            return URLDecoder.decode(query ? text : text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new AtoConfigException("bad percent-encoding in '" + text + "'");
        }
    }

    /** The version directory of a WebJar on the class path, read from its Maven metadata. */
    static String webJarVersion(String groupId, String artifactId) {
        String path = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = DashboardRoutes.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the dashboard needs the WebJar " + groupId + ":" + artifactId
                        + " on the class path (" + path + " is missing)");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }
}
