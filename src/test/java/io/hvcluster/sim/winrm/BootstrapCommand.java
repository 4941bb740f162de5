package io.hvcluster.sim.winrm;

import io.hvcluster.exec.bootstrap.BootstrapPayload;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The command line hvcluster's executor runs: a small bootstrap as -EncodedCommand that reads stdin. */
final class BootstrapCommand {

    private BootstrapCommand() {
    }

    static String commandLine() {
        String bootstrap = BootstrapPayload.BOOTSTRAP_MARKER + "\r\n# reads the payload from stdin up to "
                + BootstrapPayload.TERMINATOR + " (the simulator does not run this text)\r\n";
        return "powershell -NoProfile -NonInteractive -ExecutionPolicy Bypass -InputFormat None -EncodedCommand "
                + encoded(bootstrap);
    }

    static String encoded(String script) {
        return Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_16LE));
    }
}
