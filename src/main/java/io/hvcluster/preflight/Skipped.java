package io.hvcluster.preflight;

/** A check that could not run on a host yet, and why (a private network not addressed yet). */
public record Skipped(String host, String check, String why) {
}
