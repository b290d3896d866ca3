package io.sluice.bench.soak;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.quota.ClientQuotaAlteration;
import org.apache.kafka.common.quota.ClientQuotaEntity;

/**
 * Plays a slow broker: a Kafka quota ({@code producer_byte_rate}) on the default client entity, so the broker
 * throttles every producer, the gateway's included. The overload soak uses it to offer far more than Kafka
 * takes and watch the gateway refuse fast (503) with bounded memory. Runs on the caller's thread.
 */
final class BrokerQuota {
    private static final String PRODUCER_BYTE_RATE = "producer_byte_rate";

    private BrokerQuota() {
    }

    /** Throttles every producer to {@code bytesPerSecond} per broker. */
    static void apply(String bootstrap, long bytesPerSecond) throws Exception {
        alter(bootstrap, (double) bytesPerSecond);
    }

    /** Removes the quota again. */
    static void clear(String bootstrap) throws Exception {
        alter(bootstrap, null);
    }

    private static void alter(String bootstrap, Double value) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        ClientQuotaEntity defaultClient = new ClientQuotaEntity(
                Collections.singletonMap(ClientQuotaEntity.CLIENT_ID, null));
        try (Admin admin = Admin.create(p)) {
            admin.alterClientQuotas(List.of(new ClientQuotaAlteration(defaultClient,
                    List.of(new ClientQuotaAlteration.Op(PRODUCER_BYTE_RATE, value))))).all().get(30, TimeUnit.SECONDS);
        }
    }

    /** The quota now set on the default client entity, or null (for tests and the report). */
    static Double current(String bootstrap) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(p)) {
            Map<ClientQuotaEntity, Map<String, Double>> all = admin.describeClientQuotas(
                    org.apache.kafka.common.quota.ClientQuotaFilter.all()).entities().get(30, TimeUnit.SECONDS);
            return all.values().stream().map(m -> m.get(PRODUCER_BYTE_RATE)).filter(v -> v != null).findFirst()
                    .orElse(null);
        }
    }
}
