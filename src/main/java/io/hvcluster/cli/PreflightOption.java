package io.hvcluster.cli;

import picocli.CommandLine.Option;

/** The option to skip the preflight that plan and apply run before planning (the workflow runs it). */
public final class PreflightOption {

    @Option(names = "--skip-preflight",
            description = "Do not run the preflight checks before planning ('validate --online' runs them on their own).")
    boolean skip;
}
