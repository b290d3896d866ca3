package io.sluice.gateway.http.formats;

import io.sluice.gateway.http.GatewayResponse;
import io.sluice.gateway.http.JsonBodies;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The error shape REST Proxy (v2 and v3) and the Strimzi bridge share: {@code {"error_code":N,"message":..}}.
 * Stateless.
 */
final class PeerErrors {
    private PeerErrors() {
    }

    static byte[] body(int errorCode, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("error_code", errorCode);
        m.put("message", message);
        return JsonBodies.write(m);
    }

    static GatewayResponse answer(int status, int errorCode, String message, String contentType, String route) {
        return new GatewayResponse(status, contentType, body(errorCode, message), List.of(), route, false);
    }
}
