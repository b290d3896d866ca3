package io.sluice.gateway;

/** Whether the W3C trace context request headers ({@code traceparent}, {@code tracestate}) become record headers. */
public enum TraceHeaders {
    ON, OFF;

    /** The name used on the command line: {@code on}, {@code off}. */
    public String cliName() {
        return OptionNames.of(this);
    }

    public static TraceHeaders parse(String s) {
        return OptionNames.parse(TraceHeaders.class, "--trace-headers", s);
    }
}
