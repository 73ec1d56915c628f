package dev.ato.guide;

import dev.ato.adict.ADict;
import dev.ato.hydra.Composition;
import dev.ato.hydra.Hydra;
import dev.ato.hydra.HydraException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Hydra example of docs/configuration.md: a small config tree composed with overrides, run for real. */
class HydraExamplesTest {

    private static Path tree(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("db"));
        Files.writeString(dir.resolve("config.yaml"), """
                defaults:
                  - db: sqlite
                  - _self_
                train:
                  lr: 0.01
                  epochs: 10
                  run_name: ${db.driver}-lr${train.lr}
                """);
        Files.writeString(dir.resolve("db/sqlite.yaml"), """
                driver: sqlite
                path: experiments.db
                """);
        Files.writeString(dir.resolve("db/postgres.yaml"), """
                driver: postgresql
                host: localhost
                port: 5432
                """);
        return dir;
    }

    @Test
    void aHydraTreeComposesWithGroupAndValueOverrides(@TempDir Path dir) throws IOException {
        ADict config = Hydra.compose(tree(dir), "config", List.of("db=postgres", "db.port=6543", "train.lr=0.1"));

        assertThat(config.toString()).isEqualTo("""
                db:
                  driver: postgresql
                  host: localhost
                  port: 6543
                train:
                  lr: 0.1
                  epochs: 10
                  run_name: postgresql-lr0.1""");
    }

    @Test
    void theCompositionSaysWhereEachValueCameFrom(@TempDir Path dir) throws IOException {
        Composition composition = Hydra.composition(tree(dir), "config", List.of("db=postgres", "db.port=6543"));

        assertThat(composition.origins()).containsEntry("db.port", "override 'db.port=6543'")
                .containsEntry("db.host", "db/postgres.yaml");
        assertThat(composition.config().getString("train.run_name")).isEqualTo("${db.driver}-lr${train.lr}");
    }

    @Test
    void anUnknownOptionListsTheAvailableOnes(@TempDir Path dir) throws IOException {
        Path root = tree(dir);

        assertThatThrownBy(() -> Hydra.compose(root, "config", List.of("db=mysql")))
                .isInstanceOf(HydraException.class)
                .hasMessage("""
                        In 'config': Could not find 'db/mysql'

                        Available options in 'db':
                        \tpostgres
                        \tsqlite
                            at key 'db' in config.yaml""");
    }
}
