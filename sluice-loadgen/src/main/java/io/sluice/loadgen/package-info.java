/**
 * Sluice's load generator: the scenarios of {@link io.sluice.loadgen.Scenario}, driven by
 * {@link io.sluice.loadgen.LoadGenerator}, recorded in HdrHistogram.
 *
 * <h2>Closed loop and open loop</h2>
 * A <em>closed-loop</em> generator (KEEPALIVE, CONNECT, BURST; also wrk, ab, Criterion) has a fixed number of
 * clients, and each sends its next request only when the previous answer has arrived. The server sets the
 * pace: when it slows down, the clients slow down with it. That is the right tool to find the most a server can
 * do (its throughput ceiling), and the wrong tool to learn what its users would wait for, because a closed loop
 * stops asking exactly when the server stops answering.
 *
 * <p>An <em>open-loop</em> generator (RATE; also wrk2) offers requests on a schedule that does not care how the
 * server is doing: at 200 req/s, request {@code i} is meant to start at {@code t0 + i x 5 ms}. Latency is
 * measured from that intended start, not from the moment the request was finally written.
 *
 * <h2>Coordinated omission, worked through</h2>
 * A server answers in 1 ms, except that once it stalls for 500 ms. Users arrive at 200 req/s and the test
 * runs 10 s: 2,000 requests.
 * <ul>
 *   <li><b>Closed loop, latency from send.</b> A client paces itself to one request every 5 ms but waits for
 *       each answer before sending the next. During the stall it sits waiting for one answer and does not
 *       send the ~100 requests its users would have sent in those 500 ms. The histogram holds ~1,900 values
 *       of ~1 ms and one of 500 ms: p99 = 1 ms, p99.9 = 1 ms. The client <em>coordinated</em> with the server
 *       to <em>omit</em> exactly the measurements that would have shown the stall.
 *   <li><b>Open loop, latency from the intended start.</b> The ~100 requests scheduled during the stall are
 *       all answered when it ends: the first waited ~500 ms, the next ~495 ms, ... the last ~5 ms. Their
 *       latencies spread evenly over 0-500 ms: 5 % of the 2,000 values carry part of the stall, ~60 are
 *       above 200 ms, and p99 (the 20 slowest) ≈ 400 ms. That is what users saw: one request in twenty was
 *       slowed by the stall, by 250 ms on average.
 * </ul>
 * The tests {@code OpenLoopAndBurstScenariosTest} run exactly this comparison against a server that stalls
 * once (3 s at 200 req/s: >= 50 values above 200 ms in RATE; exactly one in KEEPALIVE with one connection).
 *
 * <p>RATE sends over a pool of keep-alive connections that grows up to {@code concurrency}; a connection
 * carries one request at a time. When no connection is free at a request's intended time, the request waits
 * and the wait counts in its latency. Requests that could not even be sent within the request timeout of their
 * intended start count as {@link io.sluice.loadgen.ErrorKind#TIMEOUT}, so a dead server does not build an
 * unbounded queue inside the generator. (HdrHistogram's {@code recordValueWithExpectedInterval} corrects a
 * closed-loop recording after the fact by inventing the missing values; RATE does not need to, because the
 * requests are really sent.)
 *
 * <h2>What a run yields</h2>
 * {@link io.sluice.loadgen.LoadResult} holds the statuses, errors and latency of the requests started during
 * the measurement (warm-up discarded), throughput samples for confidence intervals (BURST: Criterion's samples
 * of 1b, 2b, ... nb iterations; the others: one sample per window of 1 s, or duration/20 when shorter), a
 * per-second time line of 2xx answers, and the generator's own CPU time, so a report can show that the
 * generator was not the bottleneck. Machinery lives in {@code io.sluice.loadgen.internal}.
 *
 * <h2>TLS, and telling a full handshake from a resumed one</h2>
 * With {@link io.sluice.loadgen.ClientTls} every connection gets its own {@code SslHandler} (JDK provider). A
 * full TLS 1.3 handshake costs the server a signature and a key exchange; a resumed one (the client offers a
 * ticket from an earlier connection) only the key exchange, so for connection-per-request load the two give
 * very different figures, and a report must say which it measured. The generator does not assume: a resumed
 * JDK session keeps the creation time of the session it resumes, which is older than the connection, while a
 * full handshake creates its session after the connection opened. {@link io.sluice.loadgen.LoadResult#handshakes()}
 * counts both kinds: a burst of 1,000 new connections after a warm-up comes close to {@code full=0,
 * resumed=1000} with resumption, and is exactly {@code full=1000, resumed=0} with
 * {@link io.sluice.loadgen.ClientTls#withoutResumption()}.
 */
package io.sluice.loadgen;
