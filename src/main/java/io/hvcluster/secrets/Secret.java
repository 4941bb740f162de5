package io.hvcluster.secrets;

import java.util.Objects;

/**
 * A secret value (a password). Its toString never shows the value, so it cannot leak into a log line,
 * an exception message or a report by accident; {@link #reveal()} is the one explicit way out.
 */
public final class Secret {

    public static final String MASK = "********";

    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value);
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    /** The plain value, for the transport and the script payload only. */
    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return MASK;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
