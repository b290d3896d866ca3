package io.sluice.gateway.access.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled topic pattern of an ACL rule. Immutable and thread-safe; {@link #matches} allocates nothing.
 *
 * <p>Syntax: the topic characters {@code [a-zA-Z0-9._-]} stand for themselves (case-sensitive), {@code *}
 * matches any run of topic characters, including none (a topic name has no separators, so {@code logs.*}
 * matches {@code logs.}, {@code logs.app} and {@code logs.app.v2}), {@code ?} matches exactly one
 * character, and {@code ${principal}} stands for the caller's principal name, compared literally: a name
 * holding {@code *} or {@code ?} matches only those very characters, never widening the rule. There are no
 * character classes and no escapes; anything else is refused when the file is loaded.
 *
 * <p>Matching walks the pattern once, backtracking only to the last {@code *} (the classic wildcard
 * algorithm: every piece between stars has a fixed length, so its leftmost match is the best one).
 */
public final class TopicPattern {
    private static final String PRINCIPAL = "${principal}";
    private static final byte TEXT = 0;
    private static final byte ONE = 1;
    private static final byte ANY = 2;
    private static final byte NAME = 3;

    private final String source;
    private final byte[] kinds;
    private final String[] texts;
    private final boolean literal;

    private TopicPattern(String source, byte[] kinds, String[] texts) {
        this.source = source;
        this.kinds = kinds;
        this.texts = texts;
        this.literal = kinds.length == 1 && kinds[0] == TEXT;
    }

    /**
     * Compiles {@code pattern}.
     *
     * @throws IllegalArgumentException saying what is wrong, for the file's error message
     */
    public static TopicPattern compile(String pattern) {
        if (pattern == null || pattern.isEmpty()) {
            throw new IllegalArgumentException("an empty topic pattern");
        }
        List<Byte> kinds = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (isTopicChar(c)) {
                text.append(c);
                i++;
                continue;
            }
            flush(text, kinds, texts);
            if (c == '*') {
                if (kinds.isEmpty() || kinds.get(kinds.size() - 1) != ANY) {
                    add(kinds, texts, ANY, null);
                }
                i++;
            } else if (c == '?') {
                add(kinds, texts, ONE, null);
                i++;
            } else if (pattern.startsWith(PRINCIPAL, i)) {
                add(kinds, texts, NAME, null);
                i += PRINCIPAL.length();
            } else if (pattern.startsWith("${", i)) {
                int end = pattern.indexOf('}', i);
                String var = end < 0 ? pattern.substring(i) : pattern.substring(i, end + 1);
                throw new IllegalArgumentException("topic pattern '" + pattern + "' uses " + var
                        + "; only ${principal} may be substituted");
            } else {
                throw new IllegalArgumentException("topic pattern '" + pattern + "' has '" + c
                        + "'; use letters, digits, '.', '_' and '-', with '*' (any run) and '?' (one character)"
                        + " as wildcards and ${principal} for the caller's name");
            }
        }
        flush(text, kinds, texts);
        byte[] k = new byte[kinds.size()];
        for (int j = 0; j < k.length; j++) {
            k[j] = kinds.get(j);
        }
        return new TopicPattern(pattern, k, texts.toArray(String[]::new));
    }

    private static void flush(StringBuilder text, List<Byte> kinds, List<String> texts) {
        if (!text.isEmpty()) {
            add(kinds, texts, TEXT, text.toString());
            text.setLength(0);
        }
    }

    private static void add(List<Byte> kinds, List<String> texts, byte kind, String text) {
        kinds.add(kind);
        texts.add(text);
    }

    private static boolean isTopicChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '-';
    }

    /** Whether {@code topic} matches, with {@code principal} standing for {@code ${principal}}. */
    public boolean matches(String topic, String principal) {
        if (literal) {
            return texts[0].equals(topic);
        }
        int t = 0;
        int p = 0;
        int starP = -1;
        int starT = -1;
        int n = topic.length();
        while (t < n) {
            if (p < kinds.length) {
                byte kind = kinds[p];
                if (kind == ANY) {
                    starP = p++;
                    starT = t;
                    continue;
                }
                if (kind == ONE) {
                    t++;
                    p++;
                    continue;
                }
                String fixed = kind == NAME ? principal : texts[p];
                if (topic.startsWith(fixed, t)) {
                    t += fixed.length();
                    p++;
                    continue;
                }
            }
            if (starP < 0) {
                return false;
            }
            p = starP + 1;
            t = ++starT;
        }
        while (p < kinds.length && (kinds[p] == ANY || (kinds[p] == NAME && principal.isEmpty()))) {
            p++;
        }
        return p == kinds.length;
    }

    /** Whether the pattern names {@code ${principal}}. */
    public boolean namesPrincipal() {
        for (byte k : kinds) {
            if (k == NAME) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return source;
    }
}
