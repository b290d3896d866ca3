package io.sluice.gateway;

/** The network I/O runtime: a Netty transport or JDK virtual threads over blocking sockets. */
public enum IoMode {
    NIO, EPOLL, IO_URING, VIRTUAL;

    /** The name used on the command line: {@code nio}, {@code epoll}, {@code io_uring}, {@code virtual}. */
    public String cliName() {
        return OptionNames.of(this);
    }

    public static IoMode parse(String s) {
        return OptionNames.parse(IoMode.class, "--io", s);
    }
}
