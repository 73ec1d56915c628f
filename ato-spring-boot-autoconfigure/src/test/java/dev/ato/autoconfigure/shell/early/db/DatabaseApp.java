package dev.ato.autoconfigure.shell.early.db;

import dev.ato.adict.ADict;
import dev.ato.autoconfigure.AtoObserve;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.sqlite.SQLiteDataSource;

import javax.sql.DataSource;

/** An application with a DataSource of its own: its runs are there, not in the embedded default file. */
@SpringBootApplication
public class DatabaseApp {

    @Bean
    DataSource ownDatabase() {
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:target/context-free/own.db");
        return dataSource;
    }

    static class Views {

        @AtoObserve(defaultView = true)
        static void defaults(ADict config) {
            config.set("lr", 0.1);
        }
    }
}
