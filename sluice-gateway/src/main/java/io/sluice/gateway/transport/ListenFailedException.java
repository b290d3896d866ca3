package io.sluice.gateway.transport;

import java.net.BindException;

/**
 * The HTTP listener could not bind its address, said in the operator's words (which port, which address,
 * what to do) rather than the runtime's ({@code bind(..) failed with error(-98)}): the same message on
 * every runtime. Immutable.
 */
public final class ListenFailedException extends IllegalStateException {

    ListenFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Describes a failure to bind {@code bind:port}; {@code cause} is what the runtime threw. */
    public static ListenFailedException of(String bind, int port, Throwable cause) {
        return of(bind, port, cause, false);
    }

    /** As {@link #of(String, int, Throwable)}, for the TLS port when {@code tls}. */
    public static ListenFailedException of(String bind, int port, Throwable cause, boolean tls) {
        String what = tls ? "HTTPS" : "HTTP";
        String option = tls ? "--tls-port" : "--port";
        if (isAddressInUse(cause)) {
            return new ListenFailedException(what + " port " + port + " on " + bind + " is already in use; stop "
                    + "whatever uses it or choose another port with " + option, cause);
        }
        return new ListenFailedException("cannot listen for " + what + " on " + bind + ":" + port + ": "
                + reason(cause) + "; check --bind and " + option, cause);
    }

    private static boolean isAddressInUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("Address already in use") || m.contains("EADDRINUSE")) {
                return true;
            }
        }
        return false;
    }

    /** The operating system's reason without the runtime's prefix (Netty: "bind(..) failed with error(-13): "). */
    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root && !(root instanceof BindException)) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.toString() : root.getMessage();
        int colon = m.lastIndexOf("): ");
        return colon < 0 ? m : m.substring(colon + 3);
    }
}
