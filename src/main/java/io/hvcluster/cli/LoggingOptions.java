package io.hvcluster.cli;

import picocli.CommandLine.Option;

/** -v / -q, shared by every command through @Mixin. */
public final class LoggingOptions {

    @Option(names = {"-v", "--verbose"}, description = "Show debug output and stack traces of internal errors.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "Show only warnings and errors on the console.")
    boolean quiet;

    public boolean verbose() {
        return verbose;
    }

    public boolean quiet() {
        return quiet;
    }
}
