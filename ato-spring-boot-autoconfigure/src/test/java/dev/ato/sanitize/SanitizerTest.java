package dev.ato.sanitize;

import dev.ato.adict.ADict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.ato.sanitize.Sanitizer.MASK;
import static org.assertj.core.api.Assertions.assertThat;

class SanitizerTest {

    private final Sanitizer sanitizer = Sanitizer.defaults();

    @Test
    void springsDefaultKeysAreSecretOnEverySegment() {
        assertThat(sanitizer.isSecret("db.password")).isTrue();
        assertThat(sanitizer.isSecret("client-secret")).isTrue();
        assertThat(sanitizer.isSecret("api.key")).isTrue();
        assertThat(sanitizer.isSecret("auth.refresh_token")).isTrue();
        assertThat(sanitizer.isSecret("aws.credentials.access_key_id")).isTrue();
        assertThat(sanitizer.isSecret("db.password.primary")).isTrue();
        assertThat(sanitizer.isSecret("VCAP_SERVICES")).isTrue();
        assertThat(sanitizer.isSecret("vcap.services.db.uri")).isTrue();
        assertThat(sanitizer.isSecret("CONFIG_DB_PASSWORD")).isTrue();
        assertThat(sanitizer.isSecret("keys[0].token")).isTrue();
        assertThat(sanitizer.isSecret("model.tokens[1]")).isFalse();
        assertThat(sanitizer.isSecret("model.lr")).isFalse();
        assertThat(sanitizer.isSecret("keyboard.layout")).isFalse();
        assertThat(sanitizer.isSecret("")).isFalse();
    }

    @Test
    void atosOwnKeysAreSecretToo() {
        assertThat(sanitizer.isSecret("smtp.passwd")).isTrue();
        assertThat(sanitizer.isSecret("ssh.passphrase")).isTrue();
        assertThat(sanitizer.isSecret("http.authorization")).isTrue();
        assertThat(sanitizer.isSecret("session.cookie")).isTrue();
        assertThat(sanitizer.isSecret("gcp.credential.json")).isTrue();
        assertThat(sanitizer.isSecret("db.pwd")).isTrue();
    }

    @Test
    void aSecretLeafIsMaskedAndOtherValuesShow() {
        assertThat(sanitizer.value("db.password", "hunter2")).isEqualTo(MASK);
        assertThat(sanitizer.value("db.password", 1234)).isEqualTo(MASK);
        assertThat(sanitizer.value("db.password", null)).isNull();
        assertThat(sanitizer.value("model.lr", 0.1)).isEqualTo(0.1);
        assertThat(sanitizer.value("model.name", "resnet")).isEqualTo("resnet");
    }

    @Test
    void aSecretParentMasksEveryLeafButKeepsTheKeys() {
        ADict config = ADict.auto().set("aws.credentials.access_key_id", "AKIA123")
                .set("aws.credentials.region", "eu").set("aws.bucket", "b")
                .set("db.tokens", List.of("t1", "t2")).set("db.password", List.of("p1", "p2"));
        ADict shown = sanitizer.config(config);
        assertThat(shown.get("aws.credentials.access_key_id")).isEqualTo(MASK);
        assertThat(shown.get("aws.credentials.region")).isEqualTo(MASK);
        assertThat(shown.get("aws.bucket")).isEqualTo("b");
        assertThat(shown.get("db.tokens")).isEqualTo(List.of("t1", "t2"));
        assertThat(shown.get("db.password")).isEqualTo(List.of(MASK, MASK));
        assertThat(shown.keySet()).containsExactly("aws", "db");
        assertThat(config.get("aws.credentials.access_key_id")).as("the original is untouched").isEqualTo("AKIA123");
    }

    @Test
    void secretsAreMaskedAtEveryDepthOfNestedMapsAndLists() {
        Map<String, Object> tree = Map.of("a", Map.of("b", Map.of("c", List.of(Map.of("api_key", "k", "n", 1)))),
                "secret", Map.of("x", Map.of("y", "z")));
        Map<String, Object> shown = sanitizer.map(tree);
        assertThat(shown).isEqualTo(Map.of("a", Map.of("b", Map.of("c", List.of(Map.of("api_key", MASK, "n", 1)))),
                "secret", Map.of("x", Map.of("y", MASK))));
        assertThat(sanitizer.map("db", Map.of("password", "p", "host", "h")))
                .isEqualTo(Map.of("password", MASK, "host", "h"));
        assertThat(sanitizer.map("credentials", Map.of("user", "u"))).isEqualTo(Map.of("user", MASK));
        assertThat(sanitizer.map(Map.of("train.db.password", "p", "train.lr", 0.1)))
                .isEqualTo(Map.of("train.db.password", MASK, "train.lr", 0.1));
        assertThat(sanitizer.value("db", ADict.auto().set("password", "p").set("host", "h")))
                .isEqualTo(ADict.auto().set("password", MASK).set("host", "h"));
    }

    @Test
    void textsThatQuoteSecretValuesAreMasked() {
        assertThat(sanitizer.text("command-line literal #0 'db.password=hunter2'"))
                .isEqualTo("command-line literal #0 'db.password=" + MASK + "'");
        assertThat(sanitizer.text("command-line literal #3 'db.password=\"two words\"'"))
                .isEqualTo("command-line literal #3 'db.password=\"" + MASK + "\"'");
        assertThat(sanitizer.text("command-line literal #1 'lr=0.1'")).isEqualTo("command-line literal #1 'lr=0.1'");
        assertThat(sanitizer.text("dev.ato.App --config.api.token=abc -Dx.secret=s --lr=0.1 train"))
                .isEqualTo("dev.ato.App --config.api.token=" + MASK + " -Dx.secret=" + MASK + " --lr=0.1 train");
        assertThat(sanitizer.text("jdbc:postgresql://h/db?user=app&password=pw&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=app&password=" + MASK + "&ssl=true");
        assertThat(sanitizer.text("postgres://app:pw@db:5432/x")).isEqualTo("postgres://app:" + MASK + "@db:5432/x");
        assertThat(sanitizer.text("{\"token\":\"abc\",\"n\":1}")).isEqualTo("{\"token\":\"" + MASK + "\",\"n\":1}");
        assertThat(sanitizer.text("password: hunter2 at line 3")).isEqualTo("password: " + MASK + " at line 3");
        assertThat(sanitizer.text("{db.password=p, lr=0.1}")).isEqualTo("{db.password=" + MASK + ", lr=0.1}");
        assertThat(sanitizer.text("Config resource 'class path resource [application.yml]' via location "
                + "'optional:classpath:/'")).isEqualTo("Config resource 'class path resource [application.yml]' "
                + "via location 'optional:classpath:/'");
        assertThat(sanitizer.text(null)).isNull();
    }

    @Test
    void anErrorMessageQuotingASecretValueWithoutItsKeyIsMaskedGivenTheConfig() {
        ADict config = ADict.auto().set("db.password", "hunter2").set("lr", 0.1);
        assertThat(sanitizer.text("cannot parse 'hunter2' as a number", config))
                .isEqualTo("cannot parse '" + MASK + "' as a number");
        assertThat(sanitizer.text("lr is 0.1", config)).isEqualTo("lr is 0.1");
    }

    @Test
    void textValuesHaveTheirQuotedSecretsMasked() {
        assertThat(sanitizer.value("sun.java.command", "app.jar --db.password=x --lr=1"))
                .isEqualTo("app.jar --db.password=" + MASK + " --lr=1");
        assertThat(sanitizer.value("data.url", "https://u:pw@host/x")).isEqualTo("https://u:" + MASK + "@host/x");
    }

    @Test
    void hidingValuesMasksEveryValueAndEveryAssignmentInTexts() {
        Sanitizer hidden = sanitizer.hidingValues();
        assertThat(hidden.showsValues()).isFalse();
        assertThat(hidden.value("model.lr", 0.1)).isEqualTo(MASK);
        assertThat(hidden.value("model.lr", null)).isNull();
        assertThat(hidden.config(ADict.auto().set("a.b", 1))).isEqualTo(ADict.auto().set("a.b", MASK));
        assertThat(hidden.text("command-line literal #0 'lr=0.1'")).isEqualTo("command-line literal #0 'lr=" + MASK + "'");
        assertThat(hidden.showingValues(true).value("model.lr", 0.1)).isEqualTo(0.1);
        assertThat(sanitizer.showingValues(false).value("model.lr", 0.1)).isEqualTo(MASK);
    }

    @Test
    void extraKeyPatternsAndRulesApplyAfterTheDefaults() {
        Sanitizer custom = Sanitizer.of(List.of("ssn|iban"),
                List.of((key, value) -> key.endsWith("email") ? "<hidden>" : value,
                        (key, value) -> key.endsWith("email") ? "never reached" : value));
        assertThat(custom.isSecret("customer.IBAN")).isTrue();
        assertThat(custom.value("customer.ssn.last4", "1234")).isEqualTo(MASK);
        assertThat(custom.value("customer.email", "a@b.c")).isEqualTo("<hidden>");
        assertThat(custom.value("customer.password", "p")).isEqualTo(MASK);
        assertThat(custom.value("customer.name", "n")).isEqualTo("n");
        assertThat(custom.config(ADict.auto().set("x.email", "e")).get("x.email")).isEqualTo("<hidden>");
    }
}
