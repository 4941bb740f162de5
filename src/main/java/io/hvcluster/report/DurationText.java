package io.hvcluster.report;

import java.time.Duration;
import java.util.Locale;

/** Durations as an admin reads them: "0.4s", "12.3s", "1m12s", "2h05m". Locale-free. */
public final class DurationText {

    private DurationText() {
    }

    public static String of(Duration d) {
        long ms = Math.max(0, d.toMillis());
        if (ms < 60_000) {
            return String.format(Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        long s = ms / 1000;
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
