package io.sluice.gateway.ingest;

/** Whether the sink can take writes now. Implementations are thread-safe and answer without blocking. */
public interface Availability {

    boolean isAvailable();

    /** Why it is not available (meaningful when {@link #isAvailable()} is false). */
    String problem();

    /** Always available: for sinks that depend on nothing. */
    Availability ALWAYS = new Availability() {
        @Override
        public boolean isAvailable() {
            return true;
        }

        @Override
        public String problem() {
            return "";
        }
    };
}
