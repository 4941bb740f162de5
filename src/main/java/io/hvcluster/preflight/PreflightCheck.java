package io.hvcluster.preflight;

/** One preflight rule: reads the facts, reports what is wrong. Pure: no I/O. */
public interface PreflightCheck {

    /** Kebab-case id printed with each finding ("os-version"). */
    String id();

    void check(PreflightInput in, Findings out);
}
