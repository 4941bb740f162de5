package io.hvcluster.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hvcluster.facts.FactsProbe;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.load.InventoryLoader;
import io.hvcluster.render.ScriptRenderer;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A WinRM client nobody here wrote (Debian's pywinrm 0.3.0) against the simulated cluster, with the project's
 * real facts probe. pywinrm's run_ps puts the whole script on the command line (base64 of UTF-16): the probe
 * makes a line of ~38,000 characters. Windows refuses it: over 8191 characters cmd.exe says "The command line is
 * too long.", and over CreateProcess's 32,767 WinRS answers with fault 2147942606 ("The filename or extension is
 * too long.", HTTP 500). The simulator does the same, which is why hvcluster sends scripts over stdin
 * behind a short bootstrap (see the apply tests, which run the same probe that way through OverThere).
 */
class PywinrmFactsProbeTest {

    @Test
    void pywinrmReachesTheSimulatedClusterAndMeetsWindowsCommandLineLimit(@TempDir Path tmp) throws Exception {
        Inventory inv = InventoryLoader.load(Path.of("inventories/lab-2node.yaml")).inventory().orElseThrow();
        Path probe = tmp.resolve("probe.ps1");
        Files.writeString(probe, new FactsProbe(ScriptRenderer.bundled(), "test").render(inv, inv.firstNode()));
        Path script = tmp.resolve("facts_probe_check.py");
        try (InputStream in = getClass().getResourceAsStream("/pywinrm/facts_probe_check.py")) {
            Files.copy(in, script);
        }
        try (Simulation sim = Simulation.start(inv, tmp.resolve("state"), true)) {
            String url = sim.endpointLines().get(0).split(" ")[1];
            Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), url, sim.username(),
                    sim.domainPassword().reveal(), probe.toString()).redirectErrorStream(false).start();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as("python3-winrm must be installed (apt-get install -y python3-winrm): " + err).isZero();
            JsonNode out = new ObjectMapper().readTree(p.getInputStream().readAllBytes());
            assertThat(out.at("/hostname/status").asInt()).isZero();
            assertThat(out.at("/hostname/stdout").asText()).isEqualTo("HV01\r\n");
            assertThat(out.at("/commandLength").asInt()).isGreaterThan(32767);
            // pywinrm 0.3.0 parses the WS-Management fault and raises WinRMError with its code and message.
            assertThat(out.at("/probe/exception").asText()).isEqualTo("WinRMError");
            assertThat(out.at("/probe/message").asText()).contains("2147942606", "The filename or extension is too long.");
        }
    }
}
