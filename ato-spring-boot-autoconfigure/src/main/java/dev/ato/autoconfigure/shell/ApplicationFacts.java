package dev.ato.autoconfigure.shell;

import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Profile;
import org.springframework.context.annotation.PropertySource;
import org.springframework.context.annotation.PropertySources;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.MethodMetadata;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What the application's own class files say about answering a command before the context exists, read from the
 * class files the view scan reads anyway (no class is loaded): its {@code @Command} classes, and the first reason,
 * if any, why only the context can give the right answer — a bean that sanitizes (a {@code Sanitizer}, a
 * {@code Sanitizer.Rule}, a {@code SanitizingFunction}), a {@code @PropertySource} (a layer the context adds), a
 * programmatic Shell command, or a {@code @Command} class that is conditional or no scanned component — and whether
 * it defines a database of its own (a {@code DataSource} or JDBC connection details), which the {@code runs}
 * commands would read instead of the embedded default.
 */
final class ApplicationFacts {

    /** The types whose beans change what a command may print. */
    private static final Set<String> SANITIZING = Set.of("dev.ato.sanitize.Sanitizer",
            "dev.ato.sanitize.Sanitizer$Rule", "org.springframework.boot.actuate.endpoint.SanitizingFunction");

    /** The types whose beans are commands without a {@code @Command} declaration. */
    private static final Set<String> PROGRAMMATIC_COMMANDS = Set.of("org.springframework.shell.core.command.Command",
            "org.springframework.shell.core.command.AbstractCommand");

    /** The types whose beans replace the embedded tracker database. */
    private static final Set<String> DATABASE = Set.of("javax.sql.DataSource",
            "org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails");

    private final List<String> commandClasses = new ArrayList<>();
    private @Nullable String standAside;
    private @Nullable String ownDatabase;

    /** Takes the facts of one class file. */
    void read(MetadataReader reader) {
        AnnotationMetadata metadata = reader.getAnnotationMetadata();
        String name = metadata.getClassName();
        if (Arrays.stream(metadata.getInterfaceNames()).anyMatch(SANITIZING::contains)) {
            standAside(name + " sanitizes values");
        }
        if (Arrays.stream(metadata.getInterfaceNames()).anyMatch(PROGRAMMATIC_COMMANDS::contains)
                || metadata.hasSuperClass() && PROGRAMMATIC_COMMANDS.contains(metadata.getSuperClassName())) {
            standAside(name + " is a programmatic command");
        }
        if (metadata.isAnnotated(PropertySource.class.getName())
                || metadata.isAnnotated(PropertySources.class.getName())) {
            standAside(name + " declares a @PropertySource");
        }
        if (Arrays.stream(metadata.getInterfaceNames()).anyMatch(DATABASE::contains)) {
            ownDatabase(name + " is a DataSource");
        }
        for (MethodMetadata method : metadata.getAnnotatedMethods(Bean.class.getName())) {
            String type = method.getReturnTypeName();
            if (DATABASE.contains(type) || type.endsWith("DataSource")) {
                ownDatabase(name + "." + method.getMethodName() + " defines a " + type);
            }
            if (SANITIZING.contains(method.getReturnTypeName())
                    || PROGRAMMATIC_COMMANDS.contains(method.getReturnTypeName())) {
                standAside(name + "." + method.getMethodName() + " defines a " + method.getReturnTypeName());
            }
        }
        if (metadata.hasAnnotatedMethods(Command.class.getName())) {
            if (!metadata.isConcrete() || !metadata.isAnnotated(Component.class.getName())) {
                standAside(name + " declares commands but is no scanned component");
            } else if (metadata.isAnnotated(Conditional.class.getName())
                    || metadata.isAnnotated(Profile.class.getName())) {
                standAside(name + " declares commands under a condition");
            } else {
                commandClasses.add(name);
            }
        }
    }

    private void ownDatabase(String reason) {
        if (ownDatabase == null) {
            ownDatabase = reason;
        }
    }

    /** Why the tracker's database is the application's own, or {@code null} when its classes define none. */
    @Nullable String ownDatabase() {
        return ownDatabase;
    }

    private void standAside(String reason) {
        if (standAside == null) {
            standAside = reason;
        }
    }

    /** The application's {@code @Command} classes, in the order they were read. */
    List<String> commandClasses() {
        return List.copyOf(commandClasses);
    }

    /** Why the context must answer, or {@code null} when the class files leave nothing to it. */
    @Nullable String standAside() {
        return standAside;
    }
}
