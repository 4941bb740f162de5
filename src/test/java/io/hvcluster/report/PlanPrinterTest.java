package io.hvcluster.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.hvcluster.pipeline.Action;
import io.hvcluster.pipeline.Change;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.plan.Plan;
import io.hvcluster.plan.RebootDecision;
import io.hvcluster.plan.RebootStrategy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanPrinterTest {

    private static final Change RENAME_1 = new Change(Action.CHANGE, "HV01", "name of adapter [00-15-5D-01-02-03]", "Ethernet 2", "Cluster");
    private static final Change RENAME_2 = new Change(Action.CHANGE, "HV01", "name of adapter [00-15-5D-01-02-04]", "Ethernet 3", "Storage");
    private static final Change ADD_IP = new Change(Action.ADD, "HV01", "IPv4 address on 'Cluster'", "", "10.0.1.11/24");
    private static final Change DROP_DNS = new Change(Action.REMOVE, "HV01", "DNS servers on 'Cluster'", "10.0.0.10", "");

    private static final Plan PLAN = new Plan(List.of(
            new StepPlan("rename-adapters", "HV01", List.of(RENAME_1, RENAME_2), List.of()),
            new StepPlan("rename-adapters", "HV02", List.of(), List.of()),
            new StepPlan("configure-addresses", "HV01", List.of(ADD_IP), List.of("no adapter with MAC 00-15-5D-01-02-09 for 'Storage'")),
            new StepPlan("configure-addresses", "HV02", List.of(), List.of("address 10.0.1.12 is in use by HV03")),
            new StepPlan("validate-cluster", "HV01", List.of(new Change(Action.RUN, "HV01", "Test-Cluster", "", "HV01, HV02")), List.of())),
            new RebootDecision(RebootStrategy.AUTO, RebootStrategy.ROLLING, "the cluster already runs 2 roles"));

    private static String print(Plan plan, boolean color) {
        StringWriter sw = new StringWriter();
        new PlanPrinter(SampleRun.titles(), color).print(plan, new PrintWriter(sw));
        return sw.toString();
    }

    @Test
    void printsEachStepWithItsHostsTerraformStyleThenTheRebootPolicyAndTheSummary() {
        assertThat(print(PLAN, false)).isEqualTo("""
                1. Rename adapters by role (rename-adapters)
                   HV01  ~ name of adapter [00-15-5D-01-02-03]: Ethernet 2 → Cluster
                         ~ name of adapter [00-15-5D-01-02-04]: Ethernet 3 → Storage
                   HV02  in desired state

                2. Configure static addresses (configure-addresses)
                   HV01  + IPv4 address on 'Cluster': 10.0.1.11/24
                         ! no adapter with MAC 00-15-5D-01-02-09 for 'Storage'
                   HV02  ! address 10.0.1.12 is in use by HV03

                3. Validate the configuration (Test-Cluster) (validate-cluster)
                   HV01  > run Test-Cluster: HV01, HV02

                Reboot policy: rolling (requested: auto) - the cluster already runs 2 roles
                2 problems (!) block the plan: fix them before apply
                Plan: 4 to change, 1 in desired state
                """.replace("\n", System.lineSeparator()));
    }

    @Test
    void aConvergedPlanIsOneLine() {
        Plan plan = new Plan(List.of(
                new StepPlan("rename-adapters", "HV01", List.of(), List.of()),
                new StepPlan("rename-adapters", "HV02", List.of(), List.of()),
                new StepPlan("validate-cluster", "HV01", List.of(), List.of())),
                new RebootDecision(RebootStrategy.AUTO, RebootStrategy.ROLLING, "roles run"));

        assertThat(print(plan, false)).isEqualTo(
                "No changes: HV01, HV02 are in the desired state for every step (3 checked)." + System.lineSeparator());
    }

    @Test
    void stepsFollowPipelineOrderAndTheRequestedPolicyIsOmittedWhenItIsTheSame() {
        Plan plan = new Plan(List.of(
                new StepPlan("enable-hyper-v", "HV1", List.of(new Change(Action.CHANGE, "HV1", "feature Hyper-V", "Available", "Installed"),
                        new Change(Action.RESTART, "HV1", "HV1", "", "")), List.of()),
                new StepPlan("rename-adapters", "HV1", List.of(), List.of())),
                new RebootDecision(RebootStrategy.PARALLEL, RebootStrategy.PARALLEL, "asked for"));

        assertThat(print(plan, false)).isEqualTo("""
                1. Rename adapters by role (rename-adapters)
                   HV1  in desired state

                2. Enable Hyper-V (enable-hyper-v)
                   HV1  ~ feature Hyper-V: Available → Installed
                        > restart HV1

                Reboot policy: parallel - asked for
                Plan: 1 to change, 1 in desired state
                """.replace("\n", System.lineSeparator()));
    }

    @Test
    void theExampleInTheDocsIsWhatThePrinterPrints() throws Exception {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs/run-folder.md"));
        int from = doc.indexOf("```\n", doc.indexOf("`PlanPrinter` prints the plan")) + 4;
        String example = doc.substring(from, doc.indexOf("```", from));
        Plan plan = new Plan(List.of(
                new StepPlan("rename-adapters", "HV01", List.of(RENAME_1), List.of()),
                new StepPlan("rename-adapters", "HV02", List.of(), List.of()),
                new StepPlan("configure-addresses", "HV01", List.of(ADD_IP, DROP_DNS),
                        List.of("no adapter with MAC 00-15-5D-01-02-09 for 'Storage'"))),
                new RebootDecision(RebootStrategy.AUTO, RebootStrategy.ROLLING, "the cluster already runs 2 roles"));

        assertThat(print(plan, false)).isEqualTo(example.replace("\n", System.lineSeparator()));
    }

    @Test
    void colourOnlyWhenAskedFor() {
        assertThat(print(PLAN, false)).doesNotContain("\u001b[");
        assertThat(print(PLAN, true))
                .contains("\u001b[32m+ IPv4 address on 'Cluster': 10.0.1.11/24\u001b[0m")
                .contains("\u001b[33m~ name of adapter [00-15-5D-01-02-03]: Ethernet 2 → Cluster\u001b[0m")
                .contains("\u001b[31m! address 10.0.1.12 is in use by HV03\u001b[0m");
    }

    @Test
    void aDiskToFormatStandsOutInBoldRed() {
        Plan plan = new Plan(List.of(new StepPlan("validate-cluster", "HV01", List.of(new Change(Action.FORMAT, "HV01",
                "disk 'CSV1' (serial CSV-01, 2048 GB, RAW)", "", "initialize GPT, one partition, NTFS volume 'CSV1'")), List.of())),
                new RebootDecision(RebootStrategy.AUTO, RebootStrategy.ROLLING, ""));
        assertThat(print(plan, false)).contains("HV01  !! FORMAT disk 'CSV1' (serial CSV-01, 2048 GB, RAW): initialize GPT, one partition, NTFS volume 'CSV1'");
        assertThat(print(plan, true)).contains("\u001b[1m\u001b[31m!! FORMAT disk 'CSV1'");
    }
}
