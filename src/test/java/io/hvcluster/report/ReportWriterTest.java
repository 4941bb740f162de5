package io.hvcluster.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hvcluster.run.RunEvents;
import io.hvcluster.run.StepStatus;
import io.hvcluster.secrets.Secret;
import io.hvcluster.secrets.SecretMasker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private RunFolder folder;

    @BeforeEach
    void folder() throws Exception {
        folder = RunFolder.at(Files.createDirectories(tmp.resolve("2026-11-25T031502Z")));
    }

    private JsonNode reportJson() throws Exception {
        return JSON.readTree(folder.reportJson().toFile());
    }

    private String reportHtml() throws Exception {
        return Files.readString(folder.reportHtml());
    }

    private static JsonNode cell(JsonNode report, String step, String host) {
        for (JsonNode row : report.get("matrix")) {
            if (row.get("stepId").asText().equals(step)) {
                for (JsonNode c : row.get("cells")) {
                    if (c.get("host").asText().equals(host)) {
                        return c;
                    }
                }
            }
        }
        return null;
    }

    @Test
    void nothingIsWrittenBeforeTheRunFinishes() {
        ReportWriter writer = new ReportWriter(folder, SampleRun.titles(), SecretMasker.none());
        writer.runStarted(new RunEvents.RunStarted("r", "lab.yaml", "HVC01", List.of("HV01"), "apply", SampleRun.T0));

        assertThat(folder.reportJson()).doesNotExist();
        assertThat(folder.reportHtml()).doesNotExist();
    }

    @Test
    void reportJsonHasTheHeaderTheMatrixAndTheSummary() throws Exception {
        SampleRun.play(new ReportWriter(folder, SampleRun.titles(), SecretMasker.none()));
        JsonNode r = reportJson();

        assertThat(r.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(r.get("runId").asText()).isEqualTo("2026-11-25T031502Z");
        assertThat(r.get("cluster").asText()).isEqualTo("HVC01");
        assertThat(r.get("mode").asText()).isEqualTo("apply");
        assertThat(r.get("startedAt").asText()).isEqualTo("2026-11-25T03:15:02Z");
        assertThat(r.get("durationMs").asLong()).isEqualTo(252_000);
        assertThat(r.get("exitCode").asInt()).isEqualTo(1);
        assertThat(r.get("summary").asText()).isEqualTo("3 changed, 2 unchanged, 2 failed, 1 skipped");
        assertThat(r.get("planSummary").asText()).isEqualTo("6 to change, 2 in desired state");
        assertThat(r.get("reboot").get("effective").asText()).isEqualTo("parallel");

        assertThat(r.get("matrix")).extracting(n -> n.get("stepId").asText()).containsExactly(
                "rename-adapters", "configure-addresses", "unbind-protocols", "validate-cluster", "enable-hyper-v");
        assertThat(r.get("matrix").get(0).get("title").asText()).isEqualTo("Rename adapters by role");
        assertThat(cell(r, "rename-adapters", "HV01").get("status").asText()).isEqualTo("changed");
        assertThat(cell(r, "rename-adapters", "HV02").get("status").asText()).isEqualTo("unchanged");
        assertThat(cell(r, "configure-addresses", "HV02").get("status").asText()).isEqualTo("failed");
        assertThat(cell(r, "unbind-protocols", "HV02").get("status").asText()).isEqualTo("skipped");
        assertThat(cell(r, "validate-cluster", "HV02")).isNull();
        JsonNode hyperV = cell(r, "enable-hyper-v", "HV01");
        assertThat(hyperV.get("status").asText()).isEqualTo("not-converged");
        assertThat(hyperV.get("durationMs").asLong()).isEqualTo(54_000);
        assertThat(hyperV.get("phases")).extracting(n -> n.get("phase").asText()).containsExactly("apply", "after-reboot");
        assertThat(cell(r, "configure-addresses", "HV02").get("phases").get(0).get("error").asText())
                .isEqualTo("address 10.0.1.12 is already in use on 'Storage'");
        assertThat(cell(r, "rename-adapters", "HV01").get("planned").get("changes").get(0).get("text").asText())
                .isEqualTo("~ name of adapter [00-15-5D-01-02-03]: Ethernet 2 → Cluster");

        JsonNode counts = r.get("counts");
        assertThat(counts.get("changed").asInt()).isEqualTo(3);
        assertThat(counts.get("unchanged").asInt()).isEqualTo(2);
        assertThat(counts.get("failed").asInt()).isEqualTo(1);
        assertThat(counts.get("notConverged").asInt()).isEqualTo(1);
        assertThat(counts.get("skipped").asInt()).isEqualTo(1);
        assertThat(counts.get("planned").asInt()).isZero();

        assertThat(r.get("notices")).extracting(n -> n.get("kind").asText())
                .containsExactly("reboot-requested", "back-online", "log-errors");
        JsonNode validation = r.get("validations").get(0);
        assertThat(validation.get("host").asText()).isEqualTo("HV01");
        assertThat(validation.get("report").asText()).isEqualTo("C:\\Windows\\Cluster\\Reports\\hvcluster-validate-HVC01.htm");
        assertThat(validation.get("flags")).extracting(JsonNode::asText).containsExactly("ClusterConditionallyApproved");
    }

    @Test
    void htmlShowsEveryCellWithItsStatusClassAndDuration() throws Exception {
        SampleRun.play(new ReportWriter(folder, SampleRun.titles(), SecretMasker.none()));
        String html = reportHtml();

        assertThat(cellClasses(html)).containsExactly(
                "changed", "unchanged", "changed", "failed", "unchanged", "skipped", "changed", "not-converged");
        assertThat(html).contains("<td class=\"cell changed\"><a href=\"#s-rename-adapters--HV01\">changed<span class=\"dur\">2.3s</span>");
        assertThat(html).contains("<td class=\"cell not-converged\"><a href=\"#s-enable-hyper-v--HV01\">not converged<span class=\"dur\">54.0s</span>");
        assertThat(html).contains("id=\"s-enable-hyper-v--HV01\"");
        assertThat(html).contains("<td class=\"none\"");
        assertThat(html).contains("exit 1 – failed or stopped (see the summary)");
        assertThat(html).contains("<dd>3 changed, 2 unchanged, 2 failed, 1 skipped</dd>");
        assertThat(html).contains("<strong>parallel</strong> <span class=\"muted\">(requested: auto)</span>");
        assertThat(html).contains("a new build with no roles: every node restarts at once");
        assertThat(html).contains("C:\\Windows\\Cluster\\Reports\\hvcluster-validate-HVC01.htm");
        assertThat(html).contains("ClusterConditionallyApproved");
        assertThat(html).contains("back after 1m12s (boot 2026-11-25T03:17:40Z)");
        assertThat(html).contains("<tr class=\"notice-bad\">");
        assertThat(html).contains("href=\"scripts/HV02/02-configure-addresses-apply.out.txt\"");
        assertThat(html).contains("<li class=\"warn\">DNS registration is off on &#39;Cluster&#39;</li>");
        assertThat(html).contains("<li class=\"err\">address 10.0.1.12 is already in use on &#39;Storage&#39;</li>");
    }

    @Test
    void htmlListsWhatNeedsAttentionFirst() throws Exception {
        SampleRun.play(new ReportWriter(folder, SampleRun.titles(), SecretMasker.none()));
        String html = reportHtml();
        String attention = html.substring(html.indexOf("<h2>Needs attention</h2>"), html.indexOf("<h2>Reboot policy</h2>"));

        assertThat(attention).contains("<a href=\"#s-configure-addresses--HV02\">HV02 · Configure static addresses</a>"
                + " — failed: address 10.0.1.12 is already in use on &#39;Storage&#39;");
        assertThat(attention).contains("HV01 · Enable Hyper-V</a> — not converged: Hyper-V still shows InstallPending");
        assertThat(attention).contains("<li class=\"warn\"><a href=\"#s-validate-cluster--HV01\">");
        assertThat(attention).contains("HV01 — 1 error in the System log since boot: Service Control Manager 7000");
        assertThat(html.indexOf("Needs attention")).isLessThan(html.indexOf("Steps by host"));
    }

    @Test
    void htmlIsSelfContained() throws Exception {
        SampleRun.play(new ReportWriter(folder, SampleRun.titles(), SecretMasker.none()));
        String html = reportHtml();

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").contains("<meta charset=\"utf-8\">");
        assertThat(html).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<link")
                .doesNotContain("http://").doesNotContain("https://").doesNotContain("@import").doesNotContain("url(")
                .doesNotContain("@font-face");
    }

    @Test
    void everyTextIsEscaped() throws Exception {
        ReportWriter writer = new ReportWriter(folder, SampleRun.titles(), SecretMasker.none());
        writer.runStarted(new RunEvents.RunStarted("r1", "lab<1>.yaml", "HV&C", List.of("HV01"), "apply", SampleRun.T0));
        writer.stepFinished(SampleRun.finished("rename-adapters", "HV01", "apply", StepStatus.CHANGED, 0,
                List.of("<script>alert('x')</script> & \"more\""), List.of(), "", 10, "", "{}"));
        writer.hostNotice(new RunEvents.HostNotice("HV01", io.hvcluster.run.NoticeKind.LOG_ERRORS, "<img src=x onerror=alert(1)>", SampleRun.T0));
        writer.runFinished(new RunEvents.RunFinished(0, "1 changed", Duration.ofSeconds(1), SampleRun.T0.plusSeconds(1)));
        String html = reportHtml();

        assertThat(html).doesNotContain("<script>").doesNotContain("<img");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;");
        assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;");
        assertThat(html).contains("<dd>lab&lt;1&gt;.yaml</dd>").contains("Cluster HV&amp;C");
    }

    @Test
    void secretsAreMaskedInBothReports() throws Exception {
        String secret = "S3cr&t<'x'>";
        SecretMasker masker = new SecretMasker(List.of(Secret.of(secret)));
        ReportWriter writer = new ReportWriter(folder, SampleRun.titles(), masker);
        writer.runStarted(new RunEvents.RunStarted("r1", "lab.yaml", "HVC01", List.of("HV01"), "apply", SampleRun.T0));
        writer.stepFinished(SampleRun.finished("create-cluster", "HV01", "apply", StepStatus.FAILED, 1,
                List.of(), List.of("used '" + secret.replace("'", "''") + "'"), "logon failed: " + secret, 10, "",
                "{\"report\":\"" + secret + "\"}"));
        writer.runFinished(new RunEvents.RunFinished(1, "1 failed", Duration.ofSeconds(1), SampleRun.T0.plusSeconds(1)));

        for (Path file : List.of(folder.reportJson(), folder.reportHtml())) {
            String text = Files.readString(file);
            assertThat(text).doesNotContain("S3cr").contains(Secret.MASK);
        }
        assertThat(reportJson().get("matrix").get(0).get("cells").get(0).get("phases").get(0).get("error").asText())
                .isEqualTo("logon failed: " + Secret.MASK);
    }

    @Test
    void preflightFindingsAreInBothReportsEscapedAndMasked() throws Exception {
        String secret = "Pr3fl!ght";
        ReportWriter writer = new ReportWriter(folder, SampleRun.titles(), new SecretMasker(List.of(Secret.of(secret))));
        writer.runStarted(new RunEvents.RunStarted("r1", "lab.yaml", "HVC01", List.of("HV01", "HV02"), "plan", SampleRun.T0));
        writer.preflightChecked(new RunEvents.PreflightChecked(new io.hvcluster.preflight.PreflightReport(List.of(
                new io.hvcluster.preflight.Finding(io.hvcluster.inventory.check.Severity.ERROR, "HV02", "cpu-virtualization",
                        "virtualization is off in the firmware <VT-x>", "VT-x/AMD-V enabled", "enable it in the BIOS (password " + secret + ")"),
                new io.hvcluster.preflight.Finding(io.hvcluster.inventory.check.Severity.WARNING, "cluster", "cpu-consistency",
                        "two CPU models", "one model", "use processor compatibility mode")),
                List.of(new io.hvcluster.preflight.Skipped("HV01", "reachability", "network 'Cluster': not addressed yet")))));
        writer.runFinished(new RunEvents.RunFinished(1, "preflight: 1 error, 1 warning", Duration.ZERO, SampleRun.T0.plusSeconds(1)));

        JsonNode pre = reportJson().get("preflight");
        assertThat(pre.get("summary").asText()).isEqualTo("1 error, 1 warning");
        assertThat(pre.get("findings")).hasSize(2);
        assertThat(pre.get("findings").get(0).get("check").asText()).isEqualTo("cpu-virtualization");
        assertThat(pre.get("findings").get(0).get("fix").asText()).isEqualTo("enable it in the BIOS (password " + Secret.MASK + ")");
        assertThat(pre.get("skipped").get(0).get("why").asText()).isEqualTo("network 'Cluster': not addressed yet");
        String html = reportHtml();
        assertThat(html).contains("<h2>Preflight</h2>", "cpu-virtualization", "virtualization is off in the firmware &lt;VT-x&gt;",
                "use processor compatibility mode", "1 check(s) not possible yet").doesNotContain(secret, "<VT-x>");
    }

    @Test
    void aPlanRunShowsPlannedCells() throws Exception {
        ReportWriter writer = new ReportWriter(folder, SampleRun.titles(), SecretMasker.none());
        writer.runStarted(new RunEvents.RunStarted("r1", "lab.yaml", "HVC01", List.of("HV01", "HV02"), "plan", SampleRun.T0));
        writer.planComputed(new RunEvents.PlanComputed(SampleRun.plan()));
        writer.runFinished(new RunEvents.RunFinished(3, "6 to change, 2 in desired state", Duration.ofSeconds(4), SampleRun.T0.plusSeconds(4)));
        JsonNode r = reportJson();

        assertThat(cell(r, "rename-adapters", "HV01").get("status").asText()).isEqualTo("planned");
        assertThat(cell(r, "rename-adapters", "HV02").get("status").asText()).isEqualTo("unchanged");
        assertThat(r.get("counts").get("planned").asInt()).isEqualTo(6);
        assertThat(reportHtml()).contains("<li class=\"chg\">~ name of adapter [00-15-5D-01-02-03]: Ethernet 2 → Cluster</li>");
    }

    private static List<String> cellClasses(String html) {
        Matcher m = Pattern.compile("<td class=\"cell ([a-z-]+)\">").matcher(html);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
