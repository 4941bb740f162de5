package io.hvcluster.run;

import java.time.Duration;
import java.util.Locale;

/** A wait's length as a progress line shows it: "45s", "4m10s", "30m", "1h05m"; whole seconds, no zero parts at the end. */
final class WaitText {

    private WaitText() {
    }

    static String of(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s % 60 == 0 ? (s / 60) + "m" : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        long m = (s % 3600) / 60;
        return m == 0 ? (s / 3600) + "h" : String.format(Locale.ROOT, "%dh%02dm", s / 3600, m);
    }
}
