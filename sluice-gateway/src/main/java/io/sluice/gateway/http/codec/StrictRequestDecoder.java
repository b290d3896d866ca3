package io.sluice.gateway.http.codec;

import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpRequestDecoder;

/**
 * Netty's request decoder, made to refuse a request line whose parts are not separated by exactly one
 * space (RFC 9112 3: {@code method SP request-target SP HTTP-version}), as Sluice's own parser does.
 * Netty splits the line leniently (any run of SP, HTAB, VT, FF or CR), so {@code POST  /t HTTP/1.1} would
 * be read as a valid request by one style and refused by the other, and a proxy in front may read it a
 * third way. The failure reaches the request handler as a decoder failure (400). One instance per
 * connection; runs on its event loop.
 */
final class StrictRequestDecoder extends HttpRequestDecoder {

    StrictRequestDecoder(HttpDecoderConfig config) {
        super(config);
    }

    @Override
    protected String splitSecondWordInitialLine(byte[] line, int start, int length) {
        requireOneSpaceBefore(line, start);
        return super.splitSecondWordInitialLine(line, start, length);
    }

    @Override
    protected String splitThirdWordInitialLine(byte[] line, int start, int length) {
        requireOneSpaceBefore(line, start);
        return super.splitThirdWordInitialLine(line, start, length);
    }

    /** The word at {@code start} follows the previous word after exactly one SP. */
    private static void requireOneSpaceBefore(byte[] line, int start) {
        if (start < 2 || line[start - 1] != ' ' || isLenientSpace(line[start - 2])) {
            throw new IllegalArgumentException("the parts of the request line must be separated by one space");
        }
    }

    private static boolean isLenientSpace(byte b) {
        return b == ' ' || b == '\t' || b == 0x0b || b == '\f' || b == '\r';
    }
}
