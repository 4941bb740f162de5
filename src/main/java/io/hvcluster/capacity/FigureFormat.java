package io.hvcluster.capacity;

import java.util.Locale;

/** How figures read in messages and the table: GB with one decimal, percentages, ratios. Locale-free. */
final class FigureFormat {

    private FigureFormat() {
    }

    static String gb(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Rounded up to the next 0.1 GB, for amounts to add: a rounded-down figure would fall short. */
    static String gbAtLeast(double value) {
        return gb(Math.ceil(value * 10.0 - 1e-9) / 10.0);
    }

    static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f%%", value);
    }

    static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** A whole number, or a decimal only where the input had one (8 → "8", 12.5 → "12.5"). */
    static String plain(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%s", value);
    }

    static String hosts(long n) {
        return counted(n, "host");
    }

    /** "1 host", "3 hosts", "1 vCPU", "2 vCPUs". */
    static String counted(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
