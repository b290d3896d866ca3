package io.sluice.gateway.http.codec;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.sluice.gateway.http.GatewayResponse;
import io.sluice.gateway.http.internal.ConnectionResponder;
import java.util.Map;

/** Converts Sluice responses to Netty's HTTP objects. Stateless. */
final class NettyResponses {

    private NettyResponses() {
    }

    /** The encoder of the codec style: whole answers, and the head and chunks of a streamed one. */
    static final ConnectionResponder.Encoder ENCODER = new ConnectionResponder.Encoder() {
        @Override
        public Object encode(GatewayResponse r, ChannelHandlerContext ctx) {
            return r.stream() != null ? streamHead(r) : toNetty(r, HttpVersion.HTTP_1_1);
        }

        @Override
        public Object chunk(byte[] piece, ChannelHandlerContext ctx) {
            return new DefaultHttpContent(Unpooled.wrappedBuffer(piece));
        }

        @Override
        public Object lastChunk(ChannelHandlerContext ctx) {
            return LastHttpContent.EMPTY_LAST_CONTENT;
        }
    };

    /** The head of a streamed answer: chunked, and the connection closes after it. */
    static HttpResponse streamHead(GatewayResponse r) {
        HttpResponse resp = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(r.status()));
        resp.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, r.contentType())
                .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        for (Map.Entry<String, String> h : r.headers()) {
            resp.headers().add(h.getKey(), h.getValue());
        }
        return resp;
    }

    static FullHttpResponse toNetty(GatewayResponse r, HttpVersion version) {
        FullHttpResponse resp = new DefaultFullHttpResponse(version, HttpResponseStatus.valueOf(r.status()),
                r.bodyOmitted() ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(r.body()));
        if (r.status() != 204) { // a 204 has no content, and no Content-Length (RFC 9110 8.6)
            resp.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, r.contentType())
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, r.body().length);
        }
        for (Map.Entry<String, String> h : r.headers()) {
            resp.headers().add(h.getKey(), h.getValue());
        }
        if (r.close()) {
            resp.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return resp;
    }
}
