package dev.ato.format;

import dev.ato.adict.ADict;
import dev.ato.adict.ADictFiles;
import dev.ato.adict.OnMissing;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;

/**
 * The file support behind {@link ADict}'s file methods, registered in {@code META-INF/services}. Users call
 * {@link ADict#load}, {@link ADict#dump}, {@link ADict#loadMmConfig}, {@link ADict#composeHierarchy} and
 * {@link ADict#bind}; this class only connects them to this package.
 */
public final class FormatService implements ADictFiles {

    private static final System.Logger LOG = System.getLogger(FormatService.class.getName());

    /** Called by {@link java.util.ServiceLoader}. */
    public FormatService() {
    }

    @Override
    public ADict load(Path file) {
        return FileFormat.readFile(file);
    }

    @Override
    public void dump(ADict dict, Path file) {
        FileFormat.writeFile(dict, file);
    }

    @Override
    public ADict loadMmConfig(Path file) {
        return MmConfigLoader.load(file);
    }

    @Override
    public ADict loadMmConfig(Path file, Path root) {
        return MmConfigLoader.load(file, root);
    }

    @Override
    public ADict composeHierarchy(Path root, String configFilename, Map<String, ?> select, Map<String, ?> overrides,
            Collection<String> required, OnMissing onMissing) {
        return HierarchyComposer.compose(root, configFilename, select, overrides, required, onMissing,
                message -> LOG.log(System.Logger.Level.WARNING, message));
    }

    @Override
    public <T> T bind(ADict dict, Class<T> type) {
        return Binder.bind(dict, type);
    }

    @Override
    public String toXyz(ADict dict) {
        return Xyz.dumps(dict);
    }
}
