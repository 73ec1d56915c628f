package dev.ato.autoconfigure.observe;

import dev.ato.autoconfigure.scope.AtoScopes;
import dev.ato.scope.Resolution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * {@code /actuator/info}'s {@code ato} entry: Ato's version, and per scope its structural hash and applied views
 * (names only: no value leaves through it).
 */
final class AtoInfoContributor implements InfoContributor {

    private final ObjectProvider<AtoScopes> scopes;

    AtoInfoContributor(ObjectProvider<AtoScopes> scopes) {
        this.scopes = scopes;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> ato = new LinkedHashMap<>();
        ato.put("version", version());
        Map<String, Object> byScope = new LinkedHashMap<>();
        scopes.ifAvailable(all -> all.resolutions().forEach((name, resolution) ->
                byScope.put(name, describe(resolution))));
        ato.put("scopes", byScope);
        builder.withDetail("ato", ato);
    }

    private static Map<String, Object> describe(Resolution resolution) {
        Map<String, Object> scope = new LinkedHashMap<>();
        scope.put("structuralHash", resolution.config().structuralHash());
        scope.put("views", resolution.appliedViews().stream().map(view -> view.name()).toList());
        return scope;
    }

    /** The version the build wrote into {@code ato-version.properties}. */
    static String version() {
        try (InputStream in = AtoInfoContributor.class.getResourceAsStream("ato-version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
