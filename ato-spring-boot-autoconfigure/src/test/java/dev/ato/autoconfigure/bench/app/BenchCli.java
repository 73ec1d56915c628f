package dev.ato.autoconfigure.bench.app;

import dev.ato.autoconfigure.AtoApplication;

/** {@link BenchApp} as a command line: {@code manual}, {@code runs best …} run once and exit. */
public final class BenchCli {

    private BenchCli() {
    }

    public static void main(String[] args) {
        AtoApplication.run(BenchApp.class, args);
    }
}
