package io.sluice.cli;

/** Entry point of {@code ./sluice}; the only place that calls {@link System#exit}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(SluiceCli.create(CliContext.system()).execute(args));
    }
}
