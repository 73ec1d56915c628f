package dev.ato.plain;

import dev.ato.adict.ADict;
import dev.ato.hydra.Hydra;
import dev.ato.scope.Resolution;
import dev.ato.scope.Scope;
import dev.ato.scope.ViewOptions;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A plain {@code main} using the core (ADict, Scope, Hydra) as a user without Spring would; {@link PlainJavaTest}
 * runs it in a JVM whose class path holds only Ato's classes, Jackson and ASM.
 */
public final class PlainJavaMain {

    private PlainJavaMain() {
    }

    static ADict config() {
        ADict config = ADict.of(Map.of("model", Map.of("depth", 18)));
        config.put("lr", 0.1);
        return config;
    }

    public static void main(String[] args) {
        try {
            Class.forName("org.springframework.core.env.Environment");
            System.out.println("SPRING PRESENT");
        } catch (ClassNotFoundException expected) {
            System.out.println("no Spring on the class path");
        }
        ADict config = config();
        System.out.println("adict " + config.get("model.depth") + " " + config.getDouble("lr") + " "
                + config.structuralHash());

        Scope train = new Scope("train");
        train.observe("defaults", ViewOptions.defaults().defaultView(true), c -> {
            c.set("lr", 0.01);
            c.set("optimizer", "sgd");
        });
        train.observe("adam", ViewOptions.defaults().priority(1), c -> c.set("optimizer", "adam"));
        Resolution r = train.resolve(List.of("adam", "lr=0.5"));
        System.out.println("scope " + r.config().get("optimizer") + " " + r.config().getDouble("lr"));

        ADict composed = Hydra.compose(Path.of(args[0]), "config", List.of("db=postgres", "train.lr=0.2"));
        System.out.println("hydra " + composed.get("db.driver") + " " + composed.get("db.port") + " "
                + composed.get("train.lr"));
    }
}
