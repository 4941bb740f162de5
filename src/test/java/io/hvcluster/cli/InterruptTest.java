package io.hvcluster.cli;

import static io.hvcluster.testing.InProcessCli.hvcluster;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hvcluster.testing.HvclusterProcess;
import io.hvcluster.testing.InProcessCli.Run;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during an apply: the running steps stop, nothing new starts, the summary is printed once with exit 130,
 * the report says 130 and which steps were left, the simulated hosts' state is saved (the next plan starts from
 * where the build was), and the process exits 130. In process (the hook's interrupt, on the run's thread) and as a
 * real SIGINT to a launched hvcluster.
 */
@Timeout(300)
class InterruptTest {

    private static final String INVENTORY = "inventories/lab-2node.yaml";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void ctrlCDuringAnApplyPrintsTheSummaryWritesTheReportSavesTheStateAndExits130() throws Exception {
        String state = tmp.resolve("sim").toString();
        Path runs = tmp.resolve("runs");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread run = new Thread(() -> exit.set(Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "apply", INVENTORY,
                "--simulate-fresh", "--simulator-state", state, "--runs-dir", runs.toString(), "--yes")), "test-apply");
        run.start();
        // Interrupt once the build is under way: the adapters are renamed, enable-hyper-v has started.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!err.toString().matches("(?s).*enable-hyper-v\\s+started.*") && System.nanoTime() < until && run.isAlive()) {
            Thread.sleep(20);
        }
        assertThat(err.toString()).as("the build got under way").containsPattern("enable-hyper-v\\s+started");
        assertThat(RunInterrupt.instance().interruptRun()).as("a run was in progress").isTrue();
        run.join(TimeUnit.SECONDS.toMillis(120));
        assertThat(run.isAlive()).isFalse();

        String console = err.toString();
        assertThat(exit.get()).as(console).isEqualTo(130);
        assertThat(console).containsOnlyOnce("Done in ").containsOnlyOnce("(exit 130)").contains("interrupted (Ctrl-C)", "report: ");
        assertThat(console).containsPattern("skipped: the run was interrupted \\(Ctrl-C\\)|interrupted \\(Ctrl-C\\): \\d+ changed");
        Path folder;
        try (Stream<Path> s = Files.list(runs)) {
            folder = s.findFirst().orElseThrow();
        }
        JsonNode report = JSON.readTree(folder.resolve("report.json").toFile());
        assertThat(report.get("exitCode").asInt()).isEqualTo(130);
        assertThat(report.toString()).contains("interrupted (Ctrl-C)");
        assertThat(Files.readString(folder.resolve("report.html"))).contains("exit 130 – interrupted (Ctrl-C)");

        // The simulated hosts kept what the build had done: the next plan has less to change than a fresh one (17).
        Run plan = hvcluster("plan", INVENTORY, "--simulate", "--simulator-state", state, "--runs-dir", runs.toString(), "--skip-preflight");
        Matcher toChange = Pattern.compile("(\\d+) to change").matcher(plan.err() + plan.out());
        assertThat(toChange.find()).as(plan.err() + plan.out()).isTrue();
        assertThat(Integer.parseInt(toChange.group(1))).isLessThan(17);
    }

    @Test
    void anInterruptOutsideARunChangesNothingForTheNextCommand() {
        // The hook's request belongs to one command: the next one in this JVM runs normally.
        RunInterrupt.instance().interruptRun();
        Run validate = hvcluster("validate", INVENTORY);
        assertThat(validate.exit()).as(validate.err()).isZero();
        Run plan = hvcluster("plan", INVENTORY, "--simulate-fresh", "--simulator-state", tmp.resolve("sim").toString(), "--runs-dir",
                tmp.resolve("runs").toString(), "-q");
        assertThat(plan.exit()).as(plan.err()).isZero();
    }

    @Test
    void aRealSigintToTheProcessEndsItWith130AndItsReport() throws Exception {
        Path log = tmp.resolve("apply.log");
        Path runs = tmp.resolve("runs");
        Process p = HvclusterProcess.start(log, Map.of(), "apply", INVENTORY, "--simulate-fresh", "--simulator-state",
                tmp.resolve("sim").toString(), "--runs-dir", runs.toString(), "--yes");
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!(Files.exists(log) && Files.readString(log).matches("(?s).*enable-hyper-v\\s+started.*")) && System.nanoTime() < until
                && p.isAlive()) {
            Thread.sleep(50);
        }
        assertThat(Files.readString(log)).containsPattern("enable-hyper-v\\s+started");
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String console = Files.readString(log);
        assertThat(p.exitValue()).as(console).isEqualTo(130);
        assertThat(console).containsOnlyOnce("(exit 130)").contains("interrupted (Ctrl-C)");
        List<Path> folders;
        try (Stream<Path> s = Files.list(runs)) {
            folders = s.toList();
        }
        assertThat(folders).singleElement().satisfies(f ->
                assertThat(JSON.readTree(f.resolve("report.json").toFile()).get("exitCode").asInt()).isEqualTo(130));
        assertThat(tmp.resolve("sim")).isDirectoryContaining(f -> f.getFileName().toString().endsWith(".json"));
    }
}
