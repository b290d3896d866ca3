package io.sluice.gateway.http;

import java.util.regex.Pattern;

/**
 * Media types and content negotiation, one rule for every format: is a {@code Content-Type} this media
 * type, is it of this family, does an {@code Accept} list allow one of these. A media type is compared
 * without its parameters and surrounding spaces, case-insensitively (RFC 9110 8.3.1). Stateless;
 * allocation-free on the produce hot path (a Content-Type check, no Accept header, {@code *}{@code /*}).
 */
public final class MediaRanges {
    /** A range with quality zero: "not acceptable" (RFC 9110 12.4.2); spaces removed, lower case. */
    private static final Pattern QUALITY_ZERO = Pattern.compile(".*;q=0(\\.0*)?(;.*)?");

    private MediaRanges() {
    }

    /** True if {@code mediaType} (parameters allowed) is {@code expected}. */
    public static boolean is(String mediaType, String expected) {
        if (mediaType == null) {
            return false;
        }
        long span = essence(mediaType);
        int start = (int) (span >>> 32);
        int end = (int) span;
        return end - start == expected.length() && mediaType.regionMatches(true, start, expected, 0, end - start);
    }

    /** True if {@code mediaType} (parameters allowed) starts with {@code prefix} and ends with {@code suffix}. */
    public static boolean isOfFamily(String mediaType, String prefix, String suffix) {
        if (mediaType == null) {
            return false;
        }
        long span = essence(mediaType);
        int start = (int) (span >>> 32);
        int end = (int) span;
        return end - start >= prefix.length() + suffix.length()
                && mediaType.regionMatches(true, start, prefix, 0, prefix.length())
                && mediaType.regionMatches(true, end - suffix.length(), suffix, 0, suffix.length());
    }

    /**
     * True if the {@code Accept} header (null when absent: anything goes) names one of {@code produced}, or
     * {@code *}{@code /*}, or {@code application/*}, with a non-zero quality.
     */
    public static boolean accepts(String accept, String... produced) {
        if (accept == null || accept.isBlank() || accept.equals("*/*")) {
            return true;
        }
        for (String range : accept.split(",")) {
            if (QUALITY_ZERO.matcher(range.replace(" ", "").toLowerCase(java.util.Locale.ROOT)).matches()) {
                continue;
            }
            if (is(range, "*/*") || is(range, "application/*")) {
                return true;
            }
            for (String p : produced) {
                if (is(range, p)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Where the media type without parameters and spaces lies in {@code s}: start in the high int, end in the low. */
    private static long essence(String s) {
        int end = s.indexOf(';');
        end = end < 0 ? s.length() : end;
        int start = 0;
        while (start < end && s.charAt(start) == ' ') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == ' ') {
            end--;
        }
        return (long) start << 32 | end;
    }
}
