package io.sluice.loadgen.internal;

import io.netty.channel.ConnectTimeoutException;
import io.sluice.loadgen.ErrorKind;
import java.net.SocketTimeoutException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps a connect or I/O failure to an {@link ErrorKind}. Thread-safe. Netty's NIO and epoll transports report
 * the same errno with different exception types ({@code java.net.ConnectException},
 * {@code Errors.NativeConnectException}), but both carry the C library's message ("Connection refused"), so
 * the message decides. The first failure it cannot classify is logged; later ones only counted.
 */
public final class ErrorClassifier {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorClassifier.class);

    private final AtomicBoolean loggedOther = new AtomicBoolean();

    public ErrorKind classify(Throwable failure) {
        ErrorKind kind = kindOf(failure);
        if (kind == ErrorKind.OTHER && loggedOther.compareAndSet(false, true)) {
            LOG.warn("load generator: unclassified request failure (counted as OTHER; later ones not logged)", failure);
        }
        return kind;
    }

    /** The kind of {@code failure}, looking through its causes; {@link ErrorKind#OTHER} when none matches. */
    public static ErrorKind kindOf(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectTimeoutException || t instanceof SocketTimeoutException) {
                return ErrorKind.TIMEOUT;
            }
            String message = t.getMessage();
            if (message == null) {
                continue;
            }
            String m = message.toLowerCase(Locale.ROOT);
            if (m.contains("connection refused")) {
                return ErrorKind.CONNECT_REFUSED;
            }
            if (m.contains("cannot assign requested address")) {
                return ErrorKind.ADDRESS_NOT_AVAILABLE;
            }
            if (m.contains("connection reset")) {
                return ErrorKind.RESET;
            }
            if (m.contains("broken pipe")) {
                return ErrorKind.CLOSED_EARLY;
            }
            if (m.contains("timed out")) {
                return ErrorKind.TIMEOUT;
            }
        }
        return ErrorKind.OTHER;
    }
}
