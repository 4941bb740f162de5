package io.hvcluster.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hvcluster.exec.ScriptResult;
import io.hvcluster.plan.Plan;
import io.hvcluster.plan.RebootDecision;
import io.hvcluster.plan.RebootStrategy;
import io.hvcluster.pipeline.Action;
import io.hvcluster.pipeline.Change;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.run.RunEvents;
import io.hvcluster.secrets.Secret;
import io.hvcluster.secrets.SecretMasker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** report.json and report.html carry what a change board asks: who, from where, with what, hashes, restarts. */
class ChangeRecordReportTest {

    /** SHA-256 of "abc" (FIPS 180-2, appendix B.1): an independent expected value. */
    private static final String SHA256_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    /** SHA-256 of the empty input. */
    private static final String SHA256_EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RunOrigin ORIGIN = new RunOrigin("1.2.3", "CORP\\alice", "hvadmin@CORP.EXAMPLE.COM", "JUMP01");

    @TempDir
    Path tmp;

    private RunFolder folder;
    private Path inventory;

    @BeforeEach
    void folder() throws Exception {
        folder = RunFolder.at(Files.createDirectories(tmp.resolve("2026-11-25T031502Z")));
        inventory = Files.writeString(tmp.resolve("lab.yaml"), "abc", StandardCharsets.UTF_8);
    }

    private JsonNode reportJson() throws Exception {
        return JSON.readTree(folder.reportJson().toFile());
    }

    private static Plan plan(RebootStrategy effective, String... hostsToRestart) {
        List<StepPlan> steps = new java.util.ArrayList<>();
        steps.add(new StepPlan("rename-adapters", "HV01", List.of(new Change(Action.CHANGE, "HV01", "name of adapter [00-15-5D-00-00-01]", "Ethernet", "Parent")), List.of()));
        for (String h : List.of("HV01", "HV02", "HV03")) {
            boolean restarts = List.of(hostsToRestart).contains(h);
            steps.add(new StepPlan("enable-hyper-v", h, restarts ? List.of(new Change(Action.ADD, h, "feature Hyper-V", "", "installed")) : List.<Change>of(), List.of()));
        }
        return new Plan(steps, new RebootDecision(RebootStrategy.AUTO, effective, "because"));
    }

    private void run(ReportWriter writer, String inventoryPath, Plan plan, boolean simulated) {
        writer.runStarted(new RunEvents.RunStarted("r1", inventoryPath, "HVC01", List.of("HV01", "HV02", "HV03"), "plan",
                SampleRun.T0, simulated));
        if (plan != null) {
            writer.planComputed(new RunEvents.PlanComputed(plan));
        }
        writer.runFinished(new RunEvents.RunFinished(3, "plan", Duration.ofSeconds(1), SampleRun.T0.plusSeconds(1)));
    }

    @Test
    void reportJsonNamesTheToolTheOperatorTheMachineAndTheInventoryHash() throws Exception {
        run(new ReportWriter(folder, SampleRun.titles(), SecretMasker.none(), ORIGIN), inventory.toString(), null, false);
        JsonNode r = reportJson();

        assertThat(r.get("toolVersion").asText()).isEqualTo("1.2.3");
        assertThat(r.get("operator").get("osUser").asText()).isEqualTo("CORP\\alice");
        assertThat(r.get("operator").get("winrmAccount").asText()).isEqualTo("hvadmin@CORP.EXAMPLE.COM");
        assertThat(r.get("machine").asText()).isEqualTo("JUMP01");
        assertThat(r.get("inventorySha256").asText()).isEqualTo(SHA256_ABC);
        assertThat(r.get("simulated").asBoolean()).isFalse();
        assertThat(r.get("scripts")).isEmpty();
        assertThat(r.get("plannedRestarts")).isEmpty();
    }

    @Test
    void theInventoryIsHashedAsItWasWhenTheRunStarted() throws Exception {
        ReportWriter writer = new ReportWriter(folder, SampleRun.titles(), SecretMasker.none(), ORIGIN);
        writer.runStarted(new RunEvents.RunStarted("r1", inventory.toString(), "HVC01", List.of("HV01"), "apply", SampleRun.T0));
        Files.writeString(inventory, "edited during the run");
        writer.runFinished(new RunEvents.RunFinished(0, "ok", Duration.ofSeconds(1), SampleRun.T0.plusSeconds(1)));

        assertThat(reportJson().get("inventorySha256").asText()).isEqualTo(SHA256_ABC);
    }

    @Test
    void anUnreadableInventoryHasNoHashRatherThanAWrongOne() throws Exception {
        run(new ReportWriter(folder, SampleRun.titles(), SecretMasker.none(), ORIGIN), tmp.resolve("gone.yaml").toString(), null, false);

        assertThat(reportJson().get("inventorySha256").asText()).isEmpty();
        assertThat(Files.readString(folder.reportHtml())).contains("Inventory SHA-256</dt><dd class=\"mono\">unknown</dd>");
    }

    @Test
    void anInventorySourceThatIsNoPathHasNoHashAndTheReportIsStillWritten() throws Exception {
        // NUL is invalid in a path on every platform; "<stdin>" is on Windows.
        run(new ReportWriter(folder, SampleRun.titles(), SecretMasker.none(), ORIGIN), "lab\u0000.yaml", null, false);
        assertThat(reportJson().get("inventorySha256").asText()).isEmpty();

        assertThat(FileDigest.sha256("")).isEmpty();
        assertThat(FileDigest.sha256((String) null)).isEmpty();
        assertThat(FileDigest.sha256(inventory.toString())).isEqualTo(SHA256_ABC);
    }

    @Test
    void everyArchivedScriptIsHashedAsWrittenThatIsMasked() throws Exception {
        String secret = "Hunter2!";
        SecretMasker masker = new SecretMasker(List.of(Secret.of(secret)));
        ScriptArchive archive = new ScriptArchive(folder, masker);
        String masked = archive.save("HV01", 6, "create-cluster", "apply", "$pw = '" + secret + "'\n",
                new ScriptResult(0, "", "", Duration.ofSeconds(1)));
        String plain = archive.save("HV02", 1, "rename-adapters", "apply", "abc", new ScriptResult(0, "", "", Duration.ofSeconds(1)));
        String empty = archive.save("HV02", 8, "enable-hyper-v", "after-reboot", "", new ScriptResult(0, "", "", Duration.ZERO));
        run(new ReportWriter(folder, SampleRun.titles(), masker, ORIGIN), inventory.toString(), null, false);
        JsonNode scripts = reportJson().get("scripts");

        assertThat(scripts).extracting(s -> s.get("path").asText()).containsExactly(masked, plain, empty);
        assertThat(scripts.get(0).get("sha256").asText())
                .isEqualTo(FileDigest.sha256(folder.dir().resolve(masked)))
                .isEqualTo(sha256("$pw = '" + Secret.MASK + "'\n"))
                .isNotEqualTo(sha256("$pw = '" + secret + "'\n"));
        assertThat(scripts.get(1).get("sha256").asText()).isEqualTo(SHA256_ABC);
        assertThat(scripts.get(2).get("sha256").asText()).isEqualTo(SHA256_EMPTY);
        // The .out.txt files are output, not scripts.
        assertThat(scripts.toString()).doesNotContain(".out.txt");
        assertThat(Files.readString(folder.reportHtml())).contains(SHA256_ABC).contains("href=\"" + plain + "\"");
    }

    @Test
    void aRollingPlanRestartsOneHostAfterTheOtherAndSkipsHostsInTheDesiredState() throws Exception {
        run(new ReportWriter(folder, SampleRun.titles(), SecretMasker.none(), ORIGIN), inventory.toString(),
                plan(RebootStrategy.ROLLING, "HV01", "HV03"), false);
        JsonNode restarts = reportJson().get("plannedRestarts");

        assertThat(restarts).hasSize(2);
        assertThat(restarts).extracting(x -> x.get("order").asInt() + " " + x.get("host").asText() + " " + x.get("stepId").asText()
                + " " + x.get("strategy").asText() + " " + x.get("title").asText())
                .containsExactly("1 HV01 enable-hyper-v rolling Enable Hyper-V", "2 HV03 enable-hyper-v rolling Enable Hyper-V");
        assertThat(Files.readString(folder.reportHtml())).contains("rolling: after the host before it is back")
                .doesNotContain("<td>HV02</td><td>Enable Hyper-V");
    }

    @Test
    void aParallelPlanRestartsEveryHostAtOnce() throws Exception {
        run(new ReportWriter(folder, SampleRun.titles(), SecretMasker.none(), ORIGIN), inventory.toString(),
                plan(RebootStrategy.PARALLEL, "HV01", "HV02", "HV03"), false);
        JsonNode restarts = reportJson().get("plannedRestarts");

        assertThat(restarts).extracting(x -> x.get("order").asInt() + " " + x.get("host").asText() + " " + x.get("strategy").asText())
                .containsExactly("1 HV01 parallel", "1 HV02 parallel", "1 HV03 parallel");
        assertThat(Files.readString(folder.reportHtml())).contains("parallel: all at once");
    }

    @Test
    void aConvergedPlanHasNoRestarts() throws Exception {
        run(new ReportWriter(folder, SampleRun.titles(), SecretMasker.none(), ORIGIN), inventory.toString(),
                plan(RebootStrategy.ROLLING), false);

        assertThat(reportJson().get("plannedRestarts")).isEmpty();
        assertThat(Files.readString(folder.reportHtml())).contains("no host restarts in this plan");
    }

    @Test
    void aSimulatedRunSaysSoInTheChangeRecord() throws Exception {
        run(new ReportWriter(folder, SampleRun.titles(), SecretMasker.none(), ORIGIN), inventory.toString(), null, true);

        assertThat(reportJson().get("simulated").asBoolean()).isTrue();
        assertThat(Files.readString(folder.reportHtml()))
                .contains("<dt>Simulated</dt><dd>yes: SIMULATED hosts, nothing real was contacted</dd>");
    }

    @Test
    void hostileValuesAreEscapedInTheHtmlAndKeptWholeInTheJson() throws Exception {
        RunOrigin hostile = new RunOrigin("1.0<script>alert(1)</script>", "CORP\\Jürgen \"O'Brien\"", "<b>admin</b>@例え.jp",
                "JUMP-Ωmega&<i>");
        Path oddInventory = Files.writeString(tmp.resolve("lab <x> 'ü'.yaml"), "abc");
        ReportWriter writer = new ReportWriter(folder, SampleRun.titles(), SecretMasker.none(), hostile);
        writer.runStarted(new RunEvents.RunStarted("r1", oddInventory.toString(), "HVC01", List.of("<script>HV1"), "plan", SampleRun.T0));
        writer.planComputed(new RunEvents.PlanComputed(new Plan(
                List.of(new StepPlan("enable-hyper-v", "<script>HV1", List.of(new Change(Action.ADD, "<script>HV1", "feature Hyper-V", "", "installed")), List.of())),
                new RebootDecision(RebootStrategy.AUTO, RebootStrategy.ROLLING, "r"))));
        writer.runFinished(new RunEvents.RunFinished(3, "plan", Duration.ofSeconds(1), SampleRun.T0.plusSeconds(1)));
        String html = Files.readString(folder.reportHtml(), StandardCharsets.UTF_8);
        JsonNode r = reportJson();

        assertThat(html).doesNotContain("<script>").doesNotContain("<b>").doesNotContain("<i>");
        assertThat(html).contains("<dd>1.0&lt;script&gt;alert(1)&lt;/script&gt;</dd>")
                .contains("<dd>CORP\\Jürgen &quot;O&#39;Brien&quot;</dd>")
                .contains("<dd>&lt;b&gt;admin&lt;/b&gt;@例え.jp</dd>")
                .contains("<dd>JUMP-Ωmega&amp;&lt;i&gt;</dd>")
                .contains("<td>&lt;script&gt;HV1</td>");
        assertThat(r.get("operator").get("osUser").asText()).isEqualTo("CORP\\Jürgen \"O'Brien\"");
        assertThat(r.get("machine").asText()).isEqualTo("JUMP-Ωmega&<i>");
        assertThat(r.get("inventorySha256").asText()).isEqualTo(SHA256_ABC);
        assertThat(r.get("plannedRestarts").get(0).get("host").asText()).isEqualTo("<script>HV1");
    }

    @Test
    void theWinRmAccountIsMaskedIfItIsEverASecret() throws Exception {
        // Belt and braces: the account is a user name, but an admin who pasted a password there must not see it printed.
        SecretMasker masker = new SecretMasker(List.of(Secret.of("P@ssw0rd")));
        run(new ReportWriter(folder, SampleRun.titles(), masker, new RunOrigin("1", "u", "P@ssw0rd", "m")), inventory.toString(), null,
                false);

        assertThat(Files.readString(folder.reportJson())).doesNotContain("P@ssw0rd");
        assertThat(Files.readString(folder.reportHtml())).doesNotContain("P@ssw0rd");
    }

    @Test
    void theCurrentOriginNamesThisProcessesUserAndMachine() {
        RunOrigin o = RunOrigin.current("1.2.3", "hvadmin");

        assertThat(o.osUser()).endsWith(System.getProperty("user.name"));
        assertThat(o.machine()).isNotBlank();
        assertThat(o.toolVersion()).isEqualTo("1.2.3");
        assertThat(o.winrmAccount()).isEqualTo("hvadmin");
    }

    @Test
    void withoutAnOriginTheReportSaysUnknownRatherThanNothing() throws Exception {
        run(new ReportWriter(folder, SampleRun.titles(), SecretMasker.none()), inventory.toString(), null, false);

        assertThat(reportJson().get("toolVersion").asText()).isEmpty();
        assertThat(Files.readString(folder.reportHtml())).contains("<dt>hvcluster version</dt><dd>unknown</dd>");
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
