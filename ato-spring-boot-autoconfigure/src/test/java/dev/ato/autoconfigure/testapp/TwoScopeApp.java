package dev.ato.autoconfigure.testapp;

import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one test context of {@link TestApplication} that the integration tests share (Spring caches it): started
 * with {@code high_lr train.batch_size=64}, an external {@code train.optim.beta}, a web server, and the
 * {@code ato} and {@code env} endpoints exposed with values shown.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = TestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        args = {"high_lr", "train.batch_size=64"},
        properties = {"train.optim.beta=0.95", "ato.sqlite.path=target/testapp/experiments.db",
                "ato.project=testapp", "management.endpoints.web.exposure.include=ato,env",
                "management.endpoint.ato.show-values=always", "management.endpoint.env.show-values=always"})
public @interface TwoScopeApp {
}
