package io.sluice.bench.report;

import java.util.Locale;

/**
 * A one-line terminal progress bar, {@code \rcell 3/12 epoll/raw [#######.............]  35%}: starts with a
 * carriage return so each render overwrites the last. Pure; the caller prints it.
 */
public final class ProgressBar {
    private ProgressBar() {
    }

    /**
     * @param fraction done, clamped to [0, 1] (NaN counts as 0)
     * @param width    characters inside the brackets, at least 1
     */
    public static String render(String label, double fraction, int width) {
        if (width < 1) {
            throw new IllegalArgumentException("progress bar width must be at least 1, was " + width);
        }
        double done = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
        int filled = (int) Math.floor(done * width);
        return "\r" + label + " [" + "#".repeat(filled) + ".".repeat(width - filled) + "] "
                + String.format(Locale.ROOT, "%3d%%", (int) Math.floor(done * 100));
    }
}
