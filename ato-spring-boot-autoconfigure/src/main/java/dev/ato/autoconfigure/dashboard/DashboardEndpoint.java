package dev.ato.autoconfigure.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The dashboard inside a Spring MVC application: every request under {@code /ato} goes to the same
 * {@link DashboardRoutes} the {@code dashboard} command's server uses.
 */
@Controller
class DashboardEndpoint {

    private final DashboardRoutes routes;

    DashboardEndpoint(DashboardRoutes routes) {
        this.routes = routes;
    }

    @RequestMapping({DashboardRoutes.MOUNT, DashboardRoutes.MOUNT + "/**"})
    void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        DashboardRoutes.Response answer = routes.handle(
                new DashboardRoutes.Request(request.getMethod(), path, request.getQueryString()));
        response.setStatus(answer.status());
        response.setContentType(answer.contentType());
        answer.headers().forEach((name, value) -> response.setHeader(name, name.equals("Location")
                ? request.getContextPath() + value : value));
        if (!request.getMethod().equals("HEAD")) {
            OutputStream out = response.getOutputStream();
            answer.body().writeTo(out);
            out.flush();
        }
    }
}
