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
                .containsPattern("estimate: about \\d+ min, 1 restart per host .*; rolling would take about ");

        Run apply = hvcluster("apply", inv, "--simulate", "--simulator-state", state, "--runs-dir", runs, "--yes");
        assertThat(apply.exit()).as(apply.err()).isZero();
        assertThat(apply.err()).contains("0 failed, 0 skipped").doesNotContain("Exception", "\tat ");

        Run again = hvcluster("apply", inv, "--simulate", "--simulator-state", state, "--runs-dir", runs, "--yes");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.out()).contains("Plan: 0 to change, 17 in desired state");
        assertThat(again.err()).contains("nothing to change");
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
    void dryRunContactsNothingAndWritesTheScripts(@TempDir Path tmp) {
        Run dry = hvcluster("apply", "inventories/lab-4node.yaml", "--dry-run", "--runs-dir", tmp.toString());
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("Dry run: nothing was contacted", "create-cluster", "HV01/06-create-cluster.cluster.ps1");
    }
}
