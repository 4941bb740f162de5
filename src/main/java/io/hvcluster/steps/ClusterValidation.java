package io.hvcluster.steps;

import io.hvcluster.pipeline.StepPlanBuilder;
import io.hvcluster.windows.TestCluster;
import java.util.List;

/**
 * The validation decision validate-cluster, create-cluster (before a node joins) and final-validation share: a
 * Test-Cluster run over a set of nodes and categories, shown in the plan as a run and made by a {@link TestCluster},
 * and which result flags let the build go on. Microsoft supports a cluster only if the configuration passes validation
 * (docs/windows-behaviour.md, "Validation"); the flags are the ValidationResult names, read by
 * templates/_lib/validation.ps1.vm in any UI language.
 */
final class ClusterValidation {

    /** Result flags Test-Cluster writes that still mean "you may go on": approved, with warnings, or not every test chosen. */
    static final List<String> ACCEPTED_FLAGS = List.of("ClusterConditionallyApproved", "ClusterApproved", "HadUnselectedTests");

    /** One of these must appear where only an approved result passes (final-validation). */
    static final List<String> APPROVALS = List.of("ClusterApproved", "ClusterConditionallyApproved");

    private ClusterValidation() {
    }

    /**
     * Plans Test-Cluster over {@code nodes}.
     *
     * @param categories the categories it runs
     * @param disks      the cluster disks the storage tests are limited to (empty: every eligible disk)
     * @param reportName the report's name under %SystemRoot%\Cluster\Reports, before the script's time stamp
     * @param scope      what the plan shows in the parentheses: the categories, or why some are left out
     * @param why        "" or what the plan adds after them (why it runs again)
     */
    static void plan(StepPlanBuilder out, List<String> nodes, List<String> categories, List<String> disks, String reportName,
            String scope, String why) {
        out.run("Test-Cluster", String.join(", ", nodes) + " (" + scope + ")" + why)
                .by(new TestCluster(nodes, categories, disks, reportName));
    }

    /** As above, showing the categories. */
    static void plan(StepPlanBuilder out, List<String> nodes, List<String> categories, String reportName) {
        plan(out, nodes, categories, List.of(), reportName, String.join(", ", categories), "");
    }
}
