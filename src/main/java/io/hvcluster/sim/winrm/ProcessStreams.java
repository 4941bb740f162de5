package io.hvcluster.sim.winrm;

import java.util.function.Consumer;

/** Where a simulated program's stdout and stderr go after cmd.exe's redirections ({@code 1>&2}, {@code >nul}). */
record ProcessStreams(Consumer<String> stdout, Consumer<String> stderr) {

    static ProcessStreams of(CommandOutput output) {
        return new ProcessStreams(output::stdout, output::stderr);
    }
}
