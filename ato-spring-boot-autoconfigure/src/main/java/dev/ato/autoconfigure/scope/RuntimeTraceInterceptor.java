package dev.ato.autoconfigure.scope;

import dev.ato.autoconfigure.AtoTrace;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;

import java.lang.reflect.Method;

/**
 * Fingerprints the result of an {@code @AtoTrace(runtime = true)} call into every scope's resolution, where
 * {@code TrackedRuns.start} finds it (the newest result per trace id wins).
 */
final class RuntimeTraceInterceptor implements MethodInterceptor {

    private final ObjectProvider<AtoScopes> scopes;

    RuntimeTraceInterceptor(ObjectProvider<AtoScopes> scopes) {
        this.scopes = scopes;
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        Object result = invocation.proceed();
        Method method = invocation.getMethod();
        AtoTrace trace = AnnotatedElementUtils.findMergedAnnotation(method, AtoTrace.class);
        if (trace != null && trace.runtime()) {
            String id = trace.value().isEmpty()
                    ? method.getDeclaringClass().getSimpleName() + "." + method.getName() : trace.value();
            scopes.getObject().resolutions().values().forEach(resolution -> resolution.traceRuntime(id, result));
        }
        return result;
    }
}
