package io.hvcluster.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hvcluster.exec.ScriptResult;
import io.hvcluster.run.RunEvents;
import io.hvcluster.run.RunListeners;
import io.hvcluster.run.StepStatus;
import io.hvcluster.secrets.Secret;
import io.hvcluster.secrets.SecretMasker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listeners together, as the CLI wires them, writing one run folder. */
class RunFolderContentsTest {

    private static final String SECRET = "Winter'25\"!";

    @TempDir
    Path tmp;

    @Test
    void aRunLeavesItsFilesAndNoSecretAnywhere() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-25T03:15:02Z"), ZoneOffset.UTC);
        RunFolder folder = RunFolder.create(tmp.resolve("runs"), clock);
        SecretMasker masker = new SecretMasker(List.of(Secret.of(SECRET)));
        ScriptArchive archive = new ScriptArchive(folder, masker);
        StringWriter console = new StringWriter();
        try (JournalWriter journal = new JournalWriter(folder.journal(), masker, clock)) {
            RunListeners listeners = new RunListeners(List.of(journal, new ReportWriter(folder, SampleRun.titles(), masker),
                    new ConsoleReporter(new PrintWriter(console), new ConsoleReporter.Options(ConsoleReporter.Verbosity.NORMAL, false, true),
                            SampleRun.titles())));
            listeners.runStarted(new RunEvents.RunStarted(folder.runId(), "lab.yaml", "HVC01", List.of("HV01", "HV02"), "apply",
                    clock.instant()));
            listeners.planComputed(new RunEvents.PlanComputed(SampleRun.plan()));
            String script = archive.save("HV01", 6, "create-cluster", "apply",
                    "$pw = '" + SECRET.replace("'", "''") + "'\nNew-Cluster -Name HVC01\n",
                    new ScriptResult(1, "{\"error\":\"" + SECRET.replace("\"", "\\\"") + "\"}", "Access denied for " + SECRET,
                            Duration.ofSeconds(3)));
            listeners.stepFinished(SampleRun.finished("rename-adapters", "HV01", "apply", StepStatus.FAILED, 1, List.of(),
                    List.of(), "logon failure with password " + SECRET, 3000, script, "{\"detail\":\"" + SECRET.replace("\"", "\\\"") + "\"}"));
            listeners.runFinished(new RunEvents.RunFinished(1, "0 changed, 0 unchanged, 1 failed, 0 skipped",
                    Duration.ofSeconds(5), clock.instant().plusSeconds(5)));
        }

        assertThat(folder.journal()).isRegularFile();
        assertThat(folder.reportJson()).isRegularFile();
        assertThat(folder.reportHtml()).isRegularFile();
        assertThat(folder.dir().resolve("scripts/HV01/06-create-cluster-apply.ps1")).isRegularFile();
        assertThat(folder.dir().resolve("scripts/HV01/06-create-cluster-apply.out.txt")).isRegularFile();
        try (Stream<Path> walk = Files.walk(folder.dir())) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContain("Winter");
            }
        }

        // Steps the run never reached on a host show as not run, not as planned.
        JsonNode report = new ObjectMapper().readTree(folder.reportJson().toFile());
        JsonNode configure = report.get("matrix").get(1);
        assertThat(configure.get("stepId").asText()).isEqualTo("configure-addresses");
        assertThat(configure.get("cells")).extracting(c -> c.get("status").asText()).containsExactly("not-run", "not-run");
        assertThat(report.get("counts").get("notRun").asInt()).isEqualTo(7);
        assertThat(report.get("matrix").get(0).get("cells").get(0).get("phases").get(0).get("scriptFile").asText())
                .isEqualTo("scripts/HV01/06-create-cluster-apply.ps1");
        assertThat(console.toString()).contains("HV01  rename-adapters      failed         3.0s");
    }
}
