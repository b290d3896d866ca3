/**
 * The peers' produce APIs, so that clients written for Confluent REST Proxy (v2 and v3) or the Strimzi HTTP
 * bridge work against Sluice unchanged: each format reads the peer's JSON envelope into the same
 * {@code IngestRecord}s Sluice's own API produces, and answers in the peer's shapes. Where a peer is silent or
 * differs from Sluice's rules, the peer's documentation decides the shape and Sluice's honesty rule decides
 * the status: no 2xx for a record that was not written.
 *
 * <p>A worked example. REST Proxy v2, JSON embedded format:
 * <pre>
 * POST /topics/events                     Content-Type: application/vnd.kafka.json.v2+json
 * {"records":[{"key":"k","value":{"a":1}},{"value":2,"partition":9}]}
 * </pre>
 * {@link io.sluice.gateway.http.formats.RestProxyV2Format} reads two records: key {@code "k"} (the JSON text,
 * quotes included) and value {@code {"a":1}}, then value {@code 2} for partition 9. The topic has 4
 * partitions, so the ingest side refuses the request as a whole (nothing is written) with an invalid
 * partition, and the answer is REST Proxy's body with Confluent's code 40402 on every record, under status
 * 404, where REST Proxy itself might say 200:
 * <pre>
 * 404 {"error_code":40402,"message":"partition 9 does not exist; …","key_schema_id":null,"value_schema_id":null,
 *      "offsets":[{"partition":null,"offset":null,"error_code":40402,"error":"…"}, {…same…}]}
 * </pre>
 * Without the bad partition: {@code 200} and one {@code offsets} entry per record, in order.
 *
 * <p>REST Proxy v3 ({@link io.sluice.gateway.http.formats.RestProxyV3Routes}) publishes each record of a
 * request on its own, so one bad record costs only itself, and answers one delivery report per record; with a
 * chunked body it streams ({@link io.sluice.gateway.http.formats.V3RecordStream}): each report is written as
 * soon as its record is acknowledged. Discovery ({@link io.sluice.gateway.http.formats.TopicDiscovery}) answers
 * from caches on the ingest side.
 *
 * <p>Sources followed: the REST Proxy API reference (https://docs.confluent.io/platform/current/kafka-rest/api.html),
 * kafka-rest's {@code api/v3/openapi.yaml}, {@code README.md} and {@code Errors.java}, and the Strimzi bridge's
 * {@code src/main/resources/openapi.json} and produce documentation.
 */
package io.sluice.gateway.http.formats;
