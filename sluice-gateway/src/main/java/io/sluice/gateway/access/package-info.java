/**
 * Who may write what, how fast: client identity (API keys, JWT, HTTP Basic, mTLS), per-topic
 * authorization and per-principal quotas.
 *
 * <p>The package decides; it does not speak HTTP. The http layer asks it, from a request's head (before
 * the body is read), for a {@link io.sluice.gateway.access.Principal}, whether that principal may produce
 * to the topic ({@link io.sluice.gateway.access.Authorizer}), and whether its quota has room
 * ({@link io.sluice.gateway.access.QuotaGate}); it maps the answers to 401, 403 and 429. Nothing here
 * imports the transport, http or ingest packages.
 *
 * <p>Policy files (API keys, ACL, Basic users) are read through
 * {@link io.sluice.gateway.access.ReloadingFile}: a bad file fails the start with its line and reason; a
 * bad edit later keeps the last good version, so a typo neither opens the gate nor locks everyone out.
 *
 * <h2>A worked example</h2>
 * The gateway runs with {@code --quota requests=100/s,bytes=1MiB/s --acl acl.yaml}, and {@code acl.yaml}
 * says:
 * <pre>{@code
 * rules:
 *   - principal: alice
 *     topics: ["events", "logs.*"]
 *     allow: [produce]
 *   - group: partners
 *     topics: ["partner.${principal}.*"]
 *     allow: [produce]
 *   - principal: "*"
 *     topics: ["public"]
 *     allow: [produce]
 * quotas:
 *   - principal: alice
 *     requests-per-second: 500
 *   - group: partners
 *     bytes-per-second: 64KiB
 * }</pre>
 *
 * <p><b>Authorization</b> ({@link io.sluice.gateway.access.AclAuthorizer}). Alice may produce to
 * {@code events}, to {@code logs.app} and to {@code logs.app.v2} ({@code *} matches any run of topic
 * characters, dots included), but not to {@code logs} or {@code events2}. Acme, a member of
 * {@code partners}, may produce to {@code partner.acme.orders} but not to {@code partner.globex.orders}:
 * {@code ${principal}} is replaced by the caller's own name, compared character for character, so a
 * principal named {@code *} reaches {@code partner.*.orders} and nothing else. Everyone authenticated may
 * produce to {@code public}; the anonymous principal of a gateway without authentication is not
 * "everyone" and needs a rule of its own ({@code principal: anonymous}). Every other request is denied.
 *
 * <p><b>Quotas</b> ({@link io.sluice.gateway.access.TokenBucketQuotas}). Each principal has two token
 * buckets, requests and bytes, each holding one second's worth. Alice's own entry raises her requests to
 * 500/s; her bytes stay at the default 1 MiB/s. Acme has the default 100 requests/s and its group's 64 KiB/s.
 * Bob, in no entry, has the default. When Alice has sent 500 requests within an instant, the 501st is
 * refused with a wait of 2 ms (one request's interval), which the http layer answers as 429 with
 * {@code Retry-After}; a refused request takes nothing from either bucket. When Acme posts a 200 KiB body
 * (more than one second's 64 KiB), it is admitted once Acme's byte bucket is full, and its next request
 * waits the rest, about 2.1 s: a large body is slow, never impossible. A chunked body's bytes are charged
 * after it was read ({@link io.sluice.gateway.access.QuotaGate#charge}) and delay the next request the
 * same way.
 *
 * <p>Editing {@code acl.yaml} changes both the rules and the quota entries at the next poll; an edit that
 * does not parse is logged with its line and changes nothing.
 */
package io.sluice.gateway.access;
