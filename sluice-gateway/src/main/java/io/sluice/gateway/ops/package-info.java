/**
 * Operating the gateway: Prometheus metrics ({@link io.sluice.gateway.ops.GatewayMetrics}). Health and
 * readiness are answered by the HTTP router from {@link io.sluice.gateway.ingest.internal.KafkaHealth}.
 */
package io.sluice.gateway.ops;
