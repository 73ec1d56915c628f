package dev.ato.autoconfigure.scope;

import org.jspecify.annotations.Nullable;

import dev.ato.AtoConfigException;
import dev.ato.adict.ADict;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.type.MethodMetadata;
import org.springframework.util.ReflectionUtils;

import java.lang.annotation.Annotation;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The rule for classes holding {@code @AtoObserve} / {@code @AtoManual} methods. Their views resolve the
 * configuration that beans are built from, so they run before any ordinary bean exists: Ato creates the instance
 * itself with the no-argument constructor, and the class may not ask for injected collaborators.
 */
final class ViewComponentRules {

    private static final String RULE = "views run before any bean exists, so a class with @AtoObserve or @AtoManual"
            + " methods needs a no-argument constructor and no injected fields; read what a view needs from its ADict";

    private ViewComponentRules() {
    }

    /** Checks {@code type} and returns the instance its instance methods run on ({@code null} if all are static). */
    static @Nullable Object check(Class<?> type, List<MethodMetadata> methods) {
        for (MethodMetadata method : methods) {
            checkSignature(type, method);
        }
        if (methods.stream().allMatch(MethodMetadata::isStatic)) {
            return null;
        }
        checkNoInjection(type);
        return instantiate(type);
    }

    private static void checkSignature(Class<?> type, MethodMetadata metadata) {
        Method method = ReflectionUtils.findMethod(type, metadata.getMethodName(), ADict.class);
        if (method == null || method.getReturnType() != void.class) {
            throw broken(type, "method " + metadata.getMethodName() + " must be declared as `void "
                    + metadata.getMethodName() + "(ADict config)`");
        }
    }

    private static void checkNoInjection(Class<?> type) {
        if (Modifier.isAbstract(type.getModifiers()) || (type.isMemberClass()
                && !Modifier.isStatic(type.getModifiers()))) {
            throw broken(type, "it is abstract or a non-static inner class, so Ato cannot create it");
        }
        Stream<AccessibleObject> members = Stream.of(type.getDeclaredFields(), type.getDeclaredMethods(),
                type.getDeclaredConstructors()).flatMap(Arrays::stream);
        members.filter(ViewComponentRules::isInjectionPoint).findFirst().ifPresent(member -> {
            throw broken(type, "it asks for injection at " + member);
        });
    }

    private static boolean isInjectionPoint(AccessibleObject member) {
        return Stream.of(member.getAnnotations()).map(Annotation::annotationType).anyMatch(annotation ->
                annotation == Autowired.class || annotation == Value.class
                        || annotation.getName().equals("jakarta.inject.Inject")
                        || annotation.getName().equals("jakarta.annotation.Resource"));
    }

    private static Object instantiate(Class<?> type) {
        Constructor<?> constructor;
        try {
            constructor = type.getDeclaredConstructor();
        } catch (NoSuchMethodException e) {
            String found = Stream.of(type.getDeclaredConstructors())
                    .map(c -> "(" + Stream.of(c.getParameterTypes()).map(Class::getSimpleName)
                            .collect(Collectors.joining(", ")) + ")")
                    .collect(Collectors.joining(", "));
            throw broken(type, "its constructors take " + found);
        }
        try {
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw broken(type, "its no-argument constructor failed: " + cause);
        }
    }

    private static AtoConfigException broken(Class<?> type, String problem) {
        return new AtoConfigException("Ato component " + type.getName() + " breaks the rule: " + problem + "; "
                + RULE + " (docs/spring.md, \"Writing @AtoObserve components\")");
    }
}
