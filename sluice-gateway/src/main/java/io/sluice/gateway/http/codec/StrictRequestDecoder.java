package io.sluice.gateway.http.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.sluice.gateway.http.internal.HttpGrammar;
import java.util.List;

/**
 * Netty's request decoder, made as strict about the request line as Sluice's own parser (RFC 9112 3:
 * {@code method SP request-target SP HTTP-version}), with the same grammar ({@link HttpGrammar}): parts
 * separated by exactly one space (Netty accepts any run of SP, HTAB, VT, FF or CR), a request-target of
 * visible ASCII in one of the four forms (Netty accepts control and non-ASCII bytes), and a version spelt
 * exactly {@code HTTP/d.d} (Netty accepts {@code http/1.1}). Otherwise {@code POST  /t HTTP/1.1} would be
 * a request to one style and an error to the other, and a proxy in front may read it a third way.
 * A failure reaches the request handler as a decoder failure (400). One instance per connection; runs on
 * its event loop.
 */
final class StrictRequestDecoder extends HttpRequestDecoder {

    /** True while the next byte begins a new request (before the first, and after each one's last content). */
    private boolean atRequestStart = true;
    private boolean refused;

    StrictRequestDecoder(HttpDecoderConfig config) {
        super(config);
    }

    /**
     * Before a request line only empty lines (CRLF) may come (RFC 9112 2.2), as in the raw parser; Netty
     * skips any whitespace and control bytes there, so {@code " GET / HTTP/1.1"} and a bare LF would be
     * accepted. Such input is refused here, before Netty sees it.
     */
    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        if (refused) {
            in.skipBytes(in.readableBytes());
            return;
        }
        if (atRequestStart) {
            int i = in.readerIndex();
            int end = in.writerIndex();
            while (i < end && in.getByte(i) == '\r') {
                if (i + 1 == end) {
                    return; // a CR whose LF has not arrived yet
                }
                if (in.getByte(i + 1) != '\n') {
                    break;
                }
                i += 2;
            }
            if (i < end && !HttpGrammar.isTchar(in.getByte(i))) {
                refuse(in, out);
                return;
            }
        }
        int before = out.size();
        super.decode(ctx, in, out);
        for (int m = before; m < out.size(); m++) {
            Object message = out.get(m);
            if (message instanceof LastHttpContent) {
                atRequestStart = true;
            } else if (message instanceof HttpRequest) {
                atRequestStart = false;
            }
        }
    }

    private void refuse(ByteBuf in, List<Object> out) {
        refused = true;
        in.skipBytes(in.readableBytes());
        HttpRequest invalid = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/");
        invalid.setDecoderResult(DecoderResult.failure(new IllegalArgumentException(
                "only empty lines (CRLF) may come before a request line")));
        out.add(invalid);
    }

    @Override
    protected String splitSecondWordInitialLine(byte[] line, int start, int length) {
        requireOneSpaceBefore(line, start);
        if (!HttpGrammar.isTargetChars(line, start, start + length)
                || !HttpGrammar.isTargetForm(line, start, start + length)) {
            throw new IllegalArgumentException("invalid request target");
        }
        return super.splitSecondWordInitialLine(line, start, length);
    }

    @Override
    protected String splitThirdWordInitialLine(byte[] line, int start, int length) {
        requireOneSpaceBefore(line, start);
        if (!isVersionShaped(line, start, length)) {
            throw new IllegalArgumentException("invalid HTTP version");
        }
        return super.splitThirdWordInitialLine(line, start, length);
    }

    /** {@code HTTP/} DIGIT {@code .} DIGIT, case-sensitive (RFC 9112 2.3); which versions are served is checked later (505). */
    private static boolean isVersionShaped(byte[] b, int from, int length) {
        return length == 8 && b[from] == 'H' && b[from + 1] == 'T' && b[from + 2] == 'T' && b[from + 3] == 'P'
                && b[from + 4] == '/' && isDigit(b[from + 5]) && b[from + 6] == '.' && isDigit(b[from + 7]);
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
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
