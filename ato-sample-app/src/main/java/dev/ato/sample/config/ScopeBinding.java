package dev.ato.sample.config;

import dev.ato.AtoConfigException;
import dev.ato.scope.Resolution;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds a {@code @ConfigurationProperties} record to a scope's resolution with Spring Boot's own binder, so a
 * command's resolution (its views and literals) is typed by the same relaxed rules as the start-up Environment.
 */
final class ScopeBinding {

    private ScopeBinding() {
    }

    /** The record {@code type}, bound from the resolution of the scope its {@code @ConfigurationProperties} names. */
    static <T> T bind(Map<String, Resolution> resolutions, Class<T> type) {
        String scope = type.getAnnotation(ConfigurationProperties.class).value();
        Resolution resolution = resolutions.get(scope);
        if (resolution == null) {
            throw new AtoConfigException("no scope '" + scope + "' to bind " + type.getSimpleName() + " from; scopes: "
                    + resolutions.keySet());
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        flatten(scope, resolution.config().toMap(), properties);
        try {
            return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate(scope, type);
        } catch (BindException e) {
            String value = e.getProperty() == null ? "(missing)" : "'" + e.getProperty().getValue() + "'";
            throw new AtoConfigException(e.getName() + " = " + value + " is not a valid "
                    + e.getTarget().getType() + " for " + type.getSimpleName() + " ('manual' lists the keys)", e);
        }
    }

    private static void flatten(String prefix, Object value, Map<String, Object> out) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> flatten(prefix + "." + key, child, out));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(prefix + "[" + i + "]", list.get(i), out);
            }
        } else if (value != null) {
            out.put(prefix, value);
        }
    }
}
