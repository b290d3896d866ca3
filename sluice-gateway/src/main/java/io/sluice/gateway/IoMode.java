package io.sluice.gateway;

import java.util.Locale;

/** The network I/O runtime: a Netty transport or JDK virtual threads over blocking sockets. */
public enum IoMode {
    NIO, EPOLL, IO_URING, VIRTUAL;

    /** The name used on the command line: {@code nio}, {@code epoll}, {@code io_uring}, {@code virtual}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static IoMode parse(String s) {
        for (IoMode m : values()) {
            if (m.cliName().equalsIgnoreCase(s.trim()) || m.name().equalsIgnoreCase(s.trim())) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown --io '" + s + "'; use one of nio, epoll, io_uring, virtual");
    }
}
