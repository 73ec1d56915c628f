package dev.ato.autoconfigure.sanitize;

import dev.ato.sanitize.Sanitizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

import java.util.List;
import java.util.Objects;

/**
 * The application's own {@link SanitizingFunction} beans as one rule of Ato's sanitizer, in their order; the first
 * that changes a value wins, as in Spring Boot's {@code Sanitizer}. Ato's own function is left out (it asks the
 * sanitizer). The beans are looked up on first use, so the sanitizer and the functions can depend on each other.
 */
final class SanitizingFunctionRule implements Sanitizer.Rule {

    private final ObjectProvider<SanitizingFunction> provider;
    private volatile List<SanitizingFunction> functions;

    SanitizingFunctionRule(ObjectProvider<SanitizingFunction> provider) {
        this.provider = provider;
    }

    @Override
    public Object apply(String keyPath, Object value) {
        SanitizableData data = new SanitizableData(null, keyPath, value);
        for (SanitizingFunction function : functions()) {
            Object shown = function.applyUnlessFiltered(data).getValue();
            if (!Objects.equals(shown, value)) {
                return shown;
            }
        }
        return value;
    }

    private List<SanitizingFunction> functions() {
        List<SanitizingFunction> result = functions;
        if (result == null) {
            result = provider.orderedStream().filter(f -> !(f instanceof AtoSanitizingFunction)).toList();
            functions = result;
        }
        return result;
    }
}
