package dev.ato.autoconfigure.testapp;

import dev.ato.adict.ADict;
import dev.ato.autoconfigure.AtoTrace;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicInteger;

/** An ordinary bean that receives the resolved configs in the three ways an application would. */
@Component
public class Trainer {

    /** How many Trainers were built in this JVM: a start-up that fails on bad input must build none. */
    public static final AtomicInteger CREATED = new AtomicInteger();

    final ADict train;
    final ADict model;
    final double lr;

    Trainer(ADict train, @Qualifier("model") ADict modelConfig, @Value("${train.lr}") double lr) {
        CREATED.incrementAndGet();
        this.train = train;
        this.model = modelConfig;
        this.lr = lr;
    }

    /** A step whose code fingerprint every tracked run records. */
    @AtoTrace("train-step")
    double step(double loss) {
        return loss * (1 - lr);
    }
}
