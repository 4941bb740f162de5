package io.hvcluster.sim.host;

import io.hvcluster.steps.AddSharedVolumesStep;
import io.hvcluster.steps.DiskRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * templates/add-shared-volumes/apply.ps1.vm. A CSV's disk resource stays listed by Get-ClusterResource (owner
 * group "Cluster Shared Volume"), so a re-run finds it by DiskIdGuid; verify that on a real host.
 */
final class AddSharedVolumesEffect implements StepEffect<AddSharedVolumesStep.Params> {

    @Override
    public Class<AddSharedVolumesStep.Params> paramsType() {
        return AddSharedVolumesStep.Params.class;
    }

    @Override
    public void apply(StepRun run, AddSharedVolumesStep.Params params) throws StepFailure {
        SimulatedCluster c = run.requireCluster();
        List<Map<String, String>> volumes = new ArrayList<>();
        run.data.put("volumes", volumes);
        DiskRef w = params.witness();
        for (DiskRef v : params.volumes()) {
            if (w != null && ((!v.serial().isEmpty() && v.serial().equalsIgnoreCase(w.serial()))
                    || (!v.uniqueId().isEmpty() && v.uniqueId().equalsIgnoreCase(w.uniqueId())))) {
                throw new StepFailure("disk '" + v.label() + "' is the witness disk; a witness never becomes a Cluster Shared Volume");
            }
            SimulatedCluster.DiskResource res = ClusterDisks.add(run, c, v);
            if (!c.quorumResource.isEmpty() && c.quorumResource.equalsIgnoreCase(res.name)) {
                throw new StepFailure("disk '" + v.label() + "' is the quorum witness; a witness never becomes a Cluster Shared Volume");
            }
            SimulatedCluster.SharedVolume csv = c.sharedVolume(res.name).orElse(null);
            if (csv == null) {
                c.volumeCounter++;
                csv = new SimulatedCluster.SharedVolume();
                csv.name = res.name;
                csv.path = "C:\\ClusterStorage\\Volume" + c.volumeCounter;
                c.sharedVolumes.add(csv);
                res.ownerGroup = "Cluster Shared Volume";
                run.change("added '" + v.label() + "' to Cluster Shared Volumes");
            }
            Map<String, String> m = new LinkedHashMap<>();
            m.put("label", v.label());
            m.put("path", csv.sharedVolumeInfo().stream().findFirst().orElse(""));
            m.put("state", csv.state);
            volumes.add(m);
            if (!csv.state.equals("Online")) {
                throw new StepFailure("Cluster Shared Volume '" + v.label() + "' (" + res.name + ") is " + csv.state
                        + ": bring it online (Start-ClusterResource -Name '" + res.name + "'), then run again");
            }
        }
    }
}
