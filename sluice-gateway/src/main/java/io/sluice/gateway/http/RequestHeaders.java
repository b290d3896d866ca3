package io.sluice.gateway.http;

import java.util.function.BiConsumer;

/** Read access to a request's header fields, whatever parser produced them. Names are case-insensitive. */
public interface RequestHeaders {

    /** The first value of the named header, or null. */
    String get(String name);

    /** Every header field in the order received. */
    void forEach(BiConsumer<String, String> action);
}
