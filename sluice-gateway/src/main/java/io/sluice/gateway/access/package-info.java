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
 */
package io.sluice.gateway.access;
