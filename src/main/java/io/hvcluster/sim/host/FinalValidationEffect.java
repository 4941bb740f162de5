package io.hvcluster.sim.host;

import io.hvcluster.steps.FinalValidationStep;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * templates/final-validation/apply.ps1.vm around the same model of Test-Cluster as validate-cluster, now on the
 * finished cluster: the converged mark, storage left out while roles run or without inventory disks (with the
 * warning), the Hyper-V Configuration tests, the report kept, only an approved result passing, and the mark
 * written either way.
 */
final class FinalValidationEffect implements StepEffect<FinalValidationStep.Params> {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Override
    public Class<FinalValidationStep.Params> paramsType() {
        return FinalValidationStep.Params.class;
    }

    @Override
    public void apply(StepRun run, FinalValidationStep.Params params) throws StepFailure {
        Optional<SimulatedCluster> member = run.cluster();
        if (member.isEmpty() || !"Running".equals(run.host.clusterServiceStatus(true).orElse(""))) {
            throw new StepFailure("this node is not a running node of cluster " + params.clusterName() + " (create-cluster runs first)");
        }
        SimulatedCluster c = member.get();
        if (!c.name.equalsIgnoreCase(params.clusterName())) {
            throw new StepFailure("this node is in cluster " + c.name + ", not " + params.clusterName());
        }
        WindowsHost.ValidationMark mark = run.host.validationMark;
        if (mark != null && mark.approved && mark.fingerprint.equals(params.fingerprint())) {
            run.data.put("lastReport", mark.report);
            return;
        }
        List<String> categories = new ArrayList<>(params.categories());
        if (!c.roles.isEmpty()) {
            categories.remove("Storage");
            run.warning("the cluster runs " + c.roles.size() + " role(s) (" + String.join(", ", c.roles)
                    + "): validated without the storage tests, which would take their disks offline; run Test-Cluster -Include Storage in a maintenance window");
        } else if (params.disks().isEmpty()) {
            categories.remove("Storage");
            run.warning("the inventory names no shared disk: validated without the storage tests");
        } else {
            for (String disk : params.disks()) {
                if (c.diskResource(disk).isEmpty()) {
                    throw new StepFailure("disk '" + disk + "' is not a cluster resource (add-shared-volumes and configure-quorum run first)");
                }
            }
        }
        run.data.put("categories", categories);
        String report = "C:\\Windows\\Cluster\\Reports\\" + params.reportName() + "-" + STAMP.format(run.now) + ".htm";
        SecondHop hop = SecondHop.forCmdlets(run, params.delegation());
        for (String node : params.nodes()) {
            if (!node.equalsIgnoreCase(run.host.name)) {
                hop.reach(node);
            }
        }
        run.spend(run.latencies().testCluster());
        ValidationReportModel model = new ValidationReportModel();
        model.unselectedTests();
        ValidateClusterEffect.findings(run, params.nodes(), categories, model);
        hyperVFindings(run, params.nodes(), model);
        List<String> flags = List.of();
        try {
            ValidationReportModel.readOutcome(run, model.warnings(run.host.uiCulture, report), params.acceptedFlags(), report,
                    model.report("Validate the finished cluster", params.nodes()));
            flags = flags(run);
            if (flags.stream().noneMatch(params.approvals()::contains)) {
                throw new StepFailure("validation did not approve the cluster (" + String.join(", ", flags) + "); read the report: " + report);
            }
        } catch (StepFailure e) {
            mark(run, params, report, flags(run), false);
            throw e;
        }
        mark(run, params, report, flags, true);
        run.change("validated cluster " + params.clusterName() + ": " + String.join(", ", flags) + " (report " + report + ")");
    }

    /** Hyper-V Configuration: the role on every node (its hypervisor running) and the same virtual switches everywhere. */
    private static void hyperVFindings(StepRun run, List<String> nodeNames, ValidationReportModel out) {
        List<WindowsHost> nodes = nodeNames.stream().map(n -> run.dc.host(n)).flatMap(Optional::stream).toList();
        if (nodes.stream().anyMatch(h -> !h.featureInstalled("Hyper-V") || !h.hypervisorRunning)) {
            out.fail("Hyper-V Configuration - Validate Hyper-V Role Installed");
        }
        long switchSets = nodes.stream().map(h -> h.switches.stream().map(s -> s.name.toLowerCase(java.util.Locale.ROOT)).sorted().toList())
                .distinct().count();
        if (switchSets > 1) {
            out.warn("Hyper-V Configuration - Validate Hyper-V Network Resource Pool And Virtual Switch Configuration");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> flags(StepRun run) {
        Object f = run.data.get("flags");
        return f instanceof List<?> l ? (List<String>) l : List.of();
    }

    private static void mark(StepRun run, FinalValidationStep.Params params, String report, List<String> flags, boolean approved) {
        WindowsHost.ValidationMark m = new WindowsHost.ValidationMark();
        m.fingerprint = params.fingerprint();
        m.report = report;
        m.result = String.join(", ", flags);
        m.approved = approved;
        m.at = run.now.toString();
        run.host.validationMark = m;
    }
}
