package dev.ato.autoconfigure.scope;

import org.jspecify.annotations.Nullable;

import dev.ato.AtoConfigException;
import dev.ato.cli.CliParser;
import dev.ato.scope.ExternalProperty;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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
 * sources (application.yml and profile files, {@code --scope.key=value} options, environment variables, system
 * properties). Every source that sets a key gives one {@link ExternalProperty}, lowest precedence first, so the
 * resolution's history has one step per source and the last (Spring's winner) sets the value.
 *
 * <p>Each property is named for people: {@code application.yml:3} (file and line from Spring's {@link Origin}),
 * {@code environment variable CONFIG_LR}, {@code command-line option --config.lr}, {@code system property config.lr}.
 *
 * <p>Text values are read with the command-line literal grammar ({@code 0.1} is a number, {@code resnet} a
 * string); text that is no literal stays text. Environment variables ({@code CONFIG_BATCH_SIZE}) match a key the
 * scope already has, by Spring's relaxed rule (upper case, {@code .} and {@code -} as {@code _}). Indexed
 * properties of one source ({@code config.hidden[0]}, {@code [1]}) make one list.
 */
final class ExternalProperties {

    private static final String CLASS_PATH = "class path resource [";

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
        List<List<ExternalProperty>> bySource = new ArrayList<>();
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (LayerPropertySources.isAtoSource(source) || !(source instanceof EnumerablePropertySource<?> names)) {
                continue;
            }
            List<ExternalProperty> found = source instanceof SystemEnvironmentPropertySource
                    ? fromVariables(names, scope, knownKeys) : fromNames(names, scope);
            if (!found.isEmpty()) {
                bySource.add(found);
            }
        }
        Collections.reverse(bySource); // lowest precedence first: the Environment's winner writes last
        List<ExternalProperty> result = new ArrayList<>();
        bySource.forEach(result::addAll);
        return List.copyOf(result);
    }

    private static List<ExternalProperty> fromVariables(EnumerablePropertySource<?> source, String scope,
                                                        Collection<String> knownKeys) {
        List<ExternalProperty> result = new ArrayList<>();
        for (String key : knownKeys) {
            String variable = variable(scope, key);
            if (source.containsProperty(variable)) {
                result.add(new ExternalProperty(key, literal(source.getProperty(variable)),
                        "environment variable " + variable));
            }
        }
        return result;
    }

    private static List<ExternalProperty> fromNames(EnumerablePropertySource<?> source, String scope) {
        String prefix = scope + ".";
        Map<String, ExternalProperty> byKey = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, Object>> lists = new LinkedHashMap<>();
        Map<String, String> listNames = new LinkedHashMap<>();
        for (String name : source.getPropertyNames()) {
            if (!name.startsWith(prefix)) {
                continue;
            }
            String key = name.substring(prefix.length());
            Object value = literal(source.getProperty(name));
            Matcher indexed = INDEXED.matcher(key);
            if (indexed.matches()) {
                lists.computeIfAbsent(indexed.group(1), k -> new TreeMap<>()).put(Integer.valueOf(indexed.group(2)),
                        value);
                listNames.putIfAbsent(indexed.group(1), describe(source, name));
            } else {
                byKey.put(key, new ExternalProperty(key, value, describe(source, name)));
            }
        }
        lists.forEach((key, items) -> byKey.putIfAbsent(key,
                new ExternalProperty(key, new ArrayList<>(items.values()), listNames.get(key))));
        return new ArrayList<>(byKey.values());
    }

    /** The environment variable Spring's relaxed binding maps to {@code scope.key}. */
    static String variable(String scope, String key) {
        return (scope + "_" + key).toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /**
     * Where {@code name} of {@code source} was set, for people: a file and line, an option, a system property, or
     * else the source's name.
     */
    static String describe(PropertySource<?> source, String name) {
        if (source instanceof CommandLinePropertySource<?>) {
            return "command-line option --" + name;
        }
        if (StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME.equals(source.getName())) {
            return "system property " + name;
        }
        Origin origin = OriginLookup.getOrigin(source, name);
        if (origin instanceof TextResourceOrigin text && text.getResource() != null) {
            String file = file(text.getResource());
            return text.getLocation() == null ? file : file + ":" + (text.getLocation().getLine() + 1);
        }
        return source.getName();
    }

    /** The Spring {@link Origin} of {@code scope.key} (or of {@code path}) in the highest source that sets it. */
    static @Nullable Origin springOrigin(ConfigurableEnvironment environment, String scope, String path) {
        String name = scope + "." + path;
        String root = path.contains("[") ? path.substring(0, path.indexOf('[')) : path;
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (LayerPropertySources.isAtoSource(source)) {
                continue;
            }
            String property = source instanceof SystemEnvironmentPropertySource ? variable(scope, root) : name;
            if (source.containsProperty(property)) {
                return OriginLookup.getOrigin(source, property);
            }
        }
        return null;
    }

    /** {@code application.yml} for a class path resource, a path relative to the working directory for a file. */
    private static String file(Resource resource) {
        String description = resource.getDescription();
        if (description.startsWith(CLASS_PATH) && description.endsWith("]")) {
            return description.substring(CLASS_PATH.length(), description.length() - 1);
        }
        if (resource.isFile()) {
            try {
                Path path = resource.getFile().toPath().toAbsolutePath();
                Path here = Path.of("").toAbsolutePath();
                return path.startsWith(here) ? here.relativize(path).toString() : path.toString();
            } catch (IOException | RuntimeException e) {
                return description;
            }
        }
        return description;
    }

    private static Object literal(Object value) {
        if (!(value instanceof String text)) {
            return value;
        }
        try {
            return CliParser.parseValue(text);
        } catch (AtoConfigException notALiteral) {
            return text;
        }
    }
}
