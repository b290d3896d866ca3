package io.sluice.gateway.transport.tls;

/**
 * A password that must never reach a log, a metric or an error body: {@link #toString()} hides it, so a
 * configuration record that holds one can be printed. Immutable (the array is copied in and out).
 */
public final class Secret {
    private final char[] value;

    private Secret(char[] value) {
        this.value = value.clone();
    }

    public static Secret of(String value) {
        return new Secret(value.toCharArray());
    }

    /** The secret's characters (a copy). */
    public char[] reveal() {
        return value.clone();
    }

    @Override
    public String toString() {
        return "(secret)";
    }
}
