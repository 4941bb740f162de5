package io.hvcluster.report;

import io.hvcluster.run.StepStatus;

/**
 * ANSI colours, or none. Whether to colour is decided once by the caller (a terminal, NO_COLOR unset) and
 * passed in, so redirected output and tests see plain text.
 */
final class Ansi {

    private static final String RESET = "\u001b[0m";

    private final boolean enabled;

    Ansi(boolean enabled) {
        this.enabled = enabled;
    }

    String bold(String s) {
        return wrap("1", s);
    }

    String green(String s) {
        return wrap("32", s);
    }

    String red(String s) {
        return wrap("31", s);
    }

    String yellow(String s) {
        return wrap("33", s);
    }

    String dim(String s) {
        return wrap("2", s);
    }

    String status(StepStatus status, String text) {
        return switch (status) {
            case CHANGED -> wrap("33", text);
            case UNCHANGED -> wrap("32", text);
            case FAILED -> wrap("1;31", text);
            case NOT_CONVERGED -> wrap("1;35", text);
            case SKIPPED -> wrap("2", text);
            case PLANNED -> wrap("36", text);
        };
    }

    private String wrap(String code, String s) {
        return enabled ? "\u001b[" + code + "m" + s + RESET : s;
    }
}
