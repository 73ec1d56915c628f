package dev.ato.autoconfigure;

import dev.ato.AtoConfigException;
import dev.ato.adict.Limits;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Installs {@code ato.limits.*} as the process-wide {@link Limits#current()} as soon as the environment is ready,
 * before any bean (the application's own included) loads a config. An application without {@code ato.limits.*}
 * gets {@link Limits#defaults()}. A {@code max-depth} deeper than the JVM's thread stack can walk (the depth
 * checks are recursive) is refused here, at start-up, rather than ending in a {@link StackOverflowError} later.
 */
class LimitsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Limits.install(bind(environment));
    }

    static Limits bind(ConfigurableEnvironment environment) {
        Limits limits = Binder.get(environment).bind("ato.limits", AtoProperties.LoaderLimits.class)
                .map(AtoProperties.LoaderLimits::toLimits).orElseGet(Limits::defaults);
        if (limits.maxDepth() > Limits.DEFAULT_STACK_MAX_DEPTH) { // only then is the stack size worth asking
            checkStack(limits.maxDepth(), threadStackKiB());
        }
        return limits;
    }

    /**
     * Refuses a depth the thread stack cannot walk: {@link Limits#DEFAULT_STACK_MAX_DEPTH} levels per MiB of stack.
     *
     * @param stackKiB the JVM's thread stack size in KiB ({@code -Xss}, HotSpot's {@code ThreadStackSize})
     */
    static void checkStack(int maxDepth, long stackKiB) {
        long allowed = Limits.DEFAULT_STACK_MAX_DEPTH * stackKiB / 1024;
        if (maxDepth > allowed) {
            long neededMiB = (maxDepth + Limits.DEFAULT_STACK_MAX_DEPTH - 1L) / Limits.DEFAULT_STACK_MAX_DEPTH;
            throw new AtoConfigException(Limits.MAX_DEPTH + "=" + maxDepth + " is deeper than a thread stack of "
                    + stackKiB + " KiB can walk (at most " + allowed + " levels; the depth checks are recursive, "
                    + Limits.DEFAULT_STACK_MAX_DEPTH + " levels per MiB of stack): start the JVM with -Xss"
                    + neededMiB + "m or more, or lower " + Limits.MAX_DEPTH);
        }
    }

    /** HotSpot's {@code ThreadStackSize} (what {@code -Xss} sets), in KiB; 1024 (the usual default) if unknown. */
    static long threadStackKiB() {
        try {
            var bean = java.lang.management.ManagementFactory.getPlatformMXBean(
                    com.sun.management.HotSpotDiagnosticMXBean.class);
            long kib = bean == null ? 0 : Long.parseLong(bean.getVMOption("ThreadStackSize").getValue());
            return kib > 0 ? kib : 1024;
        } catch (RuntimeException | LinkageError e) {
            return 1024; // not HotSpot: assume the common 1 MiB default
        }
    }
}
