/**
 * Machinery shared by the HTTP styles and runtimes, not an API: how a connection's requests are
 * answered in order ({@link io.sluice.gateway.http.internal.ResponseSequencer}, on Netty
 * {@link io.sluice.gateway.http.internal.ConnectionResponder}), what keeps or closes a connection
 * ({@link io.sluice.gateway.http.internal.ConnectionPolicy}), the read deadlines
 * ({@link io.sluice.gateway.http.internal.ReadDeadlines}, {@link io.sluice.gateway.http.internal.ReadTimer})
 * and the Host rule ({@link io.sluice.gateway.http.internal.HostRule}). Each is written once, so the raw
 * style, the codec style and the virtual-thread runtime cannot drift apart.
 */
package io.sluice.gateway.http.internal;
