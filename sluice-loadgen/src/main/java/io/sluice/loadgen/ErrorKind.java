package io.sluice.loadgen;

/** Why a request got no HTTP answer. */
public enum ErrorKind {
    /** ECONNREFUSED: nobody listening, or the accept queue is full. */
    CONNECT_REFUSED,
    /** EADDRNOTAVAIL: the client ran out of ephemeral ports (TIME_WAIT build-up). */
    ADDRESS_NOT_AVAILABLE,
    /** Connect or answer took longer than the request timeout. */
    TIMEOUT,
    /** ECONNRESET: the server reset the connection. */
    RESET,
    /** The server closed the connection before answering. */
    CLOSED_EARLY,
    /** Anything else (the message is logged once). */
    OTHER
}
