package dev.ato.hydra;

import dev.ato.adict.ADict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Composition behaviour from Hydra's documentation that the conformance vectors do not cover. */
class HydraCompositionTest {

    @TempDir
    Path dir;

    private void file(String path, String content) throws Exception {
        ConfigTree.write(dir, path, content);
    }

    private Map<String, Object> compose(String... overrides) {
        return Hydra.compose(dir, "config", Arrays.asList(overrides)).toMap();
    }

    private Composition composition(String... overrides) {
        return Hydra.composition(dir, "config", Arrays.asList(overrides));
    }

    private static HydraException.Kind kind(Throwable t) {
        return ((HydraException) t).kind();
    }

    @Test
    void selfMissingFromPrimaryMeansTheConfigBeatsItsDefaults() throws Exception {
        file("config.yaml", "defaults:\n  - db: mysql\ndb:\n  port: 1\n");
        file("db/mysql.yaml", "port: 3306\nhost: h\n");
        Composition c = composition();
        assertThat(c.mergeOrder()).containsExactly(new MergedConfig("db/mysql", "db", false, false),
                new MergedConfig("config", "", true, true));
        assertThat(c.config().get("db.port")).isEqualTo(1);
    }

    @Test
    void selfMissingFromAGroupConfigMeansItBeatsItsOwnDefaults() throws Exception {
        file("config.yaml", "defaults:\n  - server: apache\n  - _self_\n");
        file("server/apache.yaml", "defaults:\n  - db: mysql\ndb:\n  port: 1\n");
        file("server/db/mysql.yaml", "port: 3306\n");
        assertThat(compose()).isEqualTo(Map.of("server", Map.of("db", Map.of("port", 1))));
    }

    @Test
    void packageHeaderIsAbsoluteEvenInANestedConfig() throws Exception {
        file("config.yaml", "defaults:\n  - server: apache\n  - _self_\n");
        file("server/apache.yaml", "defaults:\n  - db: mysql\n  - _self_\nname: apache\n");
        file("server/db/mysql.yaml", "# @package backup\nport: 3306\n");
        Composition c = composition();
        assertThat(c.config().toMap()).isEqualTo(Map.of("backup", Map.of("port", 3306),
                "server", Map.of("name", "apache")));
        assertThat(c.mergeOrder().get(0)).isEqualTo(new MergedConfig("server/db/mysql", "backup", false, false));
    }

    @Test
    void packageInDefaultsListIsRelativeToTheIncludingConfig() throws Exception {
        file("config.yaml", "defaults:\n  - server: apache\n  - _self_\n");
        file("server/apache.yaml", "defaults:\n  - db@src: mysql\n  - db@dst: mysql\n  - _self_\n");
        file("server/db/mysql.yaml", "# @package ignored_when_the_entry_names_one\nport: 3306\n");
        Composition c = composition("server/db@server.dst=mysql");
        assertThat(c.config().toMap()).isEqualTo(Map.of("server",
                Map.of("src", Map.of("port", 3306), "dst", Map.of("port", 3306))));
        assertThat(c.choices()).containsEntry("server/db@server.src", "mysql")
                .containsEntry("server/db@server.dst", "mysql");
    }

    @Test
    void legacyGroupAndNamePlaceholdersInAHeaderAreLiteralUnderVersionBase13() throws Exception {
        // Hydra 1.3 (version_base 1.3) no longer expands _group_/_name_ in a header: the key is literal
        file("config.yaml", "defaults:\n  - db: mysql\n  - _self_\n");
        file("db/mysql.yaml", "# @package _group_._name_\nport: 3306\n");
        assertThat(compose()).isEqualTo(Map.of("_group_", Map.of("_name_", Map.of("port", 3306))));
    }

    @Test
    void nullDeselectsAGroupUntilTheCommandLineSelectsIt() throws Exception {
        file("config.yaml", "defaults:\n  - db: null\n  - _self_\nx: 1\n");
        file("db/mysql.yaml", "port: 3306\n");
        Composition c = composition();
        assertThat(c.config().toMap()).isEqualTo(Map.of("x", 1));
        assertThat(c.choices()).containsEntry("db", null);
        assertThat(compose("db=mysql")).containsEntry("db", Map.of("port", 3306));
        file("config.yaml", "defaults:\n  - db: mysql\n  - _self_\nx: 1\n");
        // as in Hydra 1.3: a group override must name an option; ~db deselects
        assertThatThrownBy(() -> compose("db=null"))
                .hasMessageContaining("Config group override must be a string or a list. Got NoneType");
        assertThat(compose("~db")).isEqualTo(Map.of("x", 1));
    }

    @Test
    void deletingAGroupWithAValueOnlyMatchesThatOption() throws Exception {
        file("config.yaml", "defaults:\n  - db: mysql\n  - _self_\nx: 1\n");
        file("db/mysql.yaml", "port: 3306\n");
        assertThat(compose("~db=mysql")).isEqualTo(Map.of("x", 1));
        assertThatThrownBy(() -> compose("~db=postgres"))
                .satisfies(e -> assertThat(kind(e)).isEqualTo(HydraException.Kind.COMPOSITION))
                .hasMessageContaining("Could not delete 'db=postgres'. No match in the defaults list");
    }

    @Test
    void deletingANonGroupConfigEntryByPathIsNotHydra13() throws Exception {
        // Hydra 1.3 deletes group entries only; ~path of a plain config entry is a (failing) key deletion
        file("config.yaml", "defaults:\n  - server/site/fb\n  - _self_\nx: 1\n");
        file("server/site/fb.yaml", "site: fb\n");
        assertThat(compose()).containsEntry("server", Map.of("site", Map.of("site", "fb")));
        assertThatThrownBy(() -> compose("~server/site/fb"))
                .hasMessageContaining("Could not delete from config. 'server/site/fb' does not exist.");
    }

    @Test
    void appendingANestedGroupFromTheCommandLine() throws Exception {
        file("config.yaml", "x: 1\n");
        file("server/db/mysql.yaml", "port: 3306\n");
        Composition c = composition("+server/db=mysql", "+msg=  hello world  ");
        assertThat(c.config().toMap()).isEqualTo(Map.of("x", 1, "server", Map.of("db", Map.of("port", 3306)),
                "msg", "hello world"));
        assertThat(c.choices()).containsEntry("server/db", "mysql");
    }

    @Test
    void selectingAGroupThatIsNotInTheDefaultsListNeedsPlus() throws Exception {
        file("config.yaml", "x: 1\n");
        file("cache/redis.yaml", "port: 6379\n");
        assertThatThrownBy(() -> compose("cache=redis"))
                .hasMessageContaining("Could not override 'cache'. No match in the defaults list.")
                .hasMessageContaining("To append to your default list use +cache=redis");
        assertThat(compose("+cache=redis")).containsEntry("cache", Map.of("port", 6379));
    }

    @Test
    void appendingAGroupThatIsAlreadySelectedFails() throws Exception {
        file("config.yaml", "defaults:\n  - db: mysql\n  - _self_\n");
        file("db/mysql.yaml", "port: 3306\n");
        file("db/postgres.yaml", "port: 5432\n");
        assertThatThrownBy(() -> compose("+db=postgres")).hasMessageContaining("Multiple values for db")
                .hasMessageContaining("+db=postgres");
        assertThatThrownBy(() -> compose("++db=postgres"))
                .hasMessageContaining("force-add of config groups is not supported: '++db=postgres'");
    }

    @Test
    void anOverrideEntryThatMatchesNothingNamesItsConfig() throws Exception {
        file("config.yaml", "defaults:\n  - exp: one\n  - _self_\n");
        file("exp/one.yaml", "defaults:\n  - override /db: mysql\n");
        file("db/mysql.yaml", "port: 3306\n");
        assertThatThrownBy(() -> compose()).hasMessageContaining("In 'exp/one': Could not override 'db@exp.db'. No match in the defaults list.");
    }

    @Test
    void mandatoryValueIsKeptWhenALaterLayerLeavesItMissing() throws Exception {
        file("config.yaml", "defaults:\n  - _self_\n  - layer: two\nlr: 0.1\nsteps: ???\n");
        file("layer/two.yaml", "# @package _global_\nlr: ???\nsteps: 5\n");
        assertThat(compose()).isEqualTo(Map.of("lr", 0.1, "steps", 5));
    }

    @Test
    void valueOverrides() throws Exception {
        file("config.yaml", "db:\n  host: h\n  port: 1\nl: [1, 2]\ni: 0\nmaybe: null\n");
        Map<String, Object> cfg = compose("db={port: 2}", "l.0=9", "++fresh.a=1", "+maybe=3", "hydra.run.dir=/x");
        assertThat(cfg).isEqualTo(Map.of("db", Map.of("host", "h", "port", 2), "l", List.of(9, 2), "i", 0,
                "maybe", 3, "fresh", Map.of("a", 1)));
        assertThatThrownBy(() -> compose("+i=1")).hasMessageContaining("An item is already at 'i'");
        assertThatThrownBy(() -> compose("~i=1")).hasMessageContaining("The value of 'i' is 0 and not 1.");
        assertThatThrownBy(() -> compose("db.nope.deeper=1")).hasMessageContaining("Could not override 'db.nope.deeper'");
        assertThatThrownBy(() -> compose("hydra/launcher=joblib")).hasMessageContaining("Hydra runtime group");
        // as OmegaConf.update with force_add: the scalar on the way becomes a dict
        assertThat(compose("+i.x=1")).containsEntry("i", Map.of("x", 1));
        assertThatThrownBy(() -> compose("++l.5=1")).hasMessageContaining("Index 5 is outside the list at 'l'");
        assertThat(compose("~l.0")).containsEntry("l", List.of(2));
    }

    @Test
    void overrideGrammarErrorsNameTheOverrideAndPosition() throws Exception {
        file("config.yaml", "x: 1\n");
        assertThatThrownBy(() -> compose("x=1,2")).hasMessageContaining("Sweep override 'x=1,2'");
        assertThatThrownBy(() -> compose("x=choice(1,2)")).hasMessageContaining("Sweep override 'x=choice(1,2)'");
        assertThatThrownBy(() -> compose("x=a(b"))
                .satisfies(e -> assertThat(kind(e)).isEqualTo(HydraException.Kind.OVERRIDE_PARSE))
                .hasMessageContaining("position 5");
        assertThatThrownBy(() -> compose("x")).hasMessageContaining("Missing '='");
        assertThatThrownBy(() -> compose("x='open")).hasMessageContaining("Unclosed quote");
        assertThatThrownBy(() -> compose("a b=1")).hasMessageContaining("Invalid key 'a b'");
        assertThatThrownBy(() -> compose("x={a:1")).hasMessageContaining("Unclosed dict");
    }

    @Test
    void overrideValuesAreTypedLikeHydra() {
        assertThat(OverrideParser.parse("k=1_000").value()).isEqualTo(1000);
        assertThat(OverrideParser.parse("k=-inf").value()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(OverrideParser.parse("k=TRUE").value()).isEqualTo(true);
        assertThat(OverrideParser.parse("k=NULL").value()).isNull();
        assertThat(OverrideParser.parse("k=").value()).isEqualTo("");
        assertThat(OverrideParser.parse("k=/data/run-1:x").value()).isEqualTo("/data/run-1:x");
        assertThat(OverrideParser.parse("k=${a.b}_x").value()).isEqualTo("${a.b}_x");
        assertThat(OverrideParser.parse("k='it\\'s'").value()).isEqualTo("it's");
        assertThat(OverrideParser.parse("k=a\\,b").value()).isEqualTo("a,b");
        assertThat(OverrideParser.parse("k=[]").value()).isEqualTo(List.of());
        assertThat(OverrideParser.parse("k='C:\\\\\\'some folder\\'\\\\'").value()).isEqualTo("C:\\'some folder'\\");
        assertThat(OverrideParser.parse("dir=job\\{a\\=1\\,b\\=2\\}").value()).isEqualTo("job{a=1,b=2}");
        assertThat(OverrideParser.parse("k=99999999999").value()).isEqualTo(99999999999L);
        CommandLineOverride o = OverrideParser.parse("~db@backup");
        assertThat(o.type()).isEqualTo(CommandLineOverride.Type.DELETE);
        assertThat(o.key()).isEqualTo("db@backup");
        assertThat(o.hasValue()).isFalse();
    }

    @Test
    void interpolationFeatures() throws Exception {
        file("config.yaml", String.join("\n",
                "name: b",
                "models:",
                "  a: {lr: 0.1}",
                "  b: {lr: 1.0e-05}",
                "lr: ${models.${name}.lr}",
                "tag: lr_${lr}_${flag}_${none}_${big}",
                "flag: true",
                "none: null",
                "big: 1.0e+20",
                "small: ${oc.select:nope,fallback}",
                "decoded: ${oc.decode:'[1, 2]'}",
                "dict_in_text: d=${models.a}",
                "day: ${now:%Y-%m-%d_%H:%M}",
                "escaped: \\${name}",
                ""));
        ADict cfg = Hydra.composition(dir, "config", List.of())
                .resolve(java.time.ZonedDateTime.parse("2024-03-05T07:08:09Z"), Map.of());
        assertThat(cfg.get("lr")).isEqualTo(1.0e-05);
        assertThat(cfg.get("tag")).isEqualTo("lr_1e-05_True_None_1e+20");
        assertThat(cfg.get("small")).isEqualTo("fallback");
        assertThat(cfg.get("decoded")).isEqualTo(List.of(1, 2));
        assertThat(cfg.get("dict_in_text")).isEqualTo("d={'lr': 0.1}");
        assertThat(cfg.get("day")).isEqualTo("2024-03-05_07:08");
        assertThat(cfg.get("escaped")).isEqualTo("${name}");
    }

    @Test
    void interpolationErrorsNameTheKeyTheReferenceAndTheFile() throws Exception {
        file("config.yaml", "defaults:\n  - db: mysql\n  - _self_\n");
        file("db/mysql.yaml", "a: ${.b}\nb: ${db.a}\n");
        assertThatThrownBy(() -> compose())
                .isInstanceOfSatisfying(HydraException.class, e -> {
                    assertThat(e.kind()).isEqualTo(HydraException.Kind.INTERPOLATION_CYCLE);
                    assertThat(e.keyPath()).isEqualTo("db.a");
                    assertThat(e.source()).isEqualTo("db/mysql.yaml");
                })
                .hasMessageContaining("db.a -> db.b -> db.a");

        file("db/mysql.yaml", "a: ${...up}\n");
        assertThatThrownBy(() -> compose()).hasMessageContaining("goes above the root");
        file("db/mysql.yaml", "a: ${oc.env:ATO_SURELY_UNSET_VAR_42}\n");
        assertThatThrownBy(() -> compose()).hasMessageContaining("Environment variable 'ATO_SURELY_UNSET_VAR_42'")
                .hasMessageContaining("key 'db.a'");
        file("db/mysql.yaml", "a: ${env:HOME}\n");
        assertThatThrownBy(() -> compose()).hasMessageContaining("Unsupported interpolation type env (in");
        file("db/mysql.yaml", "a: ${hydra:runtime.choices.db}\n");
        assertThatThrownBy(() -> compose()).hasMessageContaining("Hydra's runtime config");
        file("db/mysql.yaml", "a: ${unclosed\n");
        assertThatThrownBy(() -> compose())
                .satisfies(e -> assertThat(kind(e)).isEqualTo(HydraException.Kind.INTERPOLATION_RESOLUTION))
                .hasMessageContaining("not closed");
        file("db/mysql.yaml", "a: [x, ???]\n");
        assertThatThrownBy(() -> compose()).isInstanceOfSatisfying(HydraException.class,
                e -> assertThat(e.keyPath()).isEqualTo("db.a[1]"));
    }

    @Test
    void yamlIsTypedAsOmegaConfReadsIt() throws Exception {
        file("config.yaml", "oct: 017\nhex: 0x1F\nunder: 1_000\nneg_inf: -.inf\nstamp: 2024-01-01\n"
                + "tagged: !!str 12\nanchor: &a 5\nalias: *a\nquoted_null: 'null'\ntime: 1:30\n");
        Map<String, Object> cfg = compose();
        assertThat(cfg).containsEntry("oct", 15).containsEntry("hex", 31).containsEntry("under", 1000)
                .containsEntry("neg_inf", Double.NEGATIVE_INFINITY).containsEntry("stamp", "2024-01-01")
                .containsEntry("tagged", "12").containsEntry("anchor", 5).containsEntry("alias", 5)
                .containsEntry("quoted_null", "null").containsEntry("time", 90);
    }

    @Test
    void brokenFilesGiveOneClearError() throws Exception {
        file("config.yaml", "a: [1, 2\n");
        assertThatThrownBy(() -> compose()).isInstanceOfSatisfying(HydraException.class, e -> {
            assertThat(e.kind()).isEqualTo(HydraException.Kind.CONFIG_PARSE);
            assertThat(e.source()).startsWith("config.yaml:");
        });
        file("config.yaml", "a: 1\na: 2\n");
        assertThatThrownBy(() -> compose()).hasMessageContaining("duplicate key 'a' (first at line 1, again at line 2)");
        file("config.yaml", "- 1\n- 2\n");
        assertThatThrownBy(() -> compose()).hasMessageContaining("must hold a mapping");
        file("config.yaml", "defaults: db\n");
        assertThatThrownBy(() -> compose()).hasMessageContaining("defaults list must be a YAML list");
        file("config.yaml", "defaults:\n  - _self_\n  - _self_\n");
        assertThatThrownBy(() -> compose()).hasMessageContaining("Duplicate _self_");
        file("config.yaml", "defaults:\n  - sometimes db: mysql\n");
        assertThatThrownBy(() -> compose()).hasMessageContaining("Unknown keyword 'sometimes'");
        file("config.yaml", "defaults:\n  - ../outside\n");
        assertThatThrownBy(() -> compose()).hasMessageContaining("Could not load");
    }

    @Test
    void missingPrimaryConfigOrDirectory() throws Exception {
        file("train.yaml", "x: 1\n");
        assertThatThrownBy(() -> compose()).isInstanceOfSatisfying(HydraException.class,
                e -> assertThat(e.kind()).isEqualTo(HydraException.Kind.MISSING_CONFIG))
                .hasMessageContaining("Cannot find primary config 'config'").hasMessageContaining("train");
        assertThatThrownBy(() -> Hydra.compose(dir.resolve("nope"), "config", List.of()))
                .hasMessageContaining("does not exist");
        assertThat(Hydra.compose(dir, "train.yaml", List.of()).toMap()).isEqualTo(Map.of("x", 1));
        assertThat(Hydra.compose(dir, null, List.of("+y=2")).toMap()).isEqualTo(Map.of("y", 2));
    }

    @Test
    void primaryConfigInASubdirectoryIsPlacedUnderItsFolderAsHydraDoes() throws Exception {
        // Hydra's primary config is a config default: its folder is its package, and its defaults are relative
        file("experiments/exp1.yaml", "defaults:\n  - base\n  - /db: mysql\n  - _self_\nlr: 0.5\n");
        file("experiments/base.yaml", "lr: 0.1\nepochs: 3\n");
        file("db/mysql.yaml", "port: 3306\n");
        Composition c = Hydra.composition(dir, "experiments/exp1", List.of());
        assertThat(c.config().toMap()).isEqualTo(Map.of("experiments",
                Map.of("lr", 0.5, "epochs", 3, "db", Map.of("port", 3306))));
        assertThat(c.mergeOrder()).containsExactly(new MergedConfig("experiments/base", "experiments", false, false),
                new MergedConfig("db/mysql", "experiments.db", false, false),
                new MergedConfig("experiments/exp1", "experiments", true, true));
        // a # @package _global_ header puts it at the root
        file("experiments/exp2.yaml", "# @package _global_\ndefaults:\n  - base\n  - _self_\nlr: 0.5\n");
        assertThat(Hydra.compose(dir, "experiments/exp2", List.of()).toMap())
                .isEqualTo(Map.of("lr", 0.5, "epochs", 3));
    }

    @Test
    void hydraRuntimeEntriesInDefaultsListsAreLeftOut() throws Exception {
        file("config.yaml", "defaults:\n  - db: mysql\n  - override hydra/job_logging: disabled\n"
                + "  - override hydra/launcher: joblib\n  - _self_\nhydra:\n  output_subdir: null\nx: 1\n");
        file("db/mysql.yaml", "port: 3306\n");
        Composition c = composition();
        assertThat(c.config().toMap()).isEqualTo(Map.of("db", Map.of("port", 3306), "x", 1));
        assertThat(c.choices()).containsOnlyKeys("db");
    }

    @Test
    void interpolatedDefaultMustReferToAKnownChoice() throws Exception {
        file("config.yaml", "defaults:\n  - os_db: ${nope}\n");
        file("os_db/x.yaml", "a: 1\n");
        assertThatThrownBy(() -> compose()).hasMessageContaining("Error resolving interpolation '${nope}'");
    }

    @Test
    void originsSayWhichLayerWroteEachKey() throws Exception {
        file("config.yaml", "defaults:\n  - db: mysql\n  - _self_\ndb:\n  user: root\n");
        file("db/mysql.yaml", "port: 3306\nuser: admin\n");
        Composition c = composition("db.port=1");
        assertThat(c.origins()).containsEntry("db", "db/mysql.yaml").containsEntry("db.user", "config.yaml")
                .containsEntry("db.port", "override 'db.port=1'");
    }

    /**
     * Found by {@code HydraFuzzTest} in fuzzing mode (seed {@code seed-08-nul-in-a-group-option}): a group option
     * with a NUL character threw the file system's InvalidPathException; it is a missing config like any other.
     */
    @Test
    void aGroupOptionTheFileSystemCannotNameIsAMissingConfig() throws Exception {
        file("config.yaml", "x: 1\n");
        file("db/mysql.yaml", "port: 3306\n");
        assertThatThrownBy(() -> compose("+db@='q\u0000x'")).isInstanceOfSatisfying(HydraException.class,
                e -> assertThat(e.kind()).isEqualTo(HydraException.Kind.MISSING_CONFIG));
        assertThatThrownBy(() -> compose("+db='my\u0000sql'")).isInstanceOfSatisfying(HydraException.class,
                e -> assertThat(e.kind()).isEqualTo(HydraException.Kind.MISSING_CONFIG));
        assertThat(compose("+db=mysql")).containsEntry("db", Map.of("port", 3306));
    }
}
