package io.sluice.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The ACL matrix: who may produce where, for each kind of rule and pattern. */
class AclPolicyTest {
    private static final String ACL = """
            rules:
              - principal: alice
                topics: ["events", "logs.*"]
                allow: [produce]
              - group: partners
                topics: ["partner.${principal}.*"]
                allow: [produce]
              - principal: "*"
                topics: ["public"]
                allow: [produce]
              - principal: bob
                topics: ["metrics-??"]
                allow: [produce]
              - principal: bob
                topics: ["audit", "a*b*c"]
                allow: [produce]
            """;

    private static AclPolicy policy(String yaml) throws PolicyFileException {
        return AclPolicy.parse(Path.of("acl.yaml"), yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static Principal user(String name, String... groups) {
        return new Principal(name, Set.of(groups), "api-key");
    }

    @Test
    void shouldAllowALiteralTopicOnlyToItsPrincipal() throws Exception {
        AclPolicy acl = policy(ACL);
        assertThat(acl.mayProduce(user("alice"), "events")).isTrue();
        assertThat(acl.mayProduce(user("alice"), "event")).isFalse();
        assertThat(acl.mayProduce(user("alice"), "events2")).isFalse();
        assertThat(acl.mayProduce(user("Alice"), "events")).isFalse();
        assertThat(acl.mayProduce(user("carol"), "events")).isFalse();
    }

    @Test
    void shouldMatchAStarAcrossAnyRunOfTopicCharactersIncludingDots() throws Exception {
        AclPolicy acl = policy(ACL);
        assertThat(acl.mayProduce(user("alice"), "logs.")).isTrue();
        assertThat(acl.mayProduce(user("alice"), "logs.app")).isTrue();
        assertThat(acl.mayProduce(user("alice"), "logs.app.v2")).isTrue();
        assertThat(acl.mayProduce(user("alice"), "logs")).isFalse();
        assertThat(acl.mayProduce(user("alice"), "xlogs.app")).isFalse();
        assertThat(acl.mayProduce(user("bob"), "abc")).isTrue();
        assertThat(acl.mayProduce(user("bob"), "a-b-b-c")).isTrue();
        assertThat(acl.mayProduce(user("bob"), "a-b-c-d")).isFalse();
    }

    @Test
    void shouldMatchAQuestionMarkToExactlyOneCharacter() throws Exception {
        AclPolicy acl = policy(ACL);
        assertThat(acl.mayProduce(user("bob"), "metrics-eu")).isTrue();
        assertThat(acl.mayProduce(user("bob"), "metrics-e")).isFalse();
        assertThat(acl.mayProduce(user("bob"), "metrics-eu1")).isFalse();
    }

    @Test
    void shouldCombineSeveralRulesForOnePrincipal() throws Exception {
        AclPolicy acl = policy(ACL);
        assertThat(acl.mayProduce(user("bob"), "audit")).isTrue();
        assertThat(acl.mayProduce(user("bob"), "metrics-us")).isTrue();
        assertThat(acl.mayProduce(user("bob"), "events")).isFalse();
    }

    @Test
    void shouldLetAStarPrincipalRuleServeEveryAuthenticatedPrincipalButNotTheAnonymousOne() throws Exception {
        AclPolicy acl = policy(ACL);
        assertThat(acl.mayProduce(user("alice"), "public")).isTrue();
        assertThat(acl.mayProduce(user("zed"), "public")).isTrue();
        assertThat(acl.mayProduce(Principal.ANONYMOUS, "public")).isFalse();
        assertThat(acl.mayProduce(user("zed"), "publics")).isFalse();
    }

    @Test
    void shouldAllowGroupMembersTheirOwnPrincipalsTopicsOnly() throws Exception {
        AclPolicy acl = policy(ACL);
        assertThat(acl.mayProduce(user("acme", "partners"), "partner.acme.orders")).isTrue();
        assertThat(acl.mayProduce(user("acme", "staff", "partners"), "partner.acme.x")).isTrue();
        assertThat(acl.mayProduce(user("acme", "partners"), "partner.globex.orders")).isFalse();
        assertThat(acl.mayProduce(user("acme"), "partner.acme.orders")).isFalse();
        assertThat(acl.mayProduce(user("acme", "staff"), "partner.acme.orders")).isFalse();
        assertThat(acl.mayProduce(user("acme", "partners"), "partner.acme")).isFalse();
    }

    @Test
    void shouldNotLetGlobCharactersInAPrincipalNameWidenAPrincipalRule() throws Exception {
        AclPolicy acl = policy(ACL);
        Principal star = user("*", "partners");
        assertThat(acl.mayProduce(star, "partner.acme.orders")).isFalse();
        assertThat(acl.mayProduce(star, "partner.*.orders")).isTrue();
        Principal question = user("a?", "partners");
        assertThat(acl.mayProduce(question, "partner.ab.orders")).isFalse();
        assertThat(acl.mayProduce(question, "partner.a?.orders")).isTrue();
        Principal dotted = user("a.b", "partners");
        assertThat(acl.mayProduce(dotted, "partner.a.b.x")).isTrue();
        assertThat(acl.mayProduce(dotted, "partner.aXb.x")).isFalse();
    }

    @Test
    void shouldDenyEverythingNoRuleAllows() throws Exception {
        AclPolicy empty = policy("rules: []\n");
        assertThat(empty.ruleCount()).isZero();
        assertThat(empty.mayProduce(user("alice"), "events")).isFalse();
        assertThat(policy(ACL).mayProduce(user("mallory", "admins"), "logs.app")).isFalse();
    }

    @Test
    void shouldCountTheRulesAndKeepTheQuotaEntriesInFileOrder() throws Exception {
        AclPolicy acl = policy(ACL + """
                quotas:
                  - principal: alice
                    requests-per-second: 500
                    bytes-per-second: 10MiB
                  - group: partners
                    bytes-per-second: unlimited
                """);
        assertThat(acl.ruleCount()).isEqualTo(5);
        assertThat(acl.quotas()).containsExactly(
                new QuotaOverride("alice", null, 500.0, 10.0 * 1024 * 1024, 18),
                new QuotaOverride(null, "partners", null, Double.POSITIVE_INFINITY, 21));
    }
}
