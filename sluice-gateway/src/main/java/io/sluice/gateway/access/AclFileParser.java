package io.sluice.gateway.access;

import io.sluice.gateway.access.AclPolicy.Operation;
import io.sluice.gateway.access.AclPolicy.Rule;
import io.sluice.gateway.access.internal.LocatedYaml;
import io.sluice.gateway.access.internal.LocatedYaml.Entry;
import io.sluice.gateway.access.internal.LocatedYaml.Mapping;
import io.sluice.gateway.access.internal.LocatedYaml.Node;
import io.sluice.gateway.access.internal.LocatedYaml.Scalar;
import io.sluice.gateway.access.internal.LocatedYaml.Sequence;
import io.sluice.gateway.access.internal.TopicPattern;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates an ACL file's tree and builds its {@link AclPolicy}; every refusal names the line of the
 * offending key or value. Load time only; one instance per parse.
 */
final class AclFileParser {
    private static final Set<String> TOP_KEYS = Set.of("rules", "quotas");
    private static final Set<String> RULE_KEYS = Set.of("principal", "group", "topics", "allow");
    private static final Set<String> QUOTA_KEYS = Set.of("principal", "group", "requests-per-second",
            "bytes-per-second");

    private final Path file;

    AclFileParser(Path file) {
        this.file = file;
    }

    AclPolicy parse(byte[] content) throws PolicyFileException {
        Node root = LocatedYaml.read(file, content);
        if (root == null) {
            throw fail(1, "the ACL file is empty; write 'rules: []' to deny everything");
        }
        Mapping top = mapping(root, "the file", TOP_KEYS);
        Entry rules = top.entries().get("rules");
        if (rules == null) {
            throw fail(top.line(), "no 'rules' list; write 'rules: []' to deny everything");
        }
        List<Rule> parsed = new ArrayList<>();
        for (Node item : sequence(rules).items()) {
            parsed.add(rule(item));
        }
        List<QuotaOverride> quotas = new ArrayList<>();
        Entry q = top.entries().get("quotas");
        if (q != null && !(q.value() instanceof Scalar s && s.text() == null)) {
            Map<String, Integer> seen = new HashMap<>();
            for (Node item : sequence(q).items()) {
                QuotaOverride o = quota(item);
                String subject = o.principal() != null ? "principal " + o.principal() : "group " + o.group();
                Integer before = seen.putIfAbsent(subject, o.line());
                if (before != null) {
                    throw fail(o.line(), "a second quota for " + subject + " (the first is on line " + before + ")");
                }
                quotas.add(o);
            }
        }
        return new AclPolicy(parsed, quotas);
    }

    private Rule rule(Node node) throws PolicyFileException {
        Mapping m = mapping(node, "a rule", RULE_KEYS);
        String principal = optionalName(m, "principal");
        String group = optionalName(m, "group");
        if ((principal == null) == (group == null)) {
            throw fail(m.line(), principal == null
                    ? "a rule needs 'principal' (a name, or \"*\" for any) or 'group'"
                    : "a rule names both 'principal' and 'group'; write two rules");
        }
        List<TopicPattern> topics = new ArrayList<>();
        for (Scalar t : nonEmptyStrings(m, "topics", "[\"events\", \"logs.*\"]")) {
            try {
                topics.add(TopicPattern.compile(t.text()));
            } catch (IllegalArgumentException e) {
                throw fail(t.line(), e.getMessage());
            }
        }
        Set<Operation> allow = EnumSet.noneOf(Operation.class);
        for (Scalar verb : nonEmptyStrings(m, "allow", "[produce]")) {
            allow.add(operation(verb));
        }
        return new Rule(principal, group, List.copyOf(topics), Set.copyOf(allow), m.line());
    }

    private Operation operation(Scalar verb) throws PolicyFileException {
        for (Operation o : Operation.values()) {
            if (o.word.equals(verb.text())) {
                return o;
            }
        }
        throw fail(verb.line(), "unknown operation '" + verb.text() + "' in 'allow'; the known one is produce");
    }

    private QuotaOverride quota(Node node) throws PolicyFileException {
        Mapping m = mapping(node, "a quota", QUOTA_KEYS);
        String principal = optionalName(m, "principal");
        String group = optionalName(m, "group");
        if ((principal == null) == (group == null)) {
            throw fail(m.line(), principal == null ? "a quota needs 'principal' or 'group'"
                    : "a quota names both 'principal' and 'group'; write two entries");
        }
        if (AclPolicy.ANY_PRINCIPAL.equals(principal)) {
            throw fail(m.entries().get("principal").keyLine(),
                    "a quota for principal \"*\"; the default for everyone is the --quota option");
        }
        Double requests = rate(m, "requests-per-second", true);
        Double bytes = rate(m, "bytes-per-second", false);
        if (requests == null && bytes == null) {
            throw fail(m.line(), "a quota needs 'requests-per-second' or 'bytes-per-second' (or both)");
        }
        return new QuotaOverride(principal, group, requests, bytes, m.line());
    }

    private Double rate(Mapping m, String key, boolean requests) throws PolicyFileException {
        Entry e = m.entries().get(key);
        if (e == null) {
            return null;
        }
        Scalar s = scalar(e);
        try {
            return requests ? QuotaLimits.requestRate(s.text()) : QuotaLimits.byteRate(s.text());
        } catch (IllegalArgumentException ex) {
            throw fail(s.line(), key + ": " + ex.getMessage());
        }
    }

    private Mapping mapping(Node node, String what, Set<String> keys) throws PolicyFileException {
        if (!(node instanceof Mapping m)) {
            throw fail(node.line(), what + " must be a mapping, not " + node.kind());
        }
        for (Entry e : m.entries().values()) {
            if (!keys.contains(e.key())) {
                throw fail(e.keyLine(), "unknown key '" + e.key() + "' in " + what + "; expected "
                        + String.join(", ", keys.stream().sorted().toList()));
            }
        }
        return m;
    }

    private Sequence sequence(Entry e) throws PolicyFileException {
        if (!(e.value() instanceof Sequence s)) {
            throw fail(e.value().line() > 0 ? e.value().line() : e.keyLine(),
                    "'" + e.key() + "' must be a list, not " + e.value().kind());
        }
        return s;
    }

    private Scalar scalar(Entry e) throws PolicyFileException {
        if (!(e.value() instanceof Scalar s) || s.text() == null || s.text().isBlank()) {
            throw fail(e.keyLine(), "'" + e.key() + "' must be a value, not " + e.value().kind());
        }
        return s;
    }

    private String optionalName(Mapping m, String key) throws PolicyFileException {
        Entry e = m.entries().get(key);
        return e == null ? null : scalar(e).text();
    }

    private List<Scalar> nonEmptyStrings(Mapping m, String key, String example) throws PolicyFileException {
        Entry e = m.entries().get(key);
        if (e == null) {
            throw fail(m.line(), "a rule needs '" + key + "', e.g. " + key + ": " + example);
        }
        Sequence s = sequence(e);
        if (s.items().isEmpty()) {
            throw fail(e.keyLine(), "'" + key + "' is empty; e.g. " + key + ": " + example);
        }
        List<Scalar> out = new ArrayList<>();
        for (Node item : s.items()) {
            if (!(item instanceof Scalar v) || v.text() == null || v.text().isEmpty()) {
                throw fail(item.line(), "each of '" + key + "' must be a value, not " + item.kind());
            }
            out.add(v);
        }
        return out;
    }

    private PolicyFileException fail(int line, String reason) {
        return new PolicyFileException(file, line, reason);
    }
}
