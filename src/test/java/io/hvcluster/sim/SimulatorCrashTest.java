package io.hvcluster.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hvcluster.cli.Main;
import io.hvcluster.testing.HvclusterProcess;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of a simulated apply in the middle of its run: the simulated hosts keep what was done (they save each
 * change as it happens, as real hosts do), and the re-run repeats no step that had finished.
 */
@Timeout(600)
class SimulatorCrashTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void killMinusNineMidRunKeepsTheHostsStateAndTheRerunRepeatsNothingFinished(@TempDir Path tmp) throws Exception {
        Path state = tmp.resolve("sim");
        Path runs = tmp.resolve("runs");
        String inv = "inventories/lab-2node.yaml";
        Process first = HvclusterProcess.start(tmp.resolve("first.log"), Map.of(), "apply", inv, "--simulate-fresh",
                "--simulator-state", state.toString(), "--runs-dir", runs.toString(), "--yes");
        // Wait for configure-addresses to finish on both hosts; the next step is then running or about to.
        Set<String> finished = Set.of();
        while (first.isAlive() && finished.stream().filter(s -> s.startsWith("configure-addresses/")).count() < 2) {
            Thread.sleep(100);
            finished = changedSteps(runs);
        }
        assertThat(first.isAlive()).as("the first run ended before it could be killed:\n%s",
                Files.readString(tmp.resolve("first.log"))).isTrue();
        first.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no clean save
        first.waitFor();
        Set<String> doneByFirst = changedSteps(runs);
        assertThat(doneByFirst).contains("rename-adapters/HV01", "rename-adapters/HV02", "configure-addresses/HV01");

        // kill -9 runs no finally: the run lock stays on the hosts, and the next apply is refused with its holder.
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "apply", inv, "--simulate",
                "--simulator-state", state.toString(), "--runs-dir", runs.toString(), "--yes");
        assertThat(code).as(err.toString()).isEqualTo(1);
        assertThat(err.toString()).contains("cannot apply: HV01 is locked by ", "hvcluster unlock " + inv + " --run ");
        Path refusedRun = latestRun(runs);
        code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "unlock", inv, "--simulate",
                "--simulator-state", state.toString(), "--yes");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("removed the run lock on HV01", "removed the run lock on HV02");

        err = new StringWriter();
        code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "apply", inv, "--simulate",
                "--simulator-state", state.toString(), "--runs-dir", runs.toString(), "--yes");
        assertThat(code).as(err.toString()).isZero();
        assertThat(latestRun(runs)).isNotEqualTo(refusedRun);
        Set<String> doneBySecond = changedSteps(latestRun(runs));
        assertThat(doneBySecond).as("the re-run changed again what the killed run had finished")
                .doesNotContainAnyElementsOf(doneByFirst);
        assertThat(doneBySecond).contains("create-cluster/HV01");
    }

    /** "step/host" of every step-finished event with status changed, in every run folder under {@code dir}. */
    private static Set<String> changedSteps(Path dir) throws IOException {
        Set<String> steps = new TreeSet<>();
        if (!Files.isDirectory(dir)) {
            return steps;
        }
        List<Path> journals = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(f -> f.getFileName().toString().equals("journal.jsonl")).forEach(journals::add);
        }
        for (Path journal : journals) {
            for (String line : Files.readAllLines(journal)) {
                JsonNode e;
                try {
                    e = JSON.readTree(line);
                } catch (com.fasterxml.jackson.core.JsonProcessingException cut) {
                    continue; // the line the killed process was still writing
                }
                if (e.path("type").asText().equals("step-finished") && e.path("status").asText().equals("changed")) {
                    steps.add(e.path("stepId").asText() + "/" + e.path("host").asText());
                }
            }
        }
        return steps;
    }

    private static Path latestRun(Path runs) throws IOException {
        try (Stream<Path> s = Files.list(runs)) {
            return s.filter(Files::isDirectory).max(Path::compareTo).orElseThrow();
        }
    }
}
