package io.hvcluster.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
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

    record Run(int exit, String out, String err) {
    }

    static Run hvcluster(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void planApplyAndApplyAgainOnTheSimulatedCluster(@TempDir Path tmp) throws Exception {
        String state = tmp.resolve("sim").toString();
        String runs = tmp.resolve("runs").toString();
        String inv = "inventories/lab-2node.yaml";

        Run before = hvcluster("plan", inv, "--simulate-fresh", "--simulator-state", state, "--runs-dir", runs, "--detailed-exitcode");
        assertThat(before.exit()).as(before.err()).isEqualTo(3);
        assertThat(before.out()).contains("+ rename 'Ethernet 2'", "Plan: 17 to change, 0 in desired state")
                .containsPattern("estimate: about \\d+ min.*, 1 restart per host .*; rolling would take about ");

        Run apply = hvcluster("apply", inv, "--simulate", "--simulator-state", state, "--runs-dir", runs, "--yes");
        assertThat(apply.exit()).as(apply.err()).isZero();
        assertThat(apply.err()).contains("0 failed, 0 skipped").doesNotContain("Exception", "\tat ");

        Run again = hvcluster("apply", inv, "--simulate", "--simulator-state", state, "--runs-dir", runs, "--yes");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("Plan: 0 to change, 17 in desired state");
        assertThat(again.err()).containsOnlyOnce("0 changed, 17 unchanged, 0 failed, 0 skipped");
        assertThat(again.out()).doesNotContain("estimate:");

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
        assertThat(Files.readAllLines(build.resolve("journal.jsonl"))).hasSizeGreaterThan(40);
        try (Stream<Path> files = Files.walk(build)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContain("Simulated-Only-P@ss1");
            }
        }
    }

    @Test
    void dryRunContactsNothingAndWritesTheScriptsWithItsReport(@TempDir Path tmp) throws Exception {
        Run dry = hvcluster("apply", "inventories/lab-4node.yaml", "--dry-run", "--runs-dir", tmp.resolve("auto").toString());
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("Dry run: nothing is contacted", "Reboot: rolling (auto, dry run)", "create-cluster",
                "HV01/06-create-cluster.cluster.ps1", "HV03/08b-enable-hyper-v-after-reboot.ps1");
        Path run = onlyRunFolder(tmp.resolve("auto"));
        assertThat(run.resolve("report.html")).exists();
        String report = Files.readString(run.resolve("report.json"));
        assertThat(report).contains("\"mode\" : \"dry-run\"", "\"planned\" : 29", "\"effective\" : \"rolling\"",
                "\"scriptFile\" : \"scripts/HV02/08-enable-hyper-v.ps1\"");
        // Auto knows nothing in a dry run, so it writes the drained, one-at-a-time path that is safe on a running cluster.
        assertThat(Files.readString(run.resolve("scripts/HV02/08-enable-hyper-v.ps1"))).contains("$Drain = $true");

        Run parallel = hvcluster("apply", "inventories/lab-4node.yaml", "--dry-run", "--reboot-strategy", "parallel",
                "--runs-dir", tmp.resolve("parallel").toString());
        assertThat(parallel.exit()).as(parallel.err()).isZero();
        assertThat(parallel.out()).contains("Reboot: parallel, as requested");
        Path p = onlyRunFolder(tmp.resolve("parallel"));
        assertThat(Files.readString(p.resolve("scripts/HV02/08-enable-hyper-v.ps1"))).contains("$Drain = $false");
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
