/**
 * The load generator's machinery, not an API: one {@link io.sluice.loadgen.internal.LoopWorker} per event loop
 * and scenario, one {@link io.sluice.loadgen.internal.ClientConnection} handler per socket, the response
 * reader, the open-loop schedule, and per-loop recording. Everything here except
 * {@link io.sluice.loadgen.internal.BurstDriver} and {@link io.sluice.loadgen.internal.ErrorClassifier} runs on
 * one event loop and is not thread-safe; the coordinator (in {@code io.sluice.loadgen}) reaches a loop's state
 * only through {@code EventLoop.submit}.
 */
package io.sluice.loadgen.internal;
