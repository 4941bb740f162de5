package io.hvcluster.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hvcluster.run.RunEvents;
import io.hvcluster.run.StepStatus;
import io.hvcluster.secrets.Secret;
import io.hvcluster.secrets.SecretMasker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 item 12: every validation report a step sends back is kept in the run folder and linked from report.html. */
class ValidationReportCopiesTest {

    @TempDir
    Path tmp;

    private RunFolder folder;

    @BeforeEach
    void folder() throws Exception {
        folder = RunFolder.at(Files.createDirectories(tmp.resolve("2026-11-25T031502Z")));
    }

    private static String data(String reportKey, String path, String flags, byte[] content) {
        String p = path.replace("\\", "\\\\");
        return "{\"" + reportKey + "\":\"" + p + "\"" + (flags == null ? "" : ",\"flags\":" + flags)
                + (content == null ? "" : ",\"reportContent\":\"" + Base64.getEncoder().encodeToString(content) + "\"") + "}";
    }

    private static RunEvents.StepFinished finished(String step, StepStatus status, String data) {
        return SampleRun.finished(step, "HV01", "apply", status, status == StepStatus.FAILED ? 1 : 0, List.of(), List.of(),
                status == StepStatus.FAILED ? "validation did not pass (ClusterNotApproved)" : "", 1000, "", data);
    }

    private void play(ReportWriter w, RunEvents.StepFinished... steps) {
        w.runStarted(new RunEvents.RunStarted("r1", "lab.yaml", "HVCL01", List.of("HV01"), "apply", SampleRun.T0));
        for (RunEvents.StepFinished s : steps) {
            w.stepFinished(s);
        }
        w.runFinished(new RunEvents.RunFinished(0, "done", Duration.ofSeconds(1), SampleRun.T0.plusSeconds(1)));
    }

    @Test
    void everyReportIsWrittenLinkedAndListedWithItsResult() throws Exception {
        byte[] pre = "<html>pre-creation: ClusterConditionallyApproved</html>".getBytes(StandardCharsets.UTF_8);
        byte[] created = "<html>New-Cluster</html>".getBytes(StandardCharsets.UTF_8);
        byte[] last = "<html>final: ClusterNotApproved</html>".getBytes(StandardCharsets.UTF_8);
        play(new ReportWriter(folder, SampleRun.titles(), SecretMasker.none()),
                finished("validate-cluster", StepStatus.CHANGED, data("report", "C:\\Windows\\Cluster\\Reports\\hvcluster-validate-1.htm",
                        "[\"HadUnselectedTests\",\"ClusterConditionallyApproved\"]", pre)),
                finished("create-cluster", StepStatus.CHANGED, data("reportPath", "C:\\Windows\\Cluster\\Reports\\Create Cluster Wizard HVCL01.htm", null, created)),
                finished("final-validation", StepStatus.FAILED, data("report", "C:\\Windows\\Cluster\\Reports\\hvcluster-final-validation-1.htm",
                        "[\"HadUnselectedTests\",\"ClusterNotApproved\"]", last)));

        assertThat(Files.readAllBytes(folder.dir().resolve("validation/HV01/validate-cluster-hvcluster-validate-1.htm"))).isEqualTo(pre);
        assertThat(Files.readAllBytes(folder.dir().resolve("validation/HV01/create-cluster-Create_Cluster_Wizard_HVCL01.htm"))).isEqualTo(created);
        // The failed validation's report is the one the admin needs most.
        assertThat(Files.readAllBytes(folder.dir().resolve("validation/HV01/final-validation-hvcluster-final-validation-1.htm"))).isEqualTo(last);

        JsonNode v = new ObjectMapper().readTree(folder.reportJson().toFile()).get("validations");
        assertThat(v).hasSize(3);
        assertThat(v.get(0).get("file").asText()).isEqualTo("validation/HV01/validate-cluster-hvcluster-validate-1.htm");
        assertThat(v.get(2).get("flags").toString()).isEqualTo("[\"HadUnselectedTests\",\"ClusterNotApproved\"]");
        // The bytes are evidence, never a detail of the journal or the report.
        assertThat(Files.readString(folder.reportJson())).doesNotContain("reportContent").doesNotContain(Base64.getEncoder().encodeToString(pre));

        String html = Files.readString(folder.reportHtml());
        assertThat(html).contains("<a href=\"validation/HV01/final-validation-hvcluster-final-validation-1.htm\">")
                .contains("HadUnselectedTests, ClusterNotApproved")
                .contains("(New-Cluster&#39;s report: read it)");
    }

    @Test
    void aReportThatWasNotCopiedIsListedAsOnTheNodeOnly() throws Exception {
        play(new ReportWriter(folder, SampleRun.titles(), SecretMasker.none()),
                finished("validate-cluster", StepStatus.CHANGED, data("report", "C:\\R\\big.htm", "[\"ClusterApproved\"]", null)));
        assertThat(Files.exists(folder.dir().resolve("validation"))).isFalse();
        assertThat(Files.readString(folder.reportHtml())).contains("C:\\R\\big.htm <span class=\"muted\">(on the node only)</span>");
    }

    @Test
    void aSecondReportOfTheSameNameIsKeptBesideTheFirst() throws Exception {
        ReportWriter w = new ReportWriter(folder, SampleRun.titles(), SecretMasker.none());
        play(w, finished("validate-cluster", StepStatus.FAILED, data("report", "C:\\R\\v.htm", "[\"ClusterNotApproved\"]", new byte[] {1})),
                finished("validate-cluster", StepStatus.CHANGED, data("report", "C:\\R\\v.htm", "[\"ClusterApproved\"]", new byte[] {2})));
        assertThat(Files.readAllBytes(folder.dir().resolve("validation/HV01/validate-cluster-v.htm"))).containsExactly(1);
        assertThat(Files.readAllBytes(folder.dir().resolve("validation/HV01/validate-cluster-v-2.htm"))).containsExactly(2);
    }

    @Test
    void secretsInAReportAreMaskedInItsOwnEncoding() throws Exception {
        String secret = "Pa55w0rd!";
        byte[] utf16 = ("\uFEFF<html>account password " + secret + "</html>").getBytes(StandardCharsets.UTF_16LE);
        play(new ReportWriter(folder, SampleRun.titles(), new SecretMasker(List.of(Secret.of(secret)))),
                finished("final-validation", StepStatus.CHANGED, data("report", "C:\\R\\f.htm", "[\"ClusterApproved\"]", utf16)));
        String kept = new String(Files.readAllBytes(folder.dir().resolve("validation/HV01/final-validation-f.htm")), StandardCharsets.UTF_16LE);
        assertThat(kept).doesNotContain(secret).contains(Secret.MASK).startsWith("\uFEFF<html>");
    }
}
