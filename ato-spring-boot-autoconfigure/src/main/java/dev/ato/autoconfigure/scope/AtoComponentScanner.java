package dev.ato.autoconfigure.scope;

import dev.ato.adict.ADict;
import dev.ato.autoconfigure.AtoManual;
import dev.ato.autoconfigure.AtoObserve;
import dev.ato.autoconfigure.AtoScope;
import dev.ato.autoconfigure.AtoTrace;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.MethodMetadata;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import java.lang.reflect.Method;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Finds the {@code @AtoObserve}, {@code @AtoManual} and {@code @AtoTrace} methods in the application's packages by
 * reading class files
 * (no class is initialised for the search), then checks each class against the rules for code that runs before
 * beans exist ({@link ViewComponentRules}).
 *
 * <p>Order is deterministic, because default views count as requested in registration order: classes by name,
 * methods in declaration order (class-file order, which javac keeps).
 */
final class AtoComponentScanner {

    private final ClassLoader classLoader;

    AtoComponentScanner(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    List<ViewMethod> scan(Collection<String> packages) {
        return discover(packages).views();
    }

    /** The view and manual methods, and the {@code @AtoTrace} methods, of the classes in {@code packages}. */
    Discovery discover(Collection<String> packages) {
        return discover(packages, reader -> { });
    }

    /** Like {@link #discover(Collection)}; {@code everyClass} sees every class file read on the way. */
    Discovery discover(Collection<String> packages, Consumer<MetadataReader> everyClass) {
        Map<String, AnnotationMetadata> classes = new TreeMap<>();
        Scanner scanner = new Scanner(classes, everyClass);
        packages.forEach(scanner::findCandidateComponents);
        List<ViewMethod> views = new ArrayList<>();
        List<TracedMethod> traces = new ArrayList<>();
        for (AnnotationMetadata metadata : classes.values()) {
            if (metadata.hasAnnotatedMethods(AtoObserve.class.getName())
                    || metadata.hasAnnotatedMethods(AtoManual.class.getName())) {
                views.addAll(methodsOf(metadata));
            }
            traces.addAll(tracesOf(metadata));
        }
        return new Discovery(views, traces);
    }

    private List<TracedMethod> tracesOf(AnnotationMetadata metadata) {
        Class<?> type = ClassUtils.resolveClassName(metadata.getClassName(), classLoader);
        List<TracedMethod> result = new ArrayList<>();
        for (MethodMetadata traced : metadata.getAnnotatedMethods(AtoTrace.class.getName())) {
            Method method = Arrays.stream(type.getDeclaredMethods())
                    .filter(m -> m.getName().equals(traced.getMethodName()) && m.isAnnotationPresent(AtoTrace.class))
                    .findFirst().orElseThrow();
            String id = method.getAnnotation(AtoTrace.class).value();
            result.add(new TracedMethod(id.isEmpty() ? type.getSimpleName() + "." + method.getName() : id, method));
        }
        return result;
    }

    /** What the search found. */
    record Discovery(List<ViewMethod> views, List<TracedMethod> traces) {
    }

    /** An {@code @AtoTrace} method and its trace id. */
    record TracedMethod(String traceId, Method method) {
    }

    private List<ViewMethod> methodsOf(AnnotationMetadata metadata) {
        Class<?> type = ClassUtils.resolveClassName(metadata.getClassName(), classLoader);
        String classScope = metadata.isAnnotated(AtoScope.class.getName())
                ? type.getAnnotation(AtoScope.class).value() : AtoScope.DEFAULT_SCOPE;
        List<MethodMetadata> annotated = new ArrayList<>(metadata.getAnnotatedMethods(AtoObserve.class.getName()));
        metadata.getAnnotatedMethods(AtoManual.class.getName()).stream()
                .filter(m -> !annotated.contains(m)).forEach(annotated::add);
        Object target = ViewComponentRules.check(type, annotated);
        List<ViewMethod> result = new ArrayList<>();
        for (MethodMetadata methodMetadata : annotated) {
            Method method = ReflectionUtils.findMethod(type, methodMetadata.getMethodName(), ADict.class);
            method.setAccessible(true);
            Object instance = methodMetadata.isStatic() ? null : target;
            AtoObserve observe = method.getAnnotation(AtoObserve.class);
            if (observe != null) {
                String name = observe.name().isEmpty() ? method.getName() : observe.name();
                result.add(new ViewMethod(scopeOf(observe.scope(), classScope), name, ViewSpec.of(observe),
                        instance, method));
            }
            AtoManual manual = method.getAnnotation(AtoManual.class);
            if (manual != null) {
                result.add(new ViewMethod(scopeOf(manual.scope(), classScope), null, null, instance, method));
            }
        }
        return result;
    }

    private static String scopeOf(String declared, String classScope) {
        return AtoScope.DEFAULT_SCOPE.equals(declared) ? classScope : declared;
    }

    /** Spring's class-file scanner, keeping every concrete class that declares an Ato method or {@code @AtoScope}. */
    private final class Scanner extends ClassPathScanningCandidateComponentProvider {

        private final Map<String, AnnotationMetadata> found;
        private final Consumer<MetadataReader> everyClass;

        Scanner(Map<String, AnnotationMetadata> found, Consumer<MetadataReader> everyClass) {
            super(false);
            this.found = found;
            this.everyClass = everyClass;
            setResourceLoader(new DefaultResourceLoader(classLoader));
            addIncludeFilter((reader, factory) -> {
                everyClass.accept(reader);
                return declaresAtoMethods(reader);
            });
        }

        private boolean declaresAtoMethods(MetadataReader reader) {
            AnnotationMetadata metadata = reader.getAnnotationMetadata();
            boolean relevant = metadata.hasAnnotatedMethods(AtoObserve.class.getName())
                    || metadata.hasAnnotatedMethods(AtoManual.class.getName())
                    || metadata.hasAnnotatedMethods(AtoTrace.class.getName());
            if (relevant) {
                found.put(metadata.getClassName(), metadata);
            }
            return relevant;
        }

        /** Every class with Ato methods counts, abstract or not: the rules give the clear error later. */
        @Override
        protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
            return true;
        }
    }
}
