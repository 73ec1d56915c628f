package dev.ato.hydra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One test per rule of issue 17's "what must compose", on small trees shaped like real ones, with what Hydra 1.3.2
 * gives (read from Hydra's defaults-list code and OmegaConf's update/merge): values, key order, merge order, choices
 * and failures.
 */
class HydraWildRulesTest {

    @TempDir
    Path dir;

    private void file(String name, String content) throws Exception {
        ConfigTree.write(dir, name, content);
    }

    private Composition composition(String... overrides) {
        return Hydra.composition(dir, "config", Arrays.asList(overrides));
    }

    private Map<String, Object> compose(String... overrides) {
        return Hydra.compose(dir, "config", Arrays.asList(overrides)).toMap();
    }

    @Test
    void optionNamesWrittenWithTheYamlSuffix() throws Exception {
        file("config.yaml", "defaults:\n  - model: big\n  - experiment: null\n  - _self_\n");
        file("model/big.yaml", "size: 10\n");
        file("model/small.yaml", "size: 1\n");
        file("experiment/base.yaml", "lr: 0.1\n");
        file("experiment/example.yaml", "# @package _global_\ndefaults:\n  - /experiment/base.yaml\n"
                + "  - override /model: small.yaml\n  - _self_\nlr: 0.5\n");
        Composition c = composition("experiment=example.yaml");
        assertThat(c.config().toMap()).isEqualTo(Map.of("model", Map.of("size", 1), "experiment",
                Map.of("lr", 0.1), "lr", 0.5));
        assertThat(c.choices()).containsEntry("model", "small.yaml").containsEntry("experiment", "example.yaml");
        assertThat(c.mergeOrder()).extracting(MergedConfig::configPath).containsExactly("model/small.yaml",
                "experiment/base.yaml", "experiment/example.yaml", "config");
        // the primary config may carry the suffix too: Hydra keeps it as written
        assertThat(Hydra.composition(dir, "config.yaml", List.of()).mergeOrder().get(1).configPath())
                .isEqualTo("config.yaml");
    }

    @Test
    void severalOptionsOfOneGroupMergeInOrder() throws Exception {
        file("config.yaml", "defaults:\n  - db: [mysql, sqlite]\n  - db@backup: [sqlite, mysql]\n  - _self_\n");
        file("db/mysql.yaml", "name: mysql\nport: 3306\n");
        file("db/sqlite.yaml", "name: sqlite\nfile: x.db\n");
        Composition c = composition();
        Map<String, Object> expectedDb = new LinkedHashMap<>();
        expectedDb.put("name", "sqlite");
        expectedDb.put("port", 3306);
        expectedDb.put("file", "x.db");
        assertThat(c.config().toMap().get("db")).isEqualTo(expectedDb);
        assertThat(c.config().toMap().get("backup")).isEqualTo(Map.of("name", "mysql", "file", "x.db",
                "port", 3306));
        assertThat(c.mergeOrder()).extracting(m -> m.configPath() + "@" + m.packagePath()).containsExactly(
                "db/mysql@db", "db/sqlite@db", "db/sqlite@backup", "db/mysql@backup", "config@");
        // Hydra 1.3 records no choice for a group given as a list of options
        assertThat(c.choices()).doesNotContainKey("db");
    }

    @Test
    void severalOptionsFromTheCommandLine() throws Exception {
        file("config.yaml", "defaults:\n  - server/site: a\n  - _self_\n");
        file("server/site/a.yaml", "a: 1\n");
        file("server/site/b.yaml", "b: 2\n");
        file("cb/x.yaml", "x: 1\n");
        file("cb/y.yaml", "y: 2\n");
        Composition c = composition("server/site=[a,b]", "+cb=[y,x]");
        assertThat(c.config().toMap()).isEqualTo(Map.of("server", Map.of("site", Map.of("a", 1, "b", 2)),
                "cb", Map.of("y", 2, "x", 1)));
        assertThat(c.mergeOrder()).extracting(MergedConfig::configPath).containsExactly("server/site/a",
                "server/site/b", "config", "cb/y", "cb/x");
        assertThatThrownBy(() -> composition("server/site=[a,nope]")).isInstanceOf(HydraException.class)
                .hasMessageContaining("server/site/nope");
        assertThatThrownBy(() -> composition("+cb=[x,${y}]")).hasMessageContaining("interpolation is not"
                + " supported in options list items");
    }

    @Test
    void packageHeadersAsHydra13ReadsThem() throws Exception {
        file("config.yaml", "defaults:\n  - a: one\n  - b: one\n  - c: one\n  - _self_\n");
        file("a/one.yaml", "# @package __global__\nfrom_a: 1\n");
        file("b/one.yaml", "# @package _group_\nfrom_b: 1\n");
        file("c/one.yaml", "# a licence comment first\n# @package _global_\nfrom_c: 1\n");
        assertThat(compose()).isEqualTo(Map.of("from_a", 1, "_group_", Map.of("from_b", 1),
                "c", Map.of("from_c", 1)));
    }

    @Test
    void packageKeywordsInDefaultsEntries() throws Exception {
        file("config.yaml", "defaults:\n  - task: nlp\n  - _self_\n");
        file("task/nlp.yaml", "defaults:\n  - /dataset@_group_: default\n  - db@_here_: mysql\n"
                + "  - /x@_global_.y: one\n  - _self_\nkind: nlp\n");
        file("dataset/default.yaml", "rows: 10\n");
        file("task/db/mysql.yaml", "port: 3306\n");
        file("x/one.yaml", "v: 1\n");
        Composition c = composition();
        assertThat(c.config().toMap()).isEqualTo(Map.of("dataset", Map.of("rows", 10),
                "task", Map.of("port", 3306, "kind", "nlp"), "y", Map.of("v", 1)));
        assertThat(c.mergeOrder()).extracting(m -> m.configPath() + "@" + m.packagePath()).containsExactly(
                "dataset/default@dataset", "task/db/mysql@task", "x/one@y", "task/nlp@task", "config@");
        assertThat(c.choices()).containsKeys("task", "dataset", "task/db@task", "x@y");
    }

    @Test
    void aRelativeDefaultInsideAnOptionChosenWithASlashResolvesAgainstTheGroup() throws Exception {
        file("config.yaml", "defaults:\n  - model: lm/musicgen_lm\n  - _self_\n");
        file("model/lm/musicgen_lm.yaml", "# @package model\ndefaults:\n  - lm/default\n  - _self_\nname: mg\n");
        file("model/lm/default.yaml", "dim: 512\n");
        // a decoy next to the option's file: Hydra would not load it
        file("model/lm/lm/default.yaml", "dim: -1\n");
        Composition c = composition();
        assertThat(c.mergeOrder()).extracting(MergedConfig::configPath).contains("model/lm/default")
                .doesNotContain("model/lm/lm/default");
        assertThat(c.config().toMap()).isEqualTo(Map.of("model", Map.of("lm", Map.of("dim", 512), "name", "mg")));
    }

    @Test
    void relativeDefaultAndPackageHeaderCombined() throws Exception {
        file("config.yaml", "defaults:\n  - experiment: scheduling/am\n  - _self_\nseed: 1\n");
        file("experiment/scheduling/am.yaml", "# @package _global_\ndefaults:\n  - scheduling/base\n"
                + "  - _self_\nseed: 2\n");
        file("experiment/scheduling/base.yaml", "# @package _global_\nepochs: 3\n");
        Composition c = composition();
        assertThat(c.config().toMap()).isEqualTo(Map.of("epochs", 3, "seed", 1));
        assertThat(c.mergeOrder()).extracting(MergedConfig::configPath).containsExactly(
                "experiment/scheduling/base", "experiment/scheduling/am", "config");
    }

    @Test
    void structModeOnCommandLineOverrides() throws Exception {
        file("config.yaml", "d:\n  a: 0\n  inner:\n    b: 1\nl: [1, 2]\nn: null\n");
        assertThatThrownBy(() -> compose("nope=1")).hasMessageContaining("Could not override 'nope'.")
                .hasMessageContaining("To append to your config use +nope=1");
        assertThatThrownBy(() -> compose("d={x:1}")).hasMessageContaining("Could not override 'd'.")
                .hasMessageContaining("+d={x:1}");
        assertThatThrownBy(() -> compose("d={inner:{c:2}}")).hasMessageContaining("Could not override 'd'.");
        assertThat(compose("d={a:5}")).containsEntry("d", Map.of("a", 5, "inner", Map.of("b", 1)));
        assertThat(compose("+d={x:1}")).containsEntry("d", Map.of("a", 0, "inner", Map.of("b", 1), "x", 1));
        assertThat(compose("++d={x:1}")).containsEntry("d", Map.of("a", 0, "inner", Map.of("b", 1), "x", 1));
        assertThat(compose("++nope=1")).containsEntry("nope", 1);
        assertThat(compose("++d.a=7")).containsEntry("d", Map.of("a", 7, "inner", Map.of("b", 1)));
        assertThat(compose("+n=3")).containsEntry("n", 3);
        assertThat(compose("+l=[3]")).containsEntry("l", List.of(3));
        assertThatThrownBy(() -> compose("d=[1,2]")).hasMessageContaining("Error merging override d=[1,2]")
                .hasMessageContaining("Cannot merge DictConfig with ListConfig");
        assertThatThrownBy(() -> compose("l={a:1}")).hasMessageContaining("Cannot merge ListConfig with DictConfig");
        assertThatThrownBy(() -> compose("+d.a=1")).hasMessageContaining("An item is already at 'd.a'")
                .hasMessageContaining("'++d.a=1'");
    }

    @Test
    void aGroupOverrideTypedByTheGroupNameWhenTheEntryHasItsDefaultPackageExplicitly() throws Exception {
        file("config.yaml", "defaults:\n  - /db@_global_.db: postgres\n  - _self_\n");
        file("db/postgres.yaml", "port: 5432\n");
        file("db/mysql.yaml", "port: 3306\n");
        Composition c = composition("db=mysql");
        assertThat(c.config().toMap()).isEqualTo(Map.of("db", Map.of("port", 3306)));
        assertThat(c.choices()).containsEntry("db", "mysql");
        // a typo is reported with what was typed
        assertThatThrownBy(() -> composition("dbb=mysql")).hasMessageContaining("dbb=mysql");
        assertThatThrownBy(() -> composition("db@other=mysql")).hasMessageContaining("Could not override"
                + " 'db@other'").hasMessageContaining("Did you mean to override db?")
                .hasMessageContaining("you typed 'db@other=mysql'");
    }

    @Test
    void deletingAKeyWhoseValueIsNullFailsAsInHydra() throws Exception {
        file("config.yaml", "a: null\nb: 1\n");
        assertThatThrownBy(() -> compose("~a")).hasMessageContaining("Could not delete from config. 'a' does not"
                + " exist.");
        Map<String, Object> onlyA = new LinkedHashMap<>();
        onlyA.put("a", null);
        assertThat(compose("~b")).isEqualTo(onlyA);
    }

    @Test
    void yamlMergeKeysThenAnOverrideOfOneKey() throws Exception {
        file("config.yaml", "base: &b\n  lr: 0.1\n  wd: 0.01\nexp:\n  <<: *b\n  lr: 0.5\n");
        assertThat(compose()).containsEntry("exp", Map.of("lr", 0.5, "wd", 0.01));
        // explicit keys win wherever the merge key stands; two explicit keys stay an error
        file("config.yaml", "base: &b\n  lr: 0.1\n  wd: 0.01\nexp:\n  lr: 0.5\n  <<: *b\n");
        assertThat(compose()).containsEntry("exp", Map.of("lr", 0.5, "wd", 0.01));
        file("config.yaml", "exp:\n  lr: 0.5\n  lr: 0.6\n");
        assertThatThrownBy(() -> compose()).hasMessageContaining("duplicate key 'exp.lr' (first at line 2, again at line 3)");
        file("config.yaml", "base: &b\n  lr: 0.1\n  wd: 0.01\nexp:\n  <<: *b\n  lr: 0.5\n");
        assertThat(compose("exp.wd=0.02")).containsEntry("exp", Map.of("lr", 0.5, "wd", 0.02))
                .containsEntry("base", Map.of("lr", 0.1, "wd", 0.01));
    }

    @Test
    void overrideEntriesMustComeLastInTheirList() throws Exception {
        file("config.yaml", "defaults:\n  - override db: mysql\n  - model: a\n  - db: postgres\n");
        file("db/mysql.yaml", "x: 1\n");
        file("db/postgres.yaml", "x: 2\n");
        file("model/a.yaml", "m: 1\n");
        assertThatThrownBy(() -> compose()).hasMessageContaining("Overrides must be at the end of the defaults"
                + " list");
    }

    @Test
    void aPrimaryConfigWithoutSelfWarnsAsHydraDoes() throws Exception {
        file("config.yaml", "defaults:\n  - db: mysql\nx: 1\n");
        file("db/mysql.yaml", "x: 2\n");
        Composition c = composition();
        assertThat(c.config().toMap()).containsEntry("x", 1);
        assertThat(c.warnings()).singleElement().asString().contains("Defaults list is missing `_self_`");
    }

    /**
     * One YAML reader: anchors, aliases, merge keys and duplicate keys read alike in Hydra and {@code ADict.load};
     * only plain-scalar typing differs (YAML 1.1 in Hydra: {@code yes} is true and {@code 017} is 15).
     */
    @Test
    void hydraAndADictLoadReadAnchorsMergesAndDuplicatesAlike() throws Exception {
        String yaml = "base: &b\n  lr: 0.1\n  wd: 0.01\nexp:\n  <<: *b\n  lr: 0.5\n  tags: &t [x, y]\nagain: *t\n";
        file("config.yaml", yaml + "flag: yes\noct: 017\n");
        Map<String, Object> hydra = compose();
        java.nio.file.Path plain = java.nio.file.Files.writeString(dir.resolve("plain.yaml"), yaml + "flag: yes\noct: 017\n");
        Map<String, Object> adict = dev.ato.adict.ADict.load(plain).toMap();
        assertThat(hydra).containsEntry("exp", Map.of("lr", 0.5, "wd", 0.01, "tags", List.of("x", "y")))
                .containsEntry("again", List.of("x", "y")).containsEntry("flag", true).containsEntry("oct", 15);
        assertThat(adict).containsEntry("exp", hydra.get("exp")).containsEntry("again", hydra.get("again"))
                .containsEntry("base", hydra.get("base")).containsEntry("flag", "yes").containsEntry("oct", "017");

        file("config.yaml", "a:\n  b: 1\n  b: 2\n");
        java.nio.file.Files.writeString(plain, "a:\n  b: 1\n  b: 2\n");
        String both = "duplicate key 'a.b' (first at line 2, again at line 3)";
        assertThatThrownBy(() -> compose()).isInstanceOfSatisfying(HydraException.class, e -> {
            assertThat(e.kind()).isEqualTo(HydraException.Kind.CONFIG_PARSE);
            assertThat(e.source()).isEqualTo("config.yaml:3");
            assertThat(e.getMessage()).contains(both);
        });
        assertThatThrownBy(() -> dev.ato.adict.ADict.load(plain)).hasMessageContaining(both);
    }
}
