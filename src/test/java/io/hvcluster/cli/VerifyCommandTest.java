package io.hvcluster.cli;

import static io.hvcluster.testing.InProcessCli.hvcluster;
import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.sim.host.DatacenterStore;
import io.hvcluster.sim.host.Latencies;
import io.hvcluster.sim.host.SimulatedDatacenter;
import io.hvcluster.testing.InProcessCli.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hvcluster verify} as a user runs it, on the simulated hosts behind real WinRM: after apply it exits 0 with
 * its run folder; a switch renamed on one host makes it exit 1 naming the host and the fix; --burn-in lists every
 * operation in the console and the reports; a bad inventory or a lone --force exits 2.
 */
class VerifyCommandTest {

    @Test
    void applyThenVerifyThenDriftThenBurnIn(@TempDir Path tmp) throws Exception {
        String state = tmp.resolve("sim").toString();
        String runs = tmp.resolve("runs").toString();
        String inv = "inventories/lab-2node.yaml";
        Run apply = hvcluster("apply", inv, "--simulate-fresh", "--simulator-state", state, "--runs-dir", runs, "--yes");
        assertThat(apply.exit()).as(apply.err()).isZero();

        Run ok = hvcluster("verify", inv, "--simulate", "--simulator-state", state, "--runs-dir", runs);
        assertThat(ok.exit()).as(ok.err() + ok.out()).isZero();
        assertThat(ok.out()).contains("Verify: every check holds on 2 nodes");
        assertThat(ok.err()).contains("report: ").doesNotContain("Exception");
        Path first = latest(runs);
        assertThat(Files.readString(first.resolve("report.json"))).contains("\"verify\"", "\"passed\" : true");
        assertThat(Files.readString(first.resolve("report.html"))).contains("<h2>Verify</h2>");

        DatacenterStore store = new DatacenterStore(Path.of(state));
        SimulatedDatacenter dc = store.load(Latencies.fast()).orElseThrow();
        dc.requireHost("HV02").switches.get(0).name = "Renamed By Hand";
        store.save(dc);
        Run drift = hvcluster("verify", inv, "--simulate", "--simulator-state", state, "--runs-dir", runs);
        assertThat(drift.exit()).as(drift.err()).isEqualTo(1);
        assertThat(drift.out()).containsPattern("error +HV02 +switches +no switch '")
                .contains("fix: give the switch its inventory name on every node (Rename-VMSwitch)");

        dc.requireHost("HV02").switches.get(0).name = "External";
        dc.requireHost("HV02").switches.get(0).name = dc.requireHost("HV01").switches.get(0).name;
        store.save(dc);
        Run burn = hvcluster("verify", inv, "--simulate", "--simulator-state", state, "--runs-dir", runs,
                "--burn-in", "--ping", "10.0.0.200");
        assertThat(burn.exit()).as(burn.err() + burn.out()).isZero();
        assertThat(burn.out()).contains("Burn-in on HV01").containsPattern("live migration +hvcluster-burnin-1 +HV01 -> HV02 .* ok")
                .contains("CSV move", "drain and resume", "removed hvcluster-burnin-1");
        String json = Files.readString(latest(runs).resolve("report.json"));
        assertThat(json).contains("\"burnIn\"", "\"kind\" : \"live-migration\"", "\"kind\" : \"csv-move\"", "\"kind\" : \"cleanup\"");
        assertThat(Files.readString(latest(runs).resolve("report.html"))).contains("<h2>Burn-in</h2>");
        assertThat(store.load(Latencies.fast()).orElseThrow().clusters.get(0).virtualMachines).isEmpty();
    }

    @Test
    void aBadInventoryOrALoneForceExitsTwo(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "cluster: [\n");
        Run broken = hvcluster("verify", bad.toString(), "--simulate", "--runs-dir", tmp.resolve("runs").toString());
        assertThat(broken.exit()).isEqualTo(2);
        assertThat(broken.err()).contains(bad.toString()).doesNotContain("\tat ");
        Run force = hvcluster("verify", "inventories/lab-2node.yaml", "--force");
        assertThat(force.exit()).isEqualTo(2);
        assertThat(force.err()).contains("--force goes with --burn-in");
    }

    @Test
    void renderBundlesTheVerifyProbeAndTheBurnInWithTheirRunbookSection(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("bundle");
        Run render = hvcluster("render", "inventories/lab-2node.yaml", "--out", out.toString());
        assertThat(render.exit()).as(render.err()).isZero();
        assertThat(render.out()).contains("verify and burn-in scripts");
        assertThat(out.resolve("verify/HV01-verify.ps1")).exists();
        assertThat(out.resolve("verify/HV02-verify.ps1")).exists();
        assertThat(out.resolve("burn-in/01-cleanup.ps1")).exists();
        assertThat(out.resolve("burn-in/02-prepare.ps1")).exists();
        assertThat(out.resolve("burn-in/03-migrate-hvcluster-burnin-1-to-HV02.ps1")).exists();
        assertThat(Files.readString(out.resolve("RUNBOOK.md"))).contains("## After the build: verify and burn-in",
                "`burn-in/02-prepare.ps1` | HV01", "`verify/HV02-verify.ps1` | HV02");
    }

    private static Path latest(String runs) throws Exception {
        try (Stream<Path> s = Files.list(Path.of(runs))) {
            List<Path> all = s.filter(Files::isDirectory).sorted().toList();
            return all.get(all.size() - 1);
        }
    }
}
