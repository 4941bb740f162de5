package io.hvcluster.sim.host;

import io.hvcluster.steps.EnableHyperVStep;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** templates/enable-hyper-v/after-reboot.ps1.vm: the feature, vmms (waited for), HypervisorPresent, the System log since the first restart, the resume. */
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
        if (!run.waitUntil(host.vmmsRunningAtMillis, params.waitSeconds())) {
            throw new StepFailure("the Hyper-V Virtual Machine Management service (vmms) is not running " + params.waitSeconds()
                    + " s after WinRM answered");
        }
        if (host.pendingReboot()) {
            run.warning("another restart is still pending");
        }
        run.data.put("bootTime", FactsSnapshot.roundTrip(host.bootTimeMillis));
        long since = host.hyperVRestartRequestedMillis != null ? host.hyperVRestartRequestedMillis : host.bootTimeMillis;
        run.data.put("logSince", FactsSnapshot.roundTrip(since));
        List<Map<String, Object>> events = new ArrayList<>();
        for (SystemEvent e : host.systemLog) {
            if (e.timeMillis >= since && (e.level == 1 || e.level == 2)) {
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
            run.warning("System log since the restart: " + e.get("provider") + " event " + e.get("id") + ": " + e.get("message"));
        }
        for (Map<String, Object> e : events) {
            if (HYPERVISOR_PROVIDER.equals(e.get("provider"))) {
                throw new StepFailure("the hypervisor reported an error at boot (event " + e.get("id")
                        + "): check that virtualization is enabled in the firmware");
            }
        }
        run.data.put("hypervisorPresent", host.hypervisorRunning);
        if (!host.hypervisorRunning) {
            throw new StepFailure("the hypervisor is not running (Win32_ComputerSystem.HypervisorPresent is False): check bcdedit /enum {current}"
                    + " (hypervisorlaunchtype Auto) and virtualization in the firmware");
        }
        resumePausedNode(run, params.waitSeconds());
        host.hyperVRestartRequestedMillis = null;
    }

    /**
     * templates/_lib/reboot.ps1.vm Resume-HvcPausedNode: only a node hvcluster paused; waits (bounded) while the node
     * is Down or Joining after its boot; the mark goes only once the node is no longer Paused.
     */
    static void resumePausedNode(StepRun run, int waitSeconds) throws StepFailure {
        WindowsHost host = run.host;
        if (!host.pausedForHyperVMark) {
            return;
        }
        SimulatedCluster c = run.requireCluster();
        SimulatedCluster.Node me = c.node(host.name).orElseThrow(() -> new StepFailure(
                "The node '" + host.name + "' is not a member of cluster '" + c.name + "'."));
        if (me.joiningUntilMillis != null) {
            run.waitUntil(me.joiningUntilMillis, waitSeconds);
        }
        String state = run.dc.nodeState(me, run.nowMillis());
        if (!state.equals("Up") && !state.equals("Paused")) {
            throw new StepFailure("cluster node " + host.name + " is still " + state + " after " + waitSeconds
                    + " s; it stays marked and the next run resumes it");
        }
        if (state.equals("Paused")) {
            me.paused = false;
            me.drainStatus = "NotInitiated";
            run.change("resumed " + host.name);
            run.data.put("resumedNode", host.name);
        }
        host.pausedForHyperVMark = false;
    }
}
