package dev.ato.autoconfigure.scope.injected;

import dev.ato.adict.ADict;
import dev.ato.autoconfigure.AtoObserve;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** Breaks the rule: a view component with an injected collaborator. */
public class InjectedViews {

    @Autowired
    Environment environment;

    @AtoObserve
    void view(ADict config) {
        config.set("x", environment.getProperty("x"));
    }
}
