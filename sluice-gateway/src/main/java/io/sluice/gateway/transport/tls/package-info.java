/**
 * TLS for the listeners, the same on every runtime: where the certificate comes from, which provider speaks
 * it, how it is replaced without a restart, and what a finished handshake tells the layers above.
 *
 * <p><b>Why two providers.</b> On Netty, OpenSSL (BoringSSL, from netty-tcnative) does the handshakes and
 * the record encryption in native code with less garbage than the JDK's engine; where its native library
 * does not load (another OS or libc), the JDK's provider serves instead, and the startup log says which.
 * The virtual-thread runtime has no Netty pipeline and uses the JDK's {@code SSLSocket}.
 *
 * <p><b>Rotation.</b> {@link io.sluice.gateway.transport.tls.ServerTls} holds the current context in one
 * atomic reference. A connection takes the context once, when it is accepted, so swapping the reference
 * changes nothing for open connections. The files are compared by content (a SHA-256 over every file
 * read), not by modification time: cert-manager swaps a symlink ({@code ..data -> ..2026_12_01_...}) and
 * the files' own times may not change. Example: the key is replaced first, the certificate a moment
 * later; the poll between the two sees a key that does not match the certificate, refuses it (logging
 * why, once), keeps the old context, and the next poll after the certificate arrives loads both.
 *
 * <p><b>Slow handshakes.</b> A handshake must finish within {@code --header-read-timeout}, like a request
 * head: a client that opens a TLS connection and sends nothing, or a ClientHello a byte at a time, holds
 * the connection no longer than a slowloris holds a plaintext one.
 *
 * <p><b>Identity.</b> What the handshake established travels up as plain values,
 * {@link io.sluice.gateway.transport.tls.TlsHandshake} (protocol, cipher suite, principal of the verified
 * client certificate), so that the HTTP layer builds its {@code ConnectionInfo} without knowing the
 * runtime or the provider.
 */
package io.sluice.gateway.transport.tls;
