package io.sluice.gateway.http;

import io.netty.buffer.ByteBuf;
import io.sluice.gateway.access.Principal;

/**
 * One complete HTTP request (head and body), independent of the parser that read it. Confined to one
 * thread at a time; the body is owned by whoever holds the request and must be released once
 * (the {@link RequestRouter} does it).
 *
 * @param method    request method, upper case as sent
 * @param path      the path part of the request target, not decoded
 * @param query     the raw query string (without '?'), or null
 * @param headers   header fields
 * @param body      the body bytes (empty buffer when none)
 * @param keepAlive whether the connection stays open after the response (HTTP/1.1 default, or
 *                  HTTP/1.0 with "Connection: keep-alive")
 * @param connection the connection it came on (peer address, TLS session)
 * @param principal  who sent it, as the {@link RequestGate} admitted it at head time
 *                   ({@link Principal#ANONYMOUS} while authentication is off)
 */
public record GatewayRequest(String method, String path, String query, RequestHeaders headers, ByteBuf body,
                             boolean keepAlive, ConnectionInfo connection, Principal principal) {

    /** A request from an anonymous principal (authentication off, tests, tools). */
    public GatewayRequest(String method, String path, String query, RequestHeaders headers, ByteBuf body,
                          boolean keepAlive, ConnectionInfo connection) {
        this(method, path, query, headers, body, keepAlive, connection, Principal.ANONYMOUS);
    }

    /** The same request with another body (a decoded one); the caller owns both bodies. */
    public GatewayRequest withBody(ByteBuf other) {
        return new GatewayRequest(method, path, query, headers, other, keepAlive, connection, principal);
    }

    /** Splits a request target into path and query. */
    public static String pathOf(String target) {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /** The query part of a request target, or null. */
    public static String queryOf(String target) {
        int q = target.indexOf('?');
        return q < 0 ? null : target.substring(q + 1);
    }
}
