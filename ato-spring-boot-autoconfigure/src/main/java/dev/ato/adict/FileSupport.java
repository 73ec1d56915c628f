package dev.ato.adict;

import dev.ato.AtoConfigException;

import java.util.Iterator;
import java.util.Optional;
import java.util.ServiceLoader;

/** The one {@link ADictFiles} on the class path, looked up once, on first use. */
final class FileSupport {

    private FileSupport() {
    }

    private static final class Holder {
        static final Optional<ADictFiles> FILES = lookUp();

        private static Optional<ADictFiles> lookUp() {
            Iterator<ADictFiles> found = ServiceLoader.load(ADictFiles.class, ADict.class.getClassLoader()).iterator();
            return found.hasNext() ? Optional.of(found.next()) : Optional.empty();
        }
    }

    /** The implementation, or an error saying which module is missing. */
    static ADictFiles files() {
        return Holder.FILES.orElseThrow(() -> new AtoConfigException("no ADict file support on the class path:"
                + " add the dev.ato.format package (ato-spring-boot-autoconfigure) to read and write config files"));
    }

    static Optional<ADictFiles> filesIfPresent() {
        return Holder.FILES;
    }
}
