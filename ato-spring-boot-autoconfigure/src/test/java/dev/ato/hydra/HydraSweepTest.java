package dev.ato.hydra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The override grammar's functions in a composition, and sweeps read as Hydra's basic sweeper reads them. */
class HydraSweepTest {

    @TempDir
    Path dir;

    private Map<String, Object> compose(String... overrides) throws Exception {
        Files.writeString(dir.resolve("config.yaml"), "x: 0\n");
        return Hydra.compose(dir, "config", List.of(overrides)).toMap();
    }

    @Test
    void castsAndSortInAComposition() throws Exception {
        assertThat(compose("x=int(3.7)").get("x")).isEqualTo(3);
        assertThat(compose("x=int('42')").get("x")).isEqualTo(42);
        assertThat(compose("x=float(1)").get("x")).isEqualTo(1.0);
        assertThat(compose("x=str(true)").get("x")).isEqualTo("true");
        assertThat(compose("x=str(1.5)").get("x")).isEqualTo("1.5");
        assertThat(compose("x=bool('TRUE')").get("x")).isEqualTo(true);
        assertThat(compose("x=int([1.5, '2'])").get("x")).isEqualTo(List.of(1, 2));
        assertThat(compose("x=str({a: 1})").get("x")).isEqualTo(Map.of("a", "1"));
        assertThat(compose("x=sort([3, 1, 2])").get("x")).isEqualTo(List.of(1, 2, 3));
        assertThat(compose("x=sort(list=[b, a], reverse=true)").get("x")).isEqualTo(List.of("b", "a"));
        assertThat(compose("x=float(value=2)").get("x")).isEqualTo(2.0);
    }

    @Test
    void functionErrorsNameTheOverrideAndPosition() throws Exception {
        assertThatThrownBy(() -> compose("x=int(abc)")).isInstanceOf(HydraException.class)
                .hasMessageContaining("invalid literal for int()").hasMessageContaining("x=int(abc)")
                .hasMessageContaining("position 2");
        assertThatThrownBy(() -> compose("x=bool(maybe)")).hasMessageContaining("Cannot cast 'maybe' to bool");
        assertThatThrownBy(() -> compose("x=shuffle([1, 2])")).hasMessageContaining("at random");
        assertThatThrownBy(() -> compose("x=nope(1)")).hasMessageContaining("unknown function 'nope'");
        assertThatThrownBy(() -> compose("x=int(1")).hasMessageContaining("Expected ',' or ')' in the call of int()");
        assertThatThrownBy(() -> compose("x=[choice(1, 2)]")).hasMessageContaining("cannot be nested");
        assertThatThrownBy(() -> compose("x=sort([1, a])")).hasMessageContaining("'<' not supported");
    }

    @Test
    void aSweepGivenToACompositionFails() throws Exception {
        for (String sweep : List.of("x=1,2", "x=choice(1,2)", "x=range(3)", "x=glob(*)", "x=interval(0,1)")) {
            assertThatThrownBy(() -> compose(sweep)).as(sweep).isInstanceOf(HydraException.class)
                    .hasMessageContaining("Sweep override '" + sweep + "' is not supported");
        }
    }

    /**
     * Found by {@code HydraFuzzTest} (seeds {@code seed-11-null-in-a-choice}, {@code seed-07-null-in-a-choice}):
     * a choice holding {@code null} threw a NullPointerException from {@code List.copyOf}; Hydra sweeps over None.
     */
    @Test
    void aChoiceMayHoldNull() throws Exception {
        for (String sweep : List.of("x=1,null", "x=null,post", "x=choice(null,2)")) {
            assertThatThrownBy(() -> compose(sweep)).as(sweep).isInstanceOf(HydraException.class)
                    .hasMessageContaining("Sweep override '" + sweep + "' is not supported");
        }
        HydraSweep sweep = HydraSweep.parse(List.of("x=1,null", "y=choice(null,b)"));
        assertThat(sweep.axes().get("x")).containsExactly(1, null);
        assertThat(sweep.axes().get("y")).containsExactly(null, "b");
        assertThat(sweep.jobs()).hasSize(4);
        assertThat(sweep.jobs().get(1)).containsExactly("x=1", "y=b");
    }

    @Test
    void basicSweeperGrammarBecomesAxesAndJobs() throws Exception {
        HydraSweep sweep = HydraSweep.parse(List.of("lr=0.1,0.01", "db=mysql", "+seed=range(1,4)",
                "model=choice(a,b)", "bs=sort(64,16,32)", "w=str(range(1, 3))", "f=range(0, 0.3, 0.1)"));
        assertThat(sweep.overrides()).containsExactly("db=mysql");
        assertThat(sweep.axes()).containsExactly(
                Map.entry("lr", List.of(0.1, 0.01)),
                Map.entry("seed", List.of(1, 2, 3)),
                Map.entry("model", List.of("a", "b")),
                Map.entry("bs", List.of(16, 32, 64)),
                Map.entry("w", List.of("1", "2")),
                // Hydra's float range is exact decimal arithmetic on the floats' binary values
                Map.entry("f", List.of(0.0, 0.1, 0.2)));
        assertThat(sweep.size()).isEqualTo(2L * 3 * 2 * 3 * 2 * 3);
        List<List<String>> jobs = sweep.jobs();
        assertThat(jobs).hasSize(216);
        assertThat(jobs.get(0)).containsExactly("db=mysql", "lr=0.1", "+seed=1", "model=a", "bs=16", "w='1'",
                "f=0.0");
        assertThat(jobs.get(1)).containsExactly("db=mysql", "lr=0.1", "+seed=1", "model=a", "bs=16", "w='1'",
                "f=0.1");
        assertThat(jobs.get(215)).containsExactly("db=mysql", "lr=0.01", "+seed=3", "model=b", "bs=64", "w='2'",
                "f=0.2");
    }

    @Test
    void globSelectsAmongTheGroupsOptions() throws Exception {
        Files.createDirectories(dir.resolve("model"));
        for (String m : List.of("resnet18", "resnet50", "vit", "resnet_old")) {
            Files.writeString(dir.resolve("model/" + m + ".yaml"), "name: " + m + "\n");
        }
        HydraSweep sweep = HydraSweep.parse(List.of("model=glob(resnet*,exclude=*_old)"), dir);
        assertThat(sweep.axes().get("model")).containsExactly("resnet18", "resnet50");
        assertThat(HydraSweep.parse(List.of("model=glob([vit, 'resnet?0'])"), dir).axes().get("model"))
                .containsExactly("resnet50", "vit");
        assertThatThrownBy(() -> HydraSweep.parse(List.of("model=glob(*)"))).hasMessageContaining("give the config"
                + " dir");
    }

    @Test
    void jobsComposeAsHydraWouldRunThem() throws Exception {
        Files.writeString(dir.resolve("config.yaml"), "defaults:\n  - model: a\n  - _self_\nlr: 0.1\n");
        Files.createDirectories(dir.resolve("model"));
        Files.writeString(dir.resolve("model/a.yaml"), "depth: 1\n");
        Files.writeString(dir.resolve("model/b.yaml"), "depth: 2\n");
        HydraSweep sweep = HydraSweep.parse(List.of("model=a,b", "lr=0.5,'x y'"));
        List<Map<String, Object>> configs = sweep.jobs().stream()
                .map(job -> Hydra.compose(dir, "config", job).toMap()).toList();
        assertThat(configs).containsExactly(
                Map.of("model", Map.of("depth", 1), "lr", 0.5), Map.of("model", Map.of("depth", 1), "lr", "x y"),
                Map.of("model", Map.of("depth", 2), "lr", 0.5), Map.of("model", Map.of("depth", 2), "lr", "x y"));
    }

    @Test
    void whatAGridCannotHold() {
        assertThatThrownBy(() -> HydraSweep.parse(List.of("lr=interval(0.1, 1.0)")))
                .hasMessageContaining("continuous range");
        assertThatThrownBy(() -> HydraSweep.parse(List.of("lr=shuffle(1,2)"))).hasMessageContaining("at random");
        assertThatThrownBy(() -> HydraSweep.parse(List.of("lr=1,2", "lr=3,4"))).hasMessageContaining("swept twice");
        assertThatThrownBy(() -> HydraSweep.parse(List.of("x=range(0, 10000000000)")))
                .hasMessageContaining("ato.limits.max-expansion");
    }
}
