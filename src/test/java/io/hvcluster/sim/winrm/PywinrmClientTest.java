package io.hvcluster.sim.winrm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hvcluster.secrets.Secret;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debian's pywinrm 0.3.0 (a second, independent WinRM client) against the simulated host. CI installs it with
 * {@code apt-get install -y python3-winrm}; without it this test fails and says so, it never skips.
 */
class PywinrmClientTest {

    private static final String PYTHON = "/usr/bin/python3";
    private static final String INSTALL_HINT = "pywinrm is missing: install it with"
            + " `sudo apt-get update && sudo apt-get install -y python3-winrm` (Debian 12 ships 0.3.0 for /usr/bin/python3)";

    @TempDir
    Path tmp;

    @Test
    void runCmdAndRunPsWork() throws Exception {
        assertThat(Path.of(PYTHON)).as(INSTALL_HINT).isExecutable();
        Path script = tmp.resolve("session_check.py");
        try (InputStream in = getClass().getResourceAsStream("/pywinrm/session_check.py")) {
            Files.copy(in, script);
        }
        PowerShellHost ps = inv -> inv.script().equals("Write-Output \"hello from ps\"")
                ? PowerShellResult.success("hello from ps\r\n")
                : PowerShellResult.failure("unexpected script");
        SimulatedHostConfig config = SimulatedHostConfig.builder("HV02")
                .credentials("vagrant", Secret.of("vagrant-pw")).powerShellHost(ps).build();
        try (SimulatedEndpoint endpoint = SimulatedEndpoint.start(config)) {
            Process p = new ProcessBuilder(PYTHON, script.toString(), endpoint.url(), "vagrant", "vagrant-pw")
                    .redirectError(tmp.resolve("stderr.txt").toFile()).start();
            String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("python finished").isTrue();
            String stderr = Files.readString(tmp.resolve("stderr.txt"));
            assertThat(p.exitValue()).as(p.exitValue() == 3 ? INSTALL_HINT + "\n" + stderr : stderr).isZero();

            JsonNode r = new ObjectMapper().readTree(stdout);
            assertThat(r.path("hostname").path("stdout").asText()).isEqualTo("HV02\r\n");
            assertThat(r.path("hostname").path("status").asInt()).isZero();
            assertThat(r.path("cmd_exit").path("stdout").asText()).isEqualTo("out \r\n");
            assertThat(r.path("cmd_exit").path("stderr").asText()).isEqualTo("err \r\n");
            assertThat(r.path("cmd_exit").path("status").asInt()).isEqualTo(7);
            assertThat(r.path("ps").path("stdout").asText()).isEqualTo("hello from ps\r\n");
            assertThat(r.path("ps").path("stderr").asText()).isEmpty();
            assertThat(r.path("ps").path("status").asInt()).isZero();
            // pywinrm sends Basic preemptively: no 401 round trips; and it signals terminate after each command.
            RequestStatistics.Snapshot s = endpoint.statistics().snapshot();
            assertThat(s.unauthorized()).isZero();
            assertThat(s.operation("Signal")).isEqualTo(3);
            assertThat(s.operation("Delete")).isEqualTo(3);
            assertThat(endpoint.openShells()).isZero();
        }
    }
}
