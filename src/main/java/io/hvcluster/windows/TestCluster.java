package io.hvcluster.windows;

import java.util.List;

/**
 * {@code Test-Cluster -Node <nodes> -Include <categories> [-Disk <disks> -Force] -ReportName <reportName>-<time>}:
 * validation. It changes no setting, but its storage tests take the disks they test offline for a while and it
 * writes a report, so a plan shows it as a run.
 *
 * @param nodes      the nodes validated together
 * @param categories the categories it runs (Microsoft's names)
 * @param disks      the cluster disk resources the storage tests are limited to; empty: every eligible disk
 * @param reportName the report's file name under %SystemRoot%\Cluster\Reports, before the time stamp the script adds
 */
public record TestCluster(List<String> nodes, List<String> categories, List<String> disks, String reportName) implements WindowsOp {

    public TestCluster {
        nodes = List.copyOf(nodes);
        categories = List.copyOf(categories);
        disks = List.copyOf(disks);
    }
}
