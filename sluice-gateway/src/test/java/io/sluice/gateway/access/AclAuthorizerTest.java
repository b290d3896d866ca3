package io.sluice.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ACL from a real file: the start, a reload, and a bad edit that keeps the last good rules. */
class AclAuthorizerTest {
    private static final Principal ALICE = new Principal("alice", Set.of(), "api-key");

    @TempDir
    Path dir;

    private Path write(String yaml) throws Exception {
        return Files.writeString(dir.resolve("acl.yaml"), yaml);
    }

    @Test
    void shouldFailTheStartWithTheLineOfABadRule() throws Exception {
        Path f = write("rules:\n  - principal: alice\n    topics: [events]\n    allow: [write]\n");
        assertThatThrownBy(() -> AclAuthorizer.fromFile(f))
                .isInstanceOf(PolicyFileException.class)
                .hasMessageContaining("acl.yaml:4: unknown operation 'write'");
    }

    @Test
    void shouldTakeAnEditIntoEffectAndKeepTheLastGoodRulesWhenAnEditIsBad() throws Exception {
        Path f = write("rules:\n  - principal: alice\n    topics: [events]\n    allow: [produce]\n");
        AclAuthorizer acl = AclAuthorizer.fromFile(f);
        assertThat(acl.ruleCount()).isEqualTo(1);
        assertThat(acl.mayProduce(ALICE, "events")).isTrue();
        assertThat(acl.mayProduce(ALICE, "logs")).isFalse();

        write("rules:\n  - principal: alice\n    topics: [logs]\n    allow: [produce]\n"
                + "  - principal: bob\n    topics: [logs]\n    allow: [produce]\n");
        assertThat(acl.reloadIfChanged()).isTrue();
        assertThat(acl.ruleCount()).isEqualTo(2);
        assertThat(acl.mayProduce(ALICE, "events")).isFalse();
        assertThat(acl.mayProduce(ALICE, "logs")).isTrue();

        write("rules:\n  - principal: alice\n    topics: [\"*\"]\n    allow: [produce]\n  - principal: bob\n");
        assertThat(acl.reloadIfChanged()).isFalse();
        assertThat(acl.ruleCount()).isEqualTo(2);
        assertThat(acl.mayProduce(ALICE, "events")).isFalse();
        assertThat(acl.mayProduce(ALICE, "logs")).isTrue();
    }

    @Test
    void shouldUpdateTheQuotaOverridesOnReload() throws Exception {
        Path f = write("rules: []\nquotas:\n  - principal: alice\n    requests-per-second: 5\n");
        AclAuthorizer acl = AclAuthorizer.fromFile(f);
        assertThat(acl.quotaOverrides()).extracting(QuotaOverride::requestsPerSecond).containsExactly(5.0);
        write("rules: []\nquotas:\n  - principal: alice\n    requests-per-second: 7\n");
        assertThat(acl.reloadIfChanged()).isTrue();
        assertThat(acl.quotaOverrides()).extracting(QuotaOverride::requestsPerSecond).containsExactly(7.0);
    }
}
