package dev.ato.sample;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = {"spring.shell.interactive.enabled=false",
        "spring.datasource.url=jdbc:sqlite:target/sample-test.db"})
class SampleApplicationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void startsWithTheStarterOnTheClasspath() {
        assertThat(context.getBean(SampleApplication.class)).isNotNull();
    }
}
