package dev.ato.autoconfigure.scope;

import dev.ato.AtoConfigException;
import dev.ato.cli.CliParser;
import dev.ato.scope.ExternalProperty;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Step 3 of the merge order: the values for {@code <scope>.*} that the Spring Environment holds outside Ato's own
 * sources (application.yml, {@code --scope.key=value} options, environment variables), highest precedence first.
 *
 * <p>Text values are read with the command-line literal grammar ({@code 0.1} is a number, {@code resnet} a
 * string); text that is no literal stays text. Environment variables ({@code CONFIG_BATCH_SIZE}) match a key the
 * scope already has, by Spring's relaxed rule (upper case, {@code .} and {@code -} as {@code _}).
 */
final class ExternalProperties {

    private static final Pattern INDEXED = Pattern.compile("(.+)\\[(\\d+)]");

    private ExternalProperties() {
    }

    static Map<String, List<ExternalProperty>> collect(ConfigurableEnvironment environment,
                                                       Map<String, Set<String>> knownKeysByScope) {
        Map<String, List<ExternalProperty>> result = new LinkedHashMap<>();
        knownKeysByScope.forEach((scope, known) -> {
            List<ExternalProperty> found = collect(environment, scope, known);
            if (!found.isEmpty()) {
                result.put(scope, found);
            }
        });
        return result;
    }

    private static List<ExternalProperty> collect(ConfigurableEnvironment environment, String scope,
                                                  Collection<String> knownKeys) {
        Map<String, ExternalProperty> byKey = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, ExternalProperty>> lists = new LinkedHashMap<>();
        String prefix = scope + ".";
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (LayerPropertySources.isAtoSource(source) || !(source instanceof EnumerablePropertySource<?> names)) {
                continue;
            }
            if (source instanceof SystemEnvironmentPropertySource) {
                for (String key : knownKeys) {
                    String variable = (scope + "_" + key).toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
                    if (names.containsProperty(variable)) {
                        byKey.putIfAbsent(key, property(key, names.getProperty(variable), source));
                    }
                }
                continue;
            }
            for (String name : names.getPropertyNames()) {
                if (!name.startsWith(prefix)) {
                    continue;
                }
                String key = name.substring(prefix.length());
                Matcher indexed = INDEXED.matcher(key);
                if (indexed.matches()) {
                    lists.computeIfAbsent(indexed.group(1), k -> new TreeMap<>()).putIfAbsent(
                            Integer.valueOf(indexed.group(2)), property(key, source.getProperty(name), source));
                } else {
                    byKey.putIfAbsent(key, property(key, source.getProperty(name), source));
                }
            }
        }
        lists.forEach((key, items) -> {
            List<Object> values = new ArrayList<>();
            items.values().forEach(item -> values.add(item.value()));
            byKey.putIfAbsent(key, new ExternalProperty(key, values, items.firstEntry().getValue().source()));
        });
        return List.copyOf(byKey.values());
    }

    private static ExternalProperty property(String key, Object value, PropertySource<?> source) {
        return new ExternalProperty(key, value instanceof String text ? literal(text) : value, source.getName());
    }

    private static Object literal(String text) {
        try {
            return CliParser.parseValue(text);
        } catch (AtoConfigException notALiteral) {
            return text;
        }
    }
}
