package io.sluice.gateway.http;

/**
 * The admission check an HTTP parser calls once per request when its head is complete and valid, before
 * reading its body; {@link RequestRouter#admit} is the one implementation. Called on the connection's
 * thread; never blocks.
 */
@FunctionalInterface
public interface HeadGate {

    /** @param contentLength the declared body length, or -1 when chunked or absent */
    RequestGate.Admission admit(String method, String path, RequestHeaders headers, long contentLength,
                                ConnectionInfo connection);
}
