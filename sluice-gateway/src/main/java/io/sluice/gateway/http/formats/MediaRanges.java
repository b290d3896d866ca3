package io.sluice.gateway.http.formats;

/**
 * Content negotiation for the peers' APIs: is a media type or an {@code Accept} list one the API answers in?
 * Stateless; allocation-free on the common paths (no Accept header, {@code *}{@code /*}).
 */
final class MediaRanges {
    private MediaRanges() {
    }

    /** The media type without parameters or surrounding spaces, compared case-insensitively. */
    static boolean is(String mediaType, String expected) {
        if (mediaType == null) {
            return false;
        }
        int end = mediaType.indexOf(';');
        end = end < 0 ? mediaType.length() : end;
        int start = 0;
        while (start < end && mediaType.charAt(start) == ' ') {
            start++;
        }
        while (end > start && mediaType.charAt(end - 1) == ' ') {
            end--;
        }
        return end - start == expected.length() && mediaType.regionMatches(true, start, expected, 0, end - start);
    }

    /**
     * True if the {@code Accept} header (null when absent: anything goes) names one of {@code produced}, or
     * {@code *}{@code /*}, or {@code application/*}, with a non-zero quality.
     */
    static boolean accepts(String accept, String... produced) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String range : accept.split(",")) {
            if (range.replace(" ", "").toLowerCase(java.util.Locale.ROOT).matches(".*;q=0(\\.0*)?(;.*)?")) {
                continue; // "not acceptable" (RFC 9110 12.4.2)
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
}
