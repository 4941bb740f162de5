package io.hvcluster.cli;

import static io.hvcluster.testing.InProcessCli.hvcluster;
import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.testing.InProcessCli.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job end to end, as a user runs it: the CLI, the real WinRM executor (OverThere) and the simulated
 * hosts behind real WinRM endpoints on 127.0.0.1. plan exits 3 before and 0 after; a second apply changes
 * nothing; the run folder has its report and no secret.
 */
class ApplyOnSimulatorTest {

    @Test
    void planApplyAndApplyAgainOnTheSimulatedCluster(@TempDir Path tmp) throws Exception {
        String state = tmp.resolve("sim").toString();
        String runs = tmp.resolve("runs").toString();
        String inv = "inventories/lab-2node.yaml";

        Run before = hvcluster("plan", inv, "--simulate-fresh", "--simulator-state", state, "--runs-dir", runs, "--detailed-exitcode");
        assertThat(before.exit()).as(before.err()).isEqualTo(3);
        assertThat(before.out()).contains("~ name of adapter [", ": Ethernet 2 → Cluster", "Plan: 21 to change, 2 in desired state")
                .containsPattern("estimate: about \\d+ min.*, 1 restart per host .*; rolling would take about ");

        Run apply = hvcluster("apply", inv, "--simulate", "--simulator-state", state, "--runs-dir", runs, "--yes");
        assertThat(apply.exit()).as(apply.err()).isZero();
        assertThat(apply.err()).contains("0 failed, 0 skipped").doesNotContain("Exception", "\tat ");

        Run again = hvcluster("apply", inv, "--simulate", "--simulator-state", state, "--runs-dir", runs, "--yes");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("No changes: HV01, HV02 are in the desired state for every step (23 checked).")
                .doesNotContain("rename-adapters", "Plan:", "estimate:");
        assertThat(again.err()).containsOnlyOnce("0 changed, 23 unchanged, 0 failed, 0 skipped");

        Run after = hvcluster("plan", inv, "--simulate", "--simulator-state", state, "--runs-dir", runs, "--detailed-exitcode");
        assertThat(after.exit()).as(after.err()).isZero();

        List<Path> folders;
        try (Stream<Path> s = Files.list(Path.of(runs))) {
            folders = s.sorted().toList();
        }
        assertThat(folders).hasSize(4);
        Path build = folders.get(1);
        assertThat(build.resolve("report.html")).exists();
        assertThat(Files.readString(build.resolve("report.json"))).contains("\"create-cluster\"");
        // The evidence the guide says to keep: the pre-creation validation, New-Cluster's report, the final validation.
        try (Stream<Path> reports = Files.list(build.resolve("validation").resolve("HV01"))) {
            assertThat(reports.map(f -> f.getFileName().toString()).toList())
                    .anyMatch(n -> n.startsWith("validate-cluster-")).anyMatch(n -> n.startsWith("create-cluster-Create_Cluster_Wizard"))
                    .anyMatch(n -> n.startsWith("final-validation-"));
        }
        assertThat(Files.readAllLines(build.resolve("journal.jsonl"))).hasSizeGreaterThan(40);
        try (Stream<Path> files = Files.walk(build)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContain("Simulated-Only-P@ss1");
            }
        }
    }

    @Test
    void aSavedPlanIsAppliedExactlyAndAHostChangedSinceStopsWithNothingChangedThere(@TempDir Path tmp) throws Exception {
        String state = tmp.resolve("sim").toString();
        String runs = tmp.resolve("runs").toString();
        String inv = "inventories/lab-2node.yaml";
        Path planFile = tmp.resolve("plan.json");

        Run plan = hvcluster("plan", inv, "--simulate-fresh", "--simulator-state", state, "--runs-dir", runs, "--out", planFile.toString());
        assertThat(plan.exit()).as(plan.err()).isZero();
        assertThat(plan.err()).contains("plan saved to " + planFile);
        String saved = Files.readString(planFile);
        assertThat(saved).contains("\"format\" : \"hvcluster-plan/1\"", "\"inventorySha256\"", "\"factsFingerprints\"",
                "\"action\" : \"CHANGE\"", "\"before\" : \"Ethernet 2\"", "\"after\" : \"Cluster\"");

        // Between plan and apply someone renames a NIC on HV02.
        io.hvcluster.sim.host.DatacenterStore store = new io.hvcluster.sim.host.DatacenterStore(Path.of(state));
        io.hvcluster.sim.host.SimulatedDatacenter dc = store.load(io.hvcluster.sim.host.Latencies.fast()).orElseThrow();
        dc.requireHost("HV02").adapters.stream().filter(a -> a.name.equals("Ethernet 2")).findFirst().orElseThrow().name = "Renamed By Hand";
        store.save(dc);
        String hv02Before = hostState(state, "HV02");

        Run apply = hvcluster("apply", planFile.toString(), "--simulate", "--simulator-state", state, "--runs-dir", runs, "--continue-on-error");
        assertThat(apply.exit()).as(apply.err()).isEqualTo(1);
        assertThat(apply.err() + apply.out()).contains("the host changed since the plan was made: rename-adapters planned ~ name of adapter [")
                .contains(": Ethernet 2 → Cluster, now ~ name of adapter [").contains(": Renamed By Hand → Cluster");
        assertThat(hostState(state, "HV02")).as("nothing changed on HV02").isEqualTo(hv02Before);
        assertThat(store.load(io.hvcluster.sim.host.Latencies.fast()).orElseThrow().requireHost("HV01").adapters)
                .as("HV01 still ran its steps").anyMatch(a -> a.name.equals("Cluster"));

        // A re-run plans afresh: it sees the rename and converges.
        Run again = hvcluster("apply", inv, "--simulate", "--simulator-state", state, "--runs-dir", runs, "--yes");
        assertThat(again.exit()).as(again.err() + again.out()).isZero();
        assertThat(again.out()).contains(": Renamed By Hand → Cluster");

        // A plan file whose inventory changed since is refused.
        Path copy = tmp.resolve("inv.yaml");
        Files.copy(Path.of(inv), copy);
        Run stalePlan = hvcluster("plan", copy.toString(), "--simulate", "--simulator-state", state, "--runs-dir", runs, "--out", planFile.toString());
        assertThat(stalePlan.exit()).as(stalePlan.err()).isZero();
        Files.writeString(copy, Files.readString(copy) + "\n# edited\n");
        Run refused = hvcluster("apply", planFile.toString(), "--simulate", "--simulator-state", state, "--runs-dir", runs);
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("changed since the plan was made (its SHA-256 differs)").doesNotContain("\tat ");
    }

    /** The saved state of one simulated host, without the clock-driven fields (boot time stays: nothing restarted it). */
    private static String hostState(String state, String host) throws Exception {
        io.hvcluster.sim.host.SimulatedDatacenter dc = new io.hvcluster.sim.host.DatacenterStore(Path.of(state))
                .load(io.hvcluster.sim.host.Latencies.fast()).orElseThrow();
        io.hvcluster.sim.host.WindowsHost h = dc.requireHost(host);
        return com.fasterxml.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(
                java.util.Map.of("adapters", h.adapters, "features", h.features, "switches", h.switches, "member", dc.clusterOf(host).isPresent()));
    }

    @Test
    void dryRunContactsNothingAndWritesTheScriptsWithItsReport(@TempDir Path tmp) throws Exception {
        Run dry = hvcluster("apply", "inventories/lab-4node.yaml", "--dry-run", "--runs-dir", tmp.resolve("auto").toString());
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("Dry run: nothing is contacted", "Reboot: rolling (auto, dry run)", "create-cluster",
                "HV01/08-create-cluster.cluster.ps1", "HV03/10b-enable-hyper-v-after-reboot.ps1", "HV02/04-connect-storage.ps1");
        Path run = onlyRunFolder(tmp.resolve("auto"));
        assertThat(run.resolve("report.html")).exists();
        String report = Files.readString(run.resolve("report.json"));
        assertThat(report).contains("\"mode\" : \"dry-run\"", "\"planned\" : 39", "\"effective\" : \"rolling\"",
                "\"scriptFile\" : \"scripts/HV02/10-enable-hyper-v.ps1\"");
        // Auto knows nothing in a dry run, so it writes the drained, one-at-a-time path that is safe on a running cluster.
        assertThat(Files.readString(run.resolve("scripts/HV02/10-enable-hyper-v.ps1"))).contains("$Drain = $true");

        Run parallel = hvcluster("apply", "inventories/lab-4node.yaml", "--dry-run", "--reboot-strategy", "parallel",
                "--runs-dir", tmp.resolve("parallel").toString());
        assertThat(parallel.exit()).as(parallel.err()).isZero();
        assertThat(parallel.out()).contains("Reboot: parallel, as requested");
        Path p = onlyRunFolder(tmp.resolve("parallel"));
        assertThat(Files.readString(p.resolve("scripts/HV02/10-enable-hyper-v.ps1"))).contains("$Drain = $false");
        assertThat(Files.readString(p.resolve("report.json"))).contains("\"effective\" : \"parallel\"");
    }

    private static Path onlyRunFolder(Path runs) throws Exception {
        try (Stream<Path> s = Files.list(runs)) {
            return s.filter(Files::isDirectory).collect(java.util.stream.Collectors.toList()).stream().reduce((a, b) -> {
                throw new AssertionError("more than one run folder in " + runs);
            }).orElseThrow();
        }
    }
}
