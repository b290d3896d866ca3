package io.sluice.gateway.access;

import io.sluice.gateway.access.internal.TopicPattern;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An ACL file, parsed and compiled: who may produce to which topics, and the quota overrides. Immutable
 * and thread-safe; {@link #mayProduce} allocates nothing beyond iterating the caller's groups.
 *
 * <p>Rules are indexed by subject (principal name, {@code "*"}, group), so a decision looks only at the
 * rules that name the caller, and their topic patterns were compiled when the file was read.
 */
public final class AclPolicy {
    /** What a rule may allow. Only {@code produce} today; {@code describe} (listing topics) has room here. */
    enum Operation {
        PRODUCE("produce");

        final String word;

        Operation(String word) {
            this.word = word;
        }
    }

    /** One rule; exactly one of {@code principal} and {@code group} is set. */
    record Rule(String principal, String group, List<TopicPattern> topics, Set<Operation> allow, int line) {
        boolean allowsProduce(String topic, String principalName) {
            if (!allow.contains(Operation.PRODUCE)) {
                return false;
            }
            for (TopicPattern t : topics) {
                if (t.matches(topic, principalName)) {
                    return true;
                }
            }
            return false;
        }
    }

    static final String ANY_PRINCIPAL = "*";
    private static final Rule[] NONE = {};

    private final List<Rule> rules;
    private final List<QuotaOverride> quotas;
    private final Map<String, Rule[]> byPrincipal;
    private final Rule[] anyPrincipal;
    private final Map<String, Rule[]> byGroup;

    AclPolicy(List<Rule> rules, List<QuotaOverride> quotas) {
        this.rules = List.copyOf(rules);
        this.quotas = List.copyOf(quotas);
        Map<String, List<Rule>> principals = new HashMap<>();
        Map<String, List<Rule>> groups = new HashMap<>();
        List<Rule> anyone = new ArrayList<>();
        for (Rule r : rules) {
            if (r.group() != null) {
                groups.computeIfAbsent(r.group(), g -> new ArrayList<>()).add(r);
            } else if (r.principal().equals(ANY_PRINCIPAL)) {
                anyone.add(r);
            } else {
                principals.computeIfAbsent(r.principal(), p -> new ArrayList<>()).add(r);
            }
        }
        this.byPrincipal = toArrays(principals);
        this.byGroup = toArrays(groups);
        this.anyPrincipal = anyone.toArray(NONE);
    }

    private static Map<String, Rule[]> toArrays(Map<String, List<Rule>> lists) {
        Map<String, Rule[]> arrays = new HashMap<>();
        lists.forEach((k, v) -> arrays.put(k, v.toArray(NONE)));
        return Map.copyOf(arrays);
    }

    /**
     * Reads an ACL file; the {@link ReloadingFile.Parser} for {@code --acl}.
     *
     * @throws PolicyFileException with the 1-based line and the reason when the file is not a valid ACL
     */
    public static AclPolicy parse(Path file, byte[] content) throws PolicyFileException {
        return new AclFileParser(file).parse(content);
    }

    /**
     * Whether a rule allows {@code who} to produce to {@code topic}: a rule naming its principal, a rule for
     * {@code principal: "*"} (any authenticated principal, so not {@link Principal#ANONYMOUS} or any other
     * principal whose method is {@code none}), or a rule naming one of its groups. Anything else is denied.
     */
    public boolean mayProduce(Principal who, String topic) {
        String name = who.name();
        if (anyAllows(byPrincipal.get(name), topic, name)) {
            return true;
        }
        if (anyPrincipal.length > 0 && !"none".equals(who.method()) && anyAllows(anyPrincipal, topic, name)) {
            return true;
        }
        if (!byGroup.isEmpty()) {
            for (String g : who.groups()) {
                if (anyAllows(byGroup.get(g), topic, name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean anyAllows(Rule[] candidates, String topic, String principalName) {
        if (candidates == null) {
            return false;
        }
        for (Rule r : candidates) {
            if (r.allowsProduce(topic, principalName)) {
                return true;
            }
        }
        return false;
    }

    /** The number of rules, for the startup log. */
    public int ruleCount() {
        return rules.size();
    }

    /** The {@code quotas} section, in file order. */
    public List<QuotaOverride> quotas() {
        return quotas;
    }
}
