package io.hvcluster.sim.host;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What templates/verify/probe.ps1.vm prints for a simulated node: every CSV as this node reaches it (its path, and
 * Get-ClusterSharedVolumeState's StateInfo: Direct unless the host's faults put it in redirected access), the VMs it
 * runs, and the newest validate-cluster report (its outcome "unknown": nothing records one yet).
 */
final class VerifySnapshot {

    private VerifySnapshot() {
    }

    static Map<String, Object> of(SimulatedDatacenter dc, WindowsHost host, String reportPrefix) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("probe", "verify");
        out.put("computerName", host.name);
        List<Map<String, Object>> errors = new ArrayList<>();
        out.put("errors", errors);
        List<Map<String, Object>> volumes = new ArrayList<>();
        List<Map<String, Object>> vms = new ArrayList<>();
        Optional<SimulatedCluster> cluster = dc.clusterOf(host.name);
        if (cluster.isEmpty()) {
            errors.add(Map.of("section", "volumes", "message",
                    "The cluster service is not running.  Make sure that the service is running on all nodes in the cluster."));
        } else {
            SimulatedCluster c = cluster.get();
            for (SimulatedCluster.SharedVolume v : c.sharedVolumes) {
                Map<String, Object> m = new LinkedHashMap<>();
                boolean online = v.state.equals("Online");
                m.put("name", v.name);
                m.put("path", v.path);
                m.put("reachable", online && !host.faults.unreachableVolumes.contains(v.name));
                m.put("stateInfo", !online ? "Unavailable" : host.faults.redirectedVolumes.contains(v.name) ? "FileSystemRedirected" : "Direct");
                m.put("ownerNode", c.diskResource(v.name).map(r -> r.ownerNode).orElse(""));
                volumes.add(m);
            }
            for (VirtualMachine vm : c.virtualMachines) {
                if (!host.name.equalsIgnoreCase(vm.ownerNode)) {
                    continue;
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", vm.name);
                m.put("state", vm.state);
                m.put("clustered", vm.clustered);
                m.put("notes", vm.notes);
                m.put("guestOs", vm.guestOs);
                m.put("dynamicMac", vm.dynamicMac);
                vms.add(m);
            }
        }
        out.put("volumes", volumes);
        out.put("vms", vms);
        String report = host.clusterReports.stream().filter(r -> r.substring(r.lastIndexOf('\\') + 1).startsWith(reportPrefix))
                .reduce((a, b) -> b).orElse("");
        WindowsHost.ValidationMark mark = host.validationMark;
        if (mark != null && !mark.report.isEmpty()) {
            // templates/verify/probe.ps1.vm reads final-validation's mark first.
            String outcome = !mark.approved ? "failed" : mark.result.contains("ConditionallyApproved") ? "warnings" : "passed";
            out.put("validation", Map.of("report", mark.report, "outcome", outcome));
        } else {
            out.put("validation", Map.of("report", report, "outcome", report.isEmpty() ? "" : "unknown"));
        }
        return out;
    }
}
