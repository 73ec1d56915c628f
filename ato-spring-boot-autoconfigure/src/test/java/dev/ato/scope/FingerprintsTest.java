package dev.ato.scope;

import dev.ato.AtoConfigException;
import dev.ato.adict.ADict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Static fingerprints compiled from source variants at test time, and runtime fingerprints of results. */
class FingerprintsTest {

    private static final String ORIGINAL = """
            package demo;
            public class Step {
                public static double loss(double x, double y) {
                    double diff = x - y;
                    return diff * diff;
                }
            }
            """;

    /** The same logic with comments, blank lines, other indentation and a renamed local. */
    private static final String COSMETIC = """
            package demo;

            /** Documented now. */
            public class Step {


                // squared error
                public static double loss(double x, double y) {
                    /* the difference */ double delta = x - y;

                        return delta * delta;   // squared
                }
            }
            """;

    /** One operator changed. */
    private static final String CHANGED = """
            package demo;
            public class Step {
                public static double loss(double x, double y) {
                    double diff = x + y;
                    return diff * diff;
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void commentsBlankLinesAndLocalNamesDoNotChangeTheStaticFingerprint() throws Exception {
        String original = fingerprint(ORIGINAL, "original");
        assertThat(original).hasSize(64).matches("[0-9a-f]+");
        assertThat(fingerprint(COSMETIC, "cosmetic")).isEqualTo(original);
    }

    @Test
    void aChangeOfLogicChangesTheStaticFingerprint() throws Exception {
        assertThat(fingerprint(CHANGED, "changed")).isNotEqualTo(fingerprint(ORIGINAL, "original"));
    }

    @Test
    void runtimeFingerprintsIgnoreKeyOrderButNotValues() {
        ADict a = ADict.of(Map.of("loss", 0.5)).set("acc", 0.9);
        ADict b = new ADict().set("acc", 0.9).set("loss", 0.5);
        assertThat(Fingerprints.ofValue(a)).isEqualTo(Fingerprints.ofValue(b));
        assertThat(Fingerprints.ofValue(List.of(a))).isEqualTo(Fingerprints.ofValue(List.of(b.toMap())));
        assertThat(Fingerprints.ofValue(b.set("acc", 0.91))).isNotEqualTo(Fingerprints.ofValue(a));
    }

    @Test
    void aMethodWithoutAReadableClassFileIsAnError() throws Exception {
        Object proxy = java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Runnable.class}, (self, method, args) -> null);
        Method lambdaLike = proxy.getClass().getMethod("run"); // generated in memory: no class file to read
        assertThatThrownBy(() -> Fingerprints.ofMethod(lambdaLike)).isInstanceOf(AtoConfigException.class)
                .hasMessageContaining("cannot fingerprint");
    }

    /** Compiles {@code source} with full debug information (-g) and fingerprints {@code Step.loss}. */
    private String fingerprint(String source, String variant) throws Exception {
        Path src = dir.resolve(variant + "/src/demo/Step.java");
        Path out = dir.resolve(variant + "/classes");
        Files.createDirectories(src.getParent());
        Files.createDirectories(out);
        Files.writeString(src, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-g", "-d", out.toString(), src.toString());
        assertThat(status).as("javac exit status").isZero();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {out.toUri().toURL()}, null)) {
            Method loss = loader.loadClass("demo.Step").getMethod("loss", double.class, double.class);
            return Fingerprints.ofMethod(loss);
        }
    }

    /**
     * One-shot commands (such as {@code manual}) load Fingerprints and fingerprint methods but never values: the
     * canonical JSON mapper is built on the first {@link Fingerprints#ofValue} only, not when the class loads.
     */
    @Test
    void theCanonicalMapperIsBuiltOnFirstUseNotWhenTheClassLoads() throws Exception {
        URL[] classPath = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(entry -> {
                    try {
                        return Path.of(entry).toUri().toURL();
                    } catch (java.net.MalformedURLException e) {
                        throw new IllegalStateException(e);
                    }
                }).toArray(URL[]::new);
        try (Isolated loader = new Isolated(classPath)) {
            Class<?> fingerprints = Class.forName(Fingerprints.class.getName(), true, loader);
            assertThat(fingerprints.getClassLoader()).isSameAs(loader);
            Method ofMethod = fingerprints.getMethod("ofMethod", Method.class);
            Method ofValue = fingerprints.getMethod("ofValue", Object.class);
            ofMethod.invoke(null, ofValue);

            assertThat(loader.loaded("dev.ato.format.Mappers$Canonical")).as("mapper built before first use").isFalse();

            Object fingerprint = ofValue.invoke(null, Map.of("b", 2, "a", 1));
            assertThat(loader.loaded("dev.ato.format.Mappers$Canonical")).isTrue();
            assertThat(fingerprint).isEqualTo(Fingerprints.ofValue(Map.of("a", 1, "b", 2)));
        }
    }

    /** Loads every class itself (the platform's only from its parent) and tells which it has loaded. */
    private static final class Isolated extends URLClassLoader {
        Isolated(URL[] urls) {
            super(urls, ClassLoader.getPlatformClassLoader());
        }

        boolean loaded(String name) {
            synchronized (getClassLoadingLock(name)) {
                return findLoadedClass(name) != null;
            }
        }
    }
}
