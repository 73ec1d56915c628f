package dev.ato.autoconfigure.scope.noctor;

import dev.ato.adict.ADict;
import dev.ato.autoconfigure.AtoObserve;

/** Breaks the rule: the only constructor takes a collaborator; a second method has the wrong signature. */
public class ConstructorViews {

    private final String name;

    public ConstructorViews(String name) {
        this.name = name;
    }

    @AtoObserve
    void view(ADict config) {
        config.set("name", name);
    }
}
