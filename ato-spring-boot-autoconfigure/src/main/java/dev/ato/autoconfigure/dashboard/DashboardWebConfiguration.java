package dev.ato.autoconfigure.dashboard;

import dev.ato.AtoConfigException;
import dev.ato.autoconfigure.scope.AtoScopes;
import dev.ato.tracker.RunFinder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Properties;

/**
 * The dashboard itself: its JSON endpoints, its pages and scripts under {@code /ato/}, the chart library from its
 * WebJar, strict security headers, and the loopback address when the application chose none.
 */
@Configuration(proxyBeanMethods = false)
class DashboardWebConfiguration {

    static final String PAGES = "classpath:/META-INF/ato-dashboard/";

    /** The pages besides {@code index.html}; each is served by the shell page {@code index.html}. */
    static final List<String> SHELL_PAGES = List.of("runs", "run", "compare", "search", "scopes");

    @Bean
    DashboardReader atoDashboardReader(DataSource dataSource, ObjectProvider<RunFinder> finder) {
        return new DashboardReader(finder.getIfAvailable(() -> RunFinder.create(dataSource)));
    }

    @Bean
    DashboardApi atoDashboardApi(DashboardReader reader, ObjectProvider<AtoScopes> scopes,
                                 DashboardProperties properties) {
        return new DashboardApi(reader, new MergeOrderView(scopes), properties);
    }

    @Bean
    WebMvcConfigurer atoDashboardPages() {
        return new WebMvcConfigurer() {
            @Override
            public void addResourceHandlers(ResourceHandlerRegistry registry) {
                registry.addResourceHandler("/ato/assets/uplot/**").addResourceLocations(
                        "classpath:/META-INF/resources/webjars/uplot/" + webJarVersion("uplot") + "/");
                registry.addResourceHandler("/ato/**").addResourceLocations(PAGES);
            }

            @Override
            public void addViewControllers(ViewControllerRegistry registry) {
                registry.addRedirectViewController("/ato", "/ato/index.html");
                registry.addRedirectViewController("/ato/", "/ato/index.html");
                // every page is the one shell page; its script renders the page the file name names
                for (String page : SHELL_PAGES) {
                    registry.addViewController("/ato/" + page + ".html").setViewName("forward:/ato/index.html");
                }
            }

            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(securityHeaders()).addPathPatterns("/ato/**");
            }
        };
    }

    /** Binds the server to the dashboard's address (127.0.0.1 by default) unless {@code server.address} is set. */
    @Bean
    WebServerFactoryCustomizer<ConfigurableWebServerFactory> atoDashboardAddress(Environment environment,
                                                                                 DashboardProperties properties) {
        return new LoopbackCustomizer(environment, properties);
    }

    private static HandlerInterceptor securityHeaders() {
        return new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                // no inline script can run, whatever a config value holds; uPlot sets styles from script
                response.setHeader("Content-Security-Policy", "default-src 'self'; script-src 'self';"
                        + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none';"
                        + " frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
                response.setHeader("X-Content-Type-Options", "nosniff");
                response.setHeader("Referrer-Policy", "no-referrer");
                return true;
            }
        };
    }

    /** The version directory of a WebJar on the class path, read from its Maven metadata. */
    static String webJarVersion(String artifactId) {
        String path = "META-INF/maven/org.webjars.npm/" + artifactId + "/pom.properties";
        try (InputStream in = DashboardWebConfiguration.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the dashboard needs the WebJar org.webjars.npm:" + artifactId
                        + " on the class path (" + path + " is missing)");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** Runs after Boot's own customizer, so an explicit {@code server.address} always wins. */
    private record LoopbackCustomizer(Environment environment, DashboardProperties properties)
            implements WebServerFactoryCustomizer<ConfigurableWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableWebServerFactory factory) {
            if (environment.getProperty("server.address") == null) {
                try {
                    factory.setAddress(InetAddress.getByName(properties.getAddress()));
                } catch (UnknownHostException e) {
                    throw new AtoConfigException("ato.dashboard.address '" + properties.getAddress()
                            + "' is not a host name or IP address; use e.g. 127.0.0.1");
                }
            }
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
