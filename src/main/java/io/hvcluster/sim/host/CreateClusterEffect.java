package io.hvcluster.sim.host;

import io.hvcluster.pipeline.Change;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.steps.CreateClusterStep;
import io.hvcluster.windows.AddClusterNode;
import io.hvcluster.windows.NewCluster;
import io.hvcluster.windows.TestCluster;
import io.hvcluster.windows.WindowsOp;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * templates/create-cluster/apply.ps1.vm: the step's plan (New-Cluster, or the join validation and Add-ClusterNode for
 * the nodes a re-run finds missing) made through the second hop. Beyond the plan's operations: New-Cluster's
 * warnings and report, the join validation's result read as the template reads it, the wait until every node is Up,
 * and the one line the template reports for it all.
 */
final class CreateClusterEffect extends PlanningEffect<CreateClusterStep.Params> {

    /** New-Cluster -NoStorage: no disk to make a witness of. */
    static final String NO_WITNESS_WARNING = "An appropriate disk was not found for configuring a disk witness. The cluster is not configured"
            + " with a witness. As a best practice, configure a witness to help achieve the highest availability of the cluster."
            + " If this cluster does not have shared storage, configure a File Share Witness or a Cloud Witness.";
    static final String ISSUES_WARNING = "There were issues while creating the clustered role that may prevent it from starting."
            + " For more information view the report file below.";
    private static final DateTimeFormatter REPORT_STAMP = DateTimeFormatter.ofPattern("yyyy.MM.dd 'At' HH.mm.ss").withZone(ZoneOffset.UTC);

    CreateClusterEffect() {
        super(new CreateClusterStep());
    }

    @Override
    public void apply(StepRun run, CreateClusterStep.Params params) throws StepFailure {
        ClusterCmdlets.requireFeature(run);
        StepPlan plan = plan(run, params);
        if (plan.changes().isEmpty()) {
            return;
        }
        SecondHop hop = SecondHop.forCmdlets(run, params.delegation());
        List<String> added = new ArrayList<>();
        for (Change c : plan.changes()) {
            WindowsOp op = PlannedEffect.operation(step, c);
            if (op instanceof NewCluster n) {
                hop.reachAll(n.nodes());
                hop.reach(run.dc.directory.domain);
            } else if (op instanceof TestCluster t) {
                hop.reachAll(t.nodes());
            } else if (op instanceof AddClusterNode a) {
                added.add(a.node());
            }
            Cmdlets.apply(run, op);
            if (op instanceof TestCluster t) {
                readJoinValidation(run, params, t, plan);
            } else if (op instanceof NewCluster) {
                created(run, params);
            }
        }
        if (!added.isEmpty()) {
            waitUntilUp(run, added, params);
            run.change("added " + String.join(", ", added) + " to cluster " + params.name());
        }
    }

    /** New-Cluster's warnings (the report named in one of them), its report sent back, every node Up, then the line. */
    private static void created(StepRun run, CreateClusterStep.Params params) throws StepFailure {
        SimulatedCluster c = run.requireCluster();
        String report = "C:\\Windows\\cluster\\Reports\\Create Cluster Wizard " + c.name + " on " + REPORT_STAMP.format(run.now) + ".htm";
        List<String> warnings = List.of(NO_WITNESS_WARNING, ISSUES_WARNING, "Report file location: " + report);
        for (String w : warnings.subList(0, 2)) {
            run.warning("New-Cluster: " + w);
        }
        run.data.put("reportPath", report);
        // The script sends the report back for the run folder (Add-HvcReportContent).
        String html = "<html><head><title>Create Cluster Wizard</title></head><body>\r\n<h1>Create Cluster " + c.name
                + "</h1>\r\n<p>Nodes: " + String.join(", ", params.nodes()) + "</p>\r\n<ul>\r\n<li>" + NO_WITNESS_WARNING
                + "</li>\r\n</ul>\r\n</body></html>\r\n";
        run.data.put("reportContent", Base64.getEncoder().encodeToString(html.getBytes(StandardCharsets.UTF_8)));
        run.data.put("newClusterWarnings", warnings);
        waitUntilUp(run, params.nodes(), params);
        run.change("created cluster " + params.name() + " (" + params.staticAddress() + ") with " + String.join(", ", params.nodes()));
        List<Map<String, String>> nodes = new ArrayList<>();
        for (SimulatedCluster.Node n : c.nodes) {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("name", n.name);
            m.put("state", run.dc.nodeState(n, run.nowMillis()));
            nodes.add(m);
        }
        run.data.put("nodes", nodes);
    }

    /** The template's reading of the join validation: warnings passed on as "Test-Cluster: ...", fail closed. */
    private static void readJoinValidation(StepRun run, CreateClusterStep.Params params, TestCluster t, StepPlan plan) throws StepFailure {
        TestClusterCmdlet.Outcome outcome = run.validation;
        run.data.put("joinReportPath", outcome.report());
        List<String> flags = ValidationReportModel.flags(outcome.warnings(), w -> run.warning("Test-Cluster: " + w));
        List<String> refused = ValidationReportModel.refused(flags, params.acceptedFlags());
        if ((!outcome.warnings().isEmpty() && flags.isEmpty()) || !refused.isEmpty()) {
            List<String> missing = plan.changes().stream().map(Change::op).filter(AddClusterNode.class::isInstance)
                    .map(op -> ((AddClusterNode) op).node()).toList();
            throw new StepFailure("validation of " + String.join(", ", t.nodes()) + " did not pass (" + String.join(", ", refused) + "); "
                    + String.join(", ", missing) + " not added; read the report: " + outcome.report());
        }
    }

    /** Wait-HvcNodesUp: every named node Up (they pass through Joining), at most waitSeconds. */
    private static void waitUntilUp(StepRun run, List<String> names, CreateClusterStep.Params params) throws StepFailure {
        SimulatedCluster c = run.requireCluster();
        long readyAt = c.nodes.stream().filter(n -> names.stream().anyMatch(x -> x.equalsIgnoreCase(n.name)))
                .map(n -> n.joiningUntilMillis).filter(Objects::nonNull).mapToLong(Long::longValue).max().orElse(0);
        run.waitUntil(readyAt, params.waitSeconds());
        List<String> notUp = c.nodes.stream().filter(n -> names.stream().anyMatch(x -> x.equalsIgnoreCase(n.name)))
                .filter(n -> !run.dc.nodeState(n, run.nowMillis()).equals("Up"))
                .map(n -> n.name + " is " + run.dc.nodeState(n, run.nowMillis())).toList();
        if (!notUp.isEmpty()) {
            throw new StepFailure("cluster " + params.name() + ": " + String.join(", ", notUp) + " after " + params.waitSeconds()
                    + " s; run again once every node is Up");
        }
    }
}
