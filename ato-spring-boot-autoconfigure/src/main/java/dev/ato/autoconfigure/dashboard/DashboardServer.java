package dev.ato.autoconfigure.dashboard;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The dashboard on a server of its own: a child application context of the running application (so it reads the
 * same DataSource and sees the same scope beans) with only Tomcat, Spring MVC and the dashboard in it.
 */
final class DashboardServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private DashboardServer(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static DashboardServer start(ConfigurableApplicationContext parent, String address, int port) {
        ConfigurableApplicationContext child = new SpringApplicationBuilder(ServerConfiguration.class)
                .parent(parent)
                .web(WebApplicationType.SERVLET)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                // command-line arguments outrank the application's own properties; the server runs no Shell of its own
                .run("--server.address=" + address, "--server.port=" + port, "--spring.main.lazy-initialization=false",
                        "--ato.shell.enabled=false");
        return new DashboardServer(child);
    }

    /** The port the server listens on (the chosen one when started with port 0). */
    int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    boolean isRunning() {
        return context.isActive();
    }

    @Override
    public void close() {
        context.close();
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, TomcatServletWebServerAutoConfiguration.class,
            DispatcherServletAutoConfiguration.class, JacksonAutoConfiguration.class,
            HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class,
            ErrorMvcAutoConfiguration.class})
    @EnableConfigurationProperties(DashboardProperties.class)
    @Import(DashboardWebConfiguration.class)
    static class ServerConfiguration {
    }
}
