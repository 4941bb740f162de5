package io.hvcluster.sim.host;

import io.hvcluster.steps.EnableHyperVStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** templates/enable-hyper-v/after-reboot.ps1.vm: the feature and vmms, the System log since boot, the resume. */
final class AfterHyperVRebootEffect implements StepEffect<EnableHyperVStep.Params> {

    static final String HYPERVISOR_PROVIDER = "Microsoft-Windows-Hyper-V-Hypervisor";

    @Override
    public Class<EnableHyperVStep.Params> paramsType() {
        return EnableHyperVStep.Params.class;
    }

    @Override
    public void apply(StepRun run, EnableHyperVStep.Params params) throws StepFailure {
        WindowsHost host = run.host;
        String state = String.valueOf(host.featureState(params.feature()));
        if (!state.equals("Installed")) {
            throw new StepFailure(params.feature() + " is " + state + " after the restart; Windows may need one more restart");
        }
        if (!host.vmmsStatus().map("Running"::equals).orElse(false)) {
            throw new StepFailure("the Hyper-V Virtual Machine Management service (vmms) is not running");
        }
        if (host.pendingReboot()) {
            run.warning("another restart is still pending");
        }
        run.data.put("bootTime", FactsSnapshot.roundTrip(host.bootTimeMillis));
        List<Map<String, Object>> events = new ArrayList<>();
        for (SystemEvent e : host.systemLog) {
            if (e.timeMillis >= host.bootTimeMillis && (e.level == 1 || e.level == 2)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", e.id);
                m.put("provider", e.provider);
                m.put("level", e.level);
                m.put("message", e.message);
                events.add(m);
            }
        }
        run.data.put("systemErrors", events);
        for (Map<String, Object> e : events) {
            run.warning("System log since boot: " + e.get("provider") + " event " + e.get("id") + ": " + e.get("message"));
        }
        for (Map<String, Object> e : events) {
            if (HYPERVISOR_PROVIDER.equals(e.get("provider"))) {
                throw new StepFailure("the hypervisor reported an error at boot (event " + e.get("id")
                        + "): check that virtualization is enabled in the firmware");
            }
        }
        resumePausedNode(run);
    }

    /** templates/_lib/reboot.ps1.vm Resume-HvcPausedNode: only a node hvcluster paused, and only once. */
    static void resumePausedNode(StepRun run) throws StepFailure {
        WindowsHost host = run.host;
        if (!host.pausedForHyperVMark) {
            return;
        }
        SimulatedCluster c = run.requireCluster();
        SimulatedCluster.Node me = c.node(host.name).orElseThrow(() -> new StepFailure(
                "The node '" + host.name + "' is not a member of cluster '" + c.name + "'."));
        if (run.dc.nodeState(me).equals("Paused")) {
            me.paused = false;
            me.drainStatus = "NotInitiated";
            run.change("resumed " + host.name);
            run.data.put("resumedNode", host.name);
        }
        host.pausedForHyperVMark = false;
    }
}
