package io.hvcluster.cli;

import static io.hvcluster.testing.InProcessCli.hvcluster;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.load.InventoryLoader;
import io.hvcluster.secrets.Secret;
import io.hvcluster.sim.host.DatacenterBuilder;
import io.hvcluster.sim.host.DatacenterStore;
import io.hvcluster.testing.InProcessCli.Run;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * What a run on the simulator tells the admin: SIMULATED everywhere, one exit code in the console, the report and
 * the process, the summary once with a real duration, -q reduced to the summary, a declined apply exits 1, and
 * saved state that belongs to another cluster is pointed out with --simulate-fresh.
 */
class SimulatedRunOutputTest {

    private static final String INVENTORY = "inventories/lab-2node.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path onlyRunFolder(Path runs) throws Exception {
        try (Stream<Path> s = Files.list(runs)) {
            List<Path> folders = s.toList();
            assertThat(folders).hasSize(1);
            return folders.get(0);
        }
    }

    @Test
    void planDetailedExitcodeAgreesEverywhereAndSaysSimulated() throws Exception {
        Path runs = tmp.resolve("runs");
        Run plan = hvcluster("plan", INVENTORY, "--simulate-fresh", "--simulator-state", tmp.resolve("sim").toString(),
                "--runs-dir", runs.toString(), "--detailed-exitcode");
        assertThat(plan.exit()).as(plan.err()).isEqualTo(3);
        assertThat(plan.err()).contains("SIMULATED: 2 simulated hosts on 127.0.0.1", "(exit 3)").doesNotContain("(exit 0)");
        assertThat(plan.err()).containsOnlyOnce("21 to change, 2 in desired state").containsOnlyOnce("Done in ");
        assertThat(plan.err()).doesNotContain("Done in 0.0s");
        assertThat(plan.err()).containsPattern("SIMULATED\\S* \\S*hvcluster plan");

        Path folder = onlyRunFolder(runs);
        JsonNode report = JSON.readTree(folder.resolve("report.json").toFile());
        assertThat(report.get("exitCode").asInt()).isEqualTo(3);
        assertThat(report.get("simulated").asBoolean()).isTrue();
        assertThat(report.get("durationMs").asLong()).isPositive();
        String html = Files.readString(folder.resolve("report.html"));
        assertThat(html).contains("exit 3 – changes pending", "SIMULATED: this run used hvcluster's simulated hosts")
                .doesNotContain("exit 0 – succeeded");
        String journal = Files.readString(folder.resolve("journal.jsonl"));
        assertThat(journal).contains("\"simulated\":true");
    }

    @Test
    void quietPrintsOnlyTheSummary() throws Exception {
        Run plan = hvcluster("plan", INVENTORY, "-q", "--simulate-fresh", "--simulator-state", tmp.resolve("sim").toString(),
                "--runs-dir", tmp.resolve("runs").toString());
        assertThat(plan.exit()).as(plan.err()).isZero();
        assertThat(plan.out()).doesNotContain("+ rename", "Preflight");
        assertThat(plan.err()).containsOnlyOnce("21 to change, 2 in desired state").contains("(exit 0)")
                .doesNotContain("report:", "started", "hvcluster plan: cluster");
        assertThat(plan.err().lines().filter(l -> !l.isBlank()).toList()).hasSizeLessThanOrEqualTo(3);
    }

    @Test
    void aDeclinedApplyExits1AndChangesNothing() throws Exception {
        Path runs = tmp.resolve("runs");
        String state = tmp.resolve("sim").toString();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        ApplyCommand apply = cmd.getSubcommands().get("apply").getCommand();
        apply.confirmation = prompt -> false;
        int exit = cmd.execute("apply", INVENTORY, "--simulate-fresh", "--simulator-state", state, "--runs-dir", runs.toString());

        assertThat(exit).as(err.toString()).isEqualTo(1);
        assertThat(err.toString()).contains("not applied: the plan was declined", "(exit 1)");
        JsonNode report = JSON.readTree(onlyRunFolder(runs).resolve("report.json").toFile());
        assertThat(report.get("exitCode").asInt()).isEqualTo(1);
        assertThat(report.get("summary").asText()).startsWith("not applied");

        Run again = hvcluster("plan", INVENTORY, "--simulate", "--simulator-state", state, "--runs-dir", tmp.resolve("runs2").toString(),
                "--detailed-exitcode", "-q");
        assertThat(again.exit()).as("nothing was applied: still everything to do").isEqualTo(3);
    }

    @Test
    void savedStateOfAnotherClusterSuggestsSimulateFresh() throws Exception {
        Inventory inv = InventoryLoader.load(Path.of(INVENTORY)).inventory().orElseThrow();
        Path state = tmp.resolve("sim");
        new DatacenterStore(state).save(DatacenterBuilder.fresh(inv).domainPassword(Secret.of("Simulated-Only-P@ss1"))
                .memberOfAnotherCluster("HV02", "HVCL03").build());
        Run validate = hvcluster("validate", INVENTORY, "--online", "--simulate", "--simulator-state", state.toString(),
                "--runs-dir", tmp.resolve("runs").toString());
        assertThat(validate.err()).contains("warning: the saved simulated state in " + state + " has HV02 in cluster HVCL03, not HVCL01: "
                + "add --simulate-fresh to start from freshly installed hosts");

        Run plan = hvcluster("plan", INVENTORY, "--simulate", "--simulator-state", state.toString(), "--runs-dir", tmp.resolve("runs").toString());
        assertThat(plan.exit()).isEqualTo(1);
        assertThat(plan.err()).contains("These are simulated hosts: add --simulate-fresh to start them from a fresh install")
                .doesNotContain("--skip-preflight if you are sure");
    }

    @Test
    void eachClusterKeepsItsOwnSimulatedStateByDefault() throws Exception {
        Inventory two = InventoryLoader.load(Path.of("inventories/lab-2node.yaml")).inventory().orElseThrow();
        Inventory four = InventoryLoader.load(Path.of("inventories/lab-4node.yaml")).inventory().orElseThrow();
        assertThat(SimulatorStateFolder.of(null, two)).isEqualTo(Path.of("runs", "simulator", "HVCL01"));
        assertThat(SimulatorStateFolder.of(null, four)).isEqualTo(Path.of("runs", "simulator", "HVCL03"));
        assertThat(SimulatorStateFolder.of(tmp.resolve("mine"), four)).isEqualTo(tmp.resolve("mine"));
    }

    @Test
    void anApplyPrintsItsSummaryOnceWithTheRunsRealDuration() throws Exception {
        Path runs = tmp.resolve("runs");
        Run apply = hvcluster("apply", INVENTORY, "--simulate-fresh", "--simulator-state", tmp.resolve("sim").toString(),
                "--runs-dir", runs.toString(), "--yes");
        assertThat(apply.exit()).as(apply.err()).isZero();
        assertThat(apply.err()).containsOnlyOnce("0 failed, 0 skipped").containsOnlyOnce("Done in ").containsOnlyOnce("report: ");
        Matcher done = Pattern.compile("Done in (\\S+): ").matcher(apply.err());
        assertThat(done.find()).as(apply.err()).isTrue();
        JsonNode report = JSON.readTree(onlyRunFolder(runs).resolve("report.json").toFile());
        // The console and the report show the same duration: the whole run, from its start (seconds with a tenth under a
        // minute, "1m07s" above: a loaded machine can take that long).
        long ms = report.get("durationMs").asLong();
        assertThat(done.group(1)).isEqualTo(io.hvcluster.report.DurationText.of(java.time.Duration.ofMillis(ms)));
        assertThat(ms).isGreaterThan(100);
    }

    @Test
    void quietLeavesWarningsErrorsAndTheSummaryOnlyForEveryCommand() throws Exception {
        String state = tmp.resolve("sim").toString();
        String runs = tmp.resolve("runs").toString();
        Run validate = hvcluster("validate", INVENTORY, "--online", "-q", "--simulate-fresh", "--simulator-state", state, "--runs-dir", runs);
        assertThat(validate.exit()).as(validate.err()).isZero();
        assertThat(validate.out().strip()).isEqualTo(INVENTORY + ": valid (2 hosts, 4 networks)");
        assertThat(nonBlank(validate.err())).singleElement().asString().startsWith("SIMULATED: Done in ").endsWith("(exit 0)");

        Run apply = hvcluster("apply", INVENTORY, "-q", "--yes", "--simulate", "--simulator-state", state, "--runs-dir", runs);
        assertThat(apply.exit()).as(apply.err()).isZero();
        assertThat(apply.out()).isBlank();
        List<String> applied = nonBlank(apply.err());
        assertThat(applied.get(applied.size() - 1)).startsWith("SIMULATED: Done in ").contains("0 failed").endsWith("(exit 0)");
        // New-Cluster warns (no disk witness on this 2-node lab): -q keeps warnings, each under the row of its step.
        assertThat(applied.subList(0, applied.size() - 1)).as("only warnings and the rows they belong to")
                .allMatch(l -> l.strip().startsWith("warning:") || l.matches("HV\\d\\d\\s+\\S+\\s+changed\\s.*"));

        Path file = tmp.resolve("init.yaml");
        Run init = hvcluster("init", "-q", "--simulate", "--hosts", "HV01,HV02", "--out", file.toString());
        assertThat(init.exit()).as(init.err()).isZero();
        assertThat(nonBlank(init.err())).singleElement().asString().startsWith("SIMULATED: wrote " + file);
    }

    private static List<String> nonBlank(String text) {
        return text.lines().filter(l -> !l.isBlank()).toList();
    }

    @Test
    void aRunStoppedByAnErrorStillReportsTheExitCodeTheProcessHas() throws Exception {
        // No terminal to ask on and no --yes: exit 2, and the summary line and the report say 2 as well.
        Path runs = tmp.resolve("runs");
        Run apply = hvcluster("apply", INVENTORY, "--simulate-fresh", "--simulator-state", tmp.resolve("sim").toString(),
                "--runs-dir", runs.toString());
        assertThat(apply.exit()).as(apply.err()).isEqualTo(2);
        assertThat(apply.err()).contains("no terminal to confirm the plan on").containsOnlyOnce("(exit 2)");
        JsonNode report = JSON.readTree(onlyRunFolder(runs).resolve("report.json").toFile());
        assertThat(report.get("exitCode").asInt()).isEqualTo(2);
    }
}
