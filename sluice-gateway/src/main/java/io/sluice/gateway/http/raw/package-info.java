/**
 * The raw HTTP style: Sluice's own HTTP/1.1 request parser ({@link io.sluice.gateway.http.raw.RawRequestParser}),
 * fed by the transport with whatever bytes a read produced, producing the same
 * {@link io.sluice.gateway.http.GatewayRequest}s as the codec style.
 *
 * <p><b>Why strict.</b> A gateway usually sits behind a load balancer or proxy that parses the same bytes
 * first. Wherever two parsers may disagree on where a request ends, an attacker can hide a second request
 * inside the first one's body (request smuggling). The classic example:
 * <pre>
 * POST /topics/public HTTP/1.1
 * Content-Length: 44
 * Transfer-Encoding: chunked
 *
 * 0
 *
 * POST /topics/admin HTTP/1.1
 * ...
 * </pre>
 * A front end that honours Content-Length forwards all 44 bytes as one request; a back end that honours
 * Transfer-Encoding sees an empty chunked body ending at {@code 0}, then a second request to
 * {@code /topics/admin} that the front end never inspected. So this parser answers 400 to every message
 * whose framing two reasonable parsers could read differently, and closes the connection:
 * <ul>
 *   <li>Content-Length together with Transfer-Encoding; Transfer-Encoding in HTTP/1.0 (which has no
 *       chunked coding); Content-Length values that differ (identical repeats, {@code 5, 5}, are fine);
 *       anything but digits in Content-Length; a chunk size that is not hex, or chunk data not followed
 *       by CRLF.</li>
 *   <li>Line endings other than CRLF: a bare LF or a bare CR inside the head (some parsers end lines at
 *       LF, others do not).</li>
 *   <li>Whitespace between a header name and its colon ({@code Transfer-Encoding : chunked} is a
 *       different field to some parsers), obs-fold continuation lines, control characters in names or
 *       values, and a request target that is none of the four RFC 9112 forms.</li>
 * </ul>
 * A transfer coding other than {@code chunked} is answered 501 (RFC 9112 6.1), an unknown Expect 417, an
 * HTTP version other than 1.0 and 1.1 505. What stays lenient, because RFC 9112 asks it and no framing
 * depends on it: empty lines before a request line (some clients send CRLF after a body), optional
 * whitespace around values, case in header names, {@code chunked} and {@code Connection} tokens, chunk
 * extensions (ignored) and trailer fields (checked like headers, then discarded). Expect in an HTTP/1.0
 * request is ignored (RFC 9110 10.1.1), as in the codec style. The Host field follows RFC 9112 3.2
 * ({@link io.sluice.gateway.http.internal.HostRule}): required in HTTP/1.1, never twice, always a valid authority.
 *
 * <p><b>Limits as bytes arrive.</b> A client that sends a 1 MB request line one byte at a time must cost
 * no more than the limit: each line is collected by {@link io.sluice.gateway.http.raw.CrlfLineReader},
 * which copies every byte once, searches only the new bytes for LF, and stops at the header budget (414
 * for the request line, 431 for the head, with {@code --max-header-size} for both). A Content-Length
 * above {@code --max-body-size} is answered 413 before any body byte is read; a chunked body as soon as a
 * chunk size line would take it over.
 *
 * <p><b>Pipelining.</b> Several requests may arrive in one read and one request across many; the parser
 * returns at each complete request so the connection can dispatch in order, and the
 * {@link io.sluice.gateway.http.internal.ResponseSequencer} answers in order.
 */
package io.sluice.gateway.http.raw;
