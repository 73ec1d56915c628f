package dev.ato.autoconfigure.testapp;

import dev.ato.adict.ADict;
import dev.ato.autoconfigure.AtoTrace;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/** An ordinary bean that receives the resolved configs in the three ways an application would. */
@Component
public class Trainer {

    /** How many Trainers were built in this JVM: a start-up that fails on bad input must build none. */
    public static final AtomicInteger CREATED = new AtomicInteger();

    private final ADict train;
    private final ADict model;
    private final double lr;

    Trainer(ADict train, @Qualifier("model") ADict modelConfig, @Value("${train.lr}") double lr) {
        CREATED.incrementAndGet();
        this.train = train;
        this.model = modelConfig;
        this.lr = lr;
    }

    // accessors, not fields: Spring AOP proxies this bean for its @AtoTrace(runtime = true) method
    public ADict train() {
        return train;
    }

    public ADict model() {
        return model;
    }

    public double lr() {
        return lr;
    }

    /** An evaluation whose result every tracked run records as a runtime fingerprint. */
    @AtoTrace(value = "eval", runtime = true)
    public List<Double> evaluate(int points) {
        return IntStream.range(0, points).mapToObj(i -> i * lr).toList();
    }

    /** A step whose code fingerprint every tracked run records. */
    @AtoTrace("train-step")
    double step(double loss) {
        return loss * (1 - lr);
    }
}
