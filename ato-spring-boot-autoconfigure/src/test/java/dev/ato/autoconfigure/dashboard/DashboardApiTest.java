package dev.ato.autoconfigure.dashboard;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's endpoints served by Spring MVC under {@code /ato} of a web application. */
class DashboardApiTest extends ServedDashboard implements DashboardApiContract {

    @Autowired
    WebServerApplicationContext context;

    @Override
    public String url(String path) {
        return super.url(path);
    }

    @Override
    public KnownRuns runs() {
        return RUNS;
    }

    @Test
    void listensOnLoopbackWhenServerAddressIsNotSet() {
        TomcatWebServer server = (TomcatWebServer) context.getWebServer();
        assertThat(String.valueOf(server.getTomcat().getConnector().getProperty("address")))
                .contains("127.0.0.1");
    }
}
