package io.hvcluster.sim.host;

import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.steps.FinalValidationStep;
import io.hvcluster.windows.TestCluster;
import java.util.List;
import java.util.Optional;

/**
 * templates/final-validation/apply.ps1.vm: on a running node of the cluster, the step's plan (nothing when the mark
 * records an approved validation of this configuration; else Test-Cluster with the categories and disks the step
 * chose) through the second hop. Beyond the plan: the warning when the storage tests are left out, the result read
 * as the template does, only an approved result passing, and the mark written either way.
 */
final class FinalValidationEffect extends PlanningEffect<FinalValidationStep.Params> {

    FinalValidationEffect() {
        super(new FinalValidationStep());
    }

    @Override
    public void apply(StepRun run, FinalValidationStep.Params params) throws StepFailure {
        if (run.cluster().isEmpty() || !"Running".equals(run.host.clusterServiceStatus(true).orElse(""))) {
            throw new StepFailure("this node is not a running node of cluster " + params.clusterName() + " (create-cluster runs first)");
        }
        StepPlan plan = plan(run, params);
        if (plan.changes().isEmpty()) {
            run.data.put("lastReport", run.host.validationMark.report);
            return;
        }
        String warning = FinalValidationStep.coverage(params, Optional.ofNullable(run.facts(params).cluster())).warning();
        if (!warning.isEmpty()) {
            run.warning(warning);
        }
        TestCluster validation = (TestCluster) PlannedEffect.operation(step, plan.changes().get(0));
        run.data.put("categories", validation.categories());
        SecondHop.forCmdlets(run, params.delegation()).reachAll(params.nodes());
        make(run, plan);
        String report = run.validation.report();
        List<String> flags = List.of();
        try {
            ValidationReportModel.readOutcome(run, run.validation, params.acceptedFlags());
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

    @SuppressWarnings("unchecked")
    private static List<String> flags(StepRun run) {
        Object f = run.data.get("flags");
        return f instanceof List<?> l ? (List<String>) l : List.of();
    }

    /** Set-HvcValidationMark: HKLM:\SOFTWARE\hvcluster\Validation. */
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
