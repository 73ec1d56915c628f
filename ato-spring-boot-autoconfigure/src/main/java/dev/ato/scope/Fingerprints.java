package dev.ato.scope;

import org.jspecify.annotations.Nullable;

import dev.ato.AtoConfigException;
import dev.ato.adict.ADict;
import dev.ato.format.Mappers;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fingerprints for reproducibility, stored by the tracker: a static one of a method's logic and a runtime one
 * of a result.
 */
public final class Fingerprints {

    private Fingerprints() {
    }

    /**
     * SHA-256 (hex) of {@code method}'s bytecode without debug information: line numbers, local variable names
     * and the source file attribute are dropped (as are annotations and parameter names), and the method is
     * re-encoded alone under a fixed name, so a comment, a blank line or a renamed local does not change it and a
     * change of logic does.
     *
     * @throws AtoConfigException when the class file of the method's class cannot be read
     */
    public static String ofMethod(Method method) {
        Class<?> owner = method.getDeclaringClass();
        String resource = owner.getName().substring(owner.getName().lastIndexOf('.') + 1) + ".class";
        byte[] bytes;
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new AtoConfigException("cannot fingerprint " + owner.getName() + "." + method.getName()
                        + ": its class file " + resource + " is not readable from its class loader");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new AtoConfigException("cannot read the class file of " + owner.getName() + ": " + e.getMessage(), e);
        }
        String descriptor = Type.getMethodDescriptor(method);
        MethodCopier copier = new MethodCopier(method.getName(), descriptor);
        new ClassReader(bytes).accept(copier, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        if (!copier.found) {
            throw new AtoConfigException("method " + method.getName() + descriptor + " not found in the class file of "
                    + owner.getName());
        }
        return sha256(copier.writer.toByteArray());
    }

    /**
     * SHA-256 (hex) of the canonical JSON of {@code value}: map keys and bean properties sorted, ADicts as maps,
     * so equal results give equal fingerprints whatever their insertion order. The mapper is built on the first
     * call, not when this class loads: one-shot commands load this class and never fingerprint a value.
     */
    public static String ofValue(Object value) {
        return sha256(Mappers.canonicalJson().writeValueAsString(canonical(value)).getBytes(StandardCharsets.UTF_8));
    }

    private static Object canonical(Object value) {
        if (value instanceof ADict dict) {
            return dict.toMap();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((k, v) -> result.put(String.valueOf(k), canonical(v)));
            return result;
        }
        if (value instanceof List<?> list) {
            List<Object> result = new ArrayList<>(list.size());
            list.forEach(item -> result.add(canonical(item)));
            return result;
        }
        return value;
    }

    /**
     * Copies one method, without annotations and parameter names, into a class of its own under a fixed name, so
     * its constant pool holds only what the method uses, in the order it uses it.
     */
    private static final class MethodCopier extends ClassVisitor {

        final ClassWriter writer = new ClassWriter(0);
        private final String name;
        private final String descriptor;
        boolean found;

        MethodCopier(String name, String descriptor) {
            super(Opcodes.ASM9);
            this.name = name;
            this.descriptor = descriptor;
            writer.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC, "Fingerprint", null, "java/lang/Object", null);
        }

        @Override
        public @Nullable MethodVisitor visitMethod(int access, String methodName, String methodDescriptor, String signature,
                                         String[] exceptions) {
            if (found || !methodName.equals(name) || !methodDescriptor.equals(descriptor)) {
                return null;
            }
            found = true;
            MethodVisitor target = writer.visitMethod(access, "fingerprint", methodDescriptor, signature, exceptions);
            return new MethodVisitor(Opcodes.ASM9, target) {
                @Override
                public @Nullable AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    return null;
                }

                @Override
                public @Nullable AnnotationVisitor visitParameterAnnotation(int parameter, String annotation, boolean visible) {
                    return null;
                }

                @Override
                public @Nullable AnnotationVisitor visitTypeAnnotation(int typeRef, org.objectweb.asm.TypePath typePath,
                                                             String annotation, boolean visible) {
                    return null;
                }

                @Override
                public void visitParameter(String parameterName, int access) {
                    // parameter names are debug information too
                }
            };
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
