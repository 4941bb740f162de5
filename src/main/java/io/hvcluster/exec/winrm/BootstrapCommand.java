package io.hvcluster.exec.winrm;

import com.xebialabs.overthere.CmdLine;
import io.hvcluster.exec.bootstrap.BootstrapPayload;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * The command line that starts the bootstrap ({@code bootstrap.ps1}) on the host. Every script travels the
 * same way: this short, constant command, then the script and its secrets over stdin
 * ({@link BootstrapPayload}). See docs/transport.md.
 */
final class BootstrapCommand {

    /** cmd.exe's limit (KB 830473); WinRS runs the command line through cmd /c. */
    static final int CMD_EXE_LIMIT = 8191;
    static final String RESOURCE = "bootstrap.ps1";
    static final List<String> POWERSHELL = List.of(
            "powershell.exe", "-NoProfile", "-NonInteractive", "-ExecutionPolicy", "Bypass", "-EncodedCommand");

    /** The one rendered value: a quoted number, so the unrendered resource is valid PowerShell too. */
    private static final String HEARTBEAT_LINE = "$hvcHeartbeatMillis = [int]'15000'";

    private final String powershell;
    private final String encoded;

    BootstrapCommand(Duration heartbeatInterval) {
        this.powershell = render(resourceText(), heartbeatInterval);
        this.encoded = Base64.getEncoder().encodeToString(powershell.getBytes(StandardCharsets.UTF_16LE));
    }

    static String resourceText() {
        try (InputStream in = BootstrapCommand.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Drops comment lines (except the marker on the first line), blank lines and indentation, and puts the
     * heartbeat interval in. The interval is a number we format ourselves, never text from outside.
     */
    static String render(String resource, Duration heartbeatInterval) {
        String[] lines = resource.split("\r?\n");
        if (!lines[0].equals(BootstrapPayload.BOOTSTRAP_MARKER)) {
            throw new IllegalStateException(RESOURCE + " must start with " + BootstrapPayload.BOOTSTRAP_MARKER);
        }
        StringBuilder out = new StringBuilder(resource.length() / 2).append(lines[0]).append("\r\n");
        int heartbeatLines = 0;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.equals(HEARTBEAT_LINE)) {
                line = "$hvcHeartbeatMillis = [int]'" + Long.toString(heartbeatInterval.toMillis()) + "'";
                heartbeatLines++;
            }
            out.append(line).append("\r\n");
        }
        if (heartbeatLines != 1) {
            throw new IllegalStateException(RESOURCE + " must contain the line " + HEARTBEAT_LINE + " exactly once");
        }
        return out.toString();
    }

    /** The PowerShell text that runs on the host. */
    String powershell() {
        return powershell;
    }

    CmdLine cmdLine() {
        CmdLine cmd = new CmdLine();
        POWERSHELL.forEach(cmd::addArgument);
        cmd.addArgument(encoded);
        return cmd;
    }

    /** The command line as typed; OverThere sends it wrapped in one pair of double quotes. */
    String commandLine() {
        return String.join(" ", POWERSHELL) + " " + encoded;
    }
}
