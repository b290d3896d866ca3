package io.sluice.gateway.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * {@code GET /openapi.json}: the OpenAPI 3.1 description of every endpoint, stored as the resource
 * {@code openapi.json} next to this class and served as stored (read once; immutable, so thread-safe).
 * It is written by hand, not generated from the code: {@code OpenApiDocumentTest} parses it, sends its
 * examples to a gateway and checks that every route the router serves is in it.
 */
public final class OpenApiDocument {
    static final String RESOURCE = "openapi.json";
    private static final byte[] BYTES = load();

    private OpenApiDocument() {
    }

    /** The document's bytes (a shared array: callers must not modify it). */
    public static byte[] bytes() {
        return BYTES;
    }

    static GatewayResponse response() {
        return new GatewayResponse(200, GatewayResponse.JSON, BYTES, List.of(), "openapi", false);
    }

    private static byte[] load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + RESOURCE + " is missing from the gateway's jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
