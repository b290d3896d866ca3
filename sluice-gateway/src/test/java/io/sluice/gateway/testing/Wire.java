package io.sluice.gateway.testing;

/** How a conformance suite's client reaches the gateway: plaintext, or TLS (the gateway then serves TLS only). */
public enum Wire {
    PLAIN,
    TLS
}
