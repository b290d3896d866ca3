package io.sluice.gateway;

import io.sluice.gateway.testing.TestBroker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One real broker for a whole test class (all its parameterized invocations). Test-only. */
abstract class SharedBrokerTest {
    static TestBroker kafka;

    @BeforeAll
    static void startBroker() {
        if (kafka == null) {
            kafka = TestBroker.start();
        }
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }
}
