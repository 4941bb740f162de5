package io.hvcluster.exec.winrm;

import static org.assertj.core.api.Assertions.assertThat;

import com.xebialabs.overthere.OperatingSystemFamily;
import io.hvcluster.exec.bootstrap.BootstrapPayload;
import java.nio.charset.StandardCharsets;
import io.hvcluster.inventory.TargetOs;
import io.hvcluster.testing.pscheck.PsCheck;
import io.hvcluster.testing.pscheck.PsCheckReport;
import io.hvcluster.testing.pscheck.PsProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootstrapCommandTest {

    private final BootstrapCommand command = new BootstrapCommand(Duration.ofSeconds(15));

    @Test
    void commandLineStaysWellUnderCmdExeLimit() {
        // OverThere sends the line wrapped in one pair of quotes; cmd.exe counts them too.
        int length = command.commandLine().length() + 2;

        assertThat(length).isLessThan(BootstrapCommand.CMD_EXE_LIMIT - 1000);
    }

    @Test
    void overThereSendsExactlyOurCommandLine() {
        assertThat(command.cmdLine().toCommandLine(OperatingSystemFamily.WINDOWS, false)).isEqualTo(command.commandLine());
    }

    @Test
    void commandLineStartsPowerShellWithoutProfileOrPrompts() {
        assertThat(command.commandLine())
                .startsWith("powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -EncodedCommand ");
    }

    @Test
    void encodedCommandDecodesToTheRenderedResource() {
        String encoded = command.commandLine().substring(command.commandLine().lastIndexOf(' ') + 1);
        String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_16LE);

        assertThat(decoded).isEqualTo(BootstrapCommand.render(BootstrapCommand.resourceText(), Duration.ofSeconds(15)));
        assertThat(decoded).startsWith(BootstrapPayload.BOOTSTRAP_MARKER + "\r\n");
    }

    @Test
    void resourceStartsWithTheMarkerAndIsAscii() {
        String resource = BootstrapCommand.resourceText();

        assertThat(resource.lines().findFirst()).contains(BootstrapPayload.BOOTSTRAP_MARKER);
        assertThat(resource.chars().allMatch(c -> c < 128)).isTrue();
    }

    @Test
    void renderingKeepsEveryCodeLineAndDropsOnlyCommentsAndBlanks() {
        String resource = BootstrapCommand.resourceText();
        long codeLines = resource.lines().skip(1).map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).count();

        assertThat(command.powershell().lines().count()).isEqualTo(codeLines + 1);
    }

    @Test
    void heartbeatIntervalIsRenderedInMilliseconds() {
        String text = new BootstrapCommand(Duration.ofMillis(2500)).powershell();

        assertThat(text).contains("$hvcHeartbeatMillis = [int]'2500'").doesNotContain("[int]'15000'");
    }

    @Test
    void bootstrapUsesTheSharedProtocolConstants() {
        String text = command.powershell();

        assertThat(text).contains("'" + BootstrapPayload.TERMINATOR + "'")
                .contains("'" + BootstrapPayload.HEARTBEAT + "'")
                .contains("[Console]::In.ReadLine()")
                .contains("$ProgressPreference = 'SilentlyContinue'")
                .contains("$HvcSecrets")
                .doesNotContain("ReadToEnd").doesNotContain("$input");
    }

    @Test
    void bootstrapUnzipsThePayloadWithoutReadingStdinToItsEnd() {
        assertThat(command.powershell())
                .contains("System.IO.Compression.GZipStream", "[System.IO.Compression.CompressionMode]::Decompress", ".CopyTo(")
                .contains("'hvcBytes', 'hvcZipped', 'hvcGunzip', 'hvcJson'");
    }

    /** No Windows here: the real PowerShell grammar (tools/pscheck) proves the rendered bootstrap parses. */
    @Test
    void renderedBootstrapParses(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("bootstrap.ps1"), command.powershell());

        PsCheckReport report = PsCheck.locate().check(TargetOs.WINDOWS_SERVER_2022, List.of(file));
        assertThat(report.files()).isEqualTo(1);
        List<PsProblem> parseErrors = report.problems().stream().filter(p -> p.kind().equals("parse-error")).toList();
        assertThat(parseErrors).as(report.problems().toString()).isEmpty();
    }
}
