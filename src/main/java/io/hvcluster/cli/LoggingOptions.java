package io.hvcluster.cli;

import picocli.CommandLine.Option;

/** -q / -v / -vv, shared by every command through @Mixin. */
public final class LoggingOptions {

    @Option(names = {"-v", "--verbose"}, description = "More detail. -v: every change a step made, the scripts' output, "
            + "hvcluster's debug lines and the stack trace of an internal error. -vv: also the WinRM traffic (HTTP requests "
            + "and responses, OverThere's debug lines; credentials masked).")
    boolean[] verbosity = new boolean[0];

    @Option(names = {"-q", "--quiet"}, description = "Only warnings, errors and the summary.")
    boolean quiet;

    public boolean verbose() {
        return verbosity.length >= 1;
    }

    /** -vv: the WinRM traffic too. */
    public boolean traffic() {
        return verbosity.length >= 2;
    }

    public boolean quiet() {
        return quiet;
    }
}
