package io.sluice.gateway;

/**
 * Where records go: {@link #KAFKA}, or {@link #NONE}, which acknowledges without writing anywhere and
 * needs no Kafka at all; it measures the gateway's HTTP ceiling (benchmark baselines).
 */
public enum SinkKind {
    KAFKA, NONE;

    public String cliName() {
        return OptionNames.of(this);
    }

    public static SinkKind parse(String s) {
        return OptionNames.parse(SinkKind.class, "--sink", s);
    }
}
