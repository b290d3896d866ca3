package io.sluice.gateway.testing;

import io.sluice.gateway.HttpStyle;
import io.sluice.gateway.IoMode;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** The seven valid runtime x HTTP-style combinations, for suites that must pass on every one. */
public final class Runtimes {
    private Runtimes() {
    }

    public static Stream<Arguments> all() {
        return Stream.of(
                Arguments.of(IoMode.NIO, HttpStyle.CODEC),
                Arguments.of(IoMode.NIO, HttpStyle.RAW),
                Arguments.of(IoMode.EPOLL, HttpStyle.CODEC),
                Arguments.of(IoMode.EPOLL, HttpStyle.RAW),
                Arguments.of(IoMode.IO_URING, HttpStyle.CODEC),
                Arguments.of(IoMode.IO_URING, HttpStyle.RAW),
                Arguments.of(IoMode.VIRTUAL, HttpStyle.RAW));
    }

    /**
     * The seven combinations in plaintext, then once more over TLS on one Netty runtime and on virtual threads
     * (the third argument, a {@link Wire}), for the protocol suites: TLS must change nothing of HTTP.
     */
    public static Stream<Arguments> allPlusTls() {
        return Stream.concat(
                all().map(a -> Arguments.of(a.get()[0], a.get()[1], Wire.PLAIN)),
                Stream.of(
                        Arguments.of(IoMode.NIO, HttpStyle.RAW, Wire.TLS),
                        Arguments.of(IoMode.VIRTUAL, HttpStyle.RAW, Wire.TLS)));
    }
}
