package io.hvcluster.sim.host;

import io.hvcluster.pipeline.Change;
import io.hvcluster.steps.EnableHyperVStep;
import io.hvcluster.windows.ResumeClusterNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * templates/enable-hyper-v/after-reboot.ps1.vm: the checks after the restart (the feature Installed, vmms waited for,
 * the System log since the first restart, HypervisorPresent), which decide nothing, then the resume of a node
 * hvcluster paused, which the step's plan decides.
 */
final class AfterHyperVRebootEffect extends PlanningEffect<EnableHyperVStep.Params> {

    static final String HYPERVISOR_PROVIDER = "Microsoft-Windows-Hyper-V-Hypervisor";

    AfterHyperVRebootEffect() {
        super(new EnableHyperVStep());
    }

    @Override
    public void apply(StepRun run, EnableHyperVStep.Params params) throws StepFailure {
        WindowsHost host = run.host;
        Restart.requireFinished(run, params.feature());
        if (!run.waitUntil(host.vmmsRunningAtMillis, params.waitSeconds())) {
            throw new StepFailure("the Hyper-V Virtual Machine Management service (vmms) is not running " + params.waitSeconds()
                    + " s after WinRM answered");
        }
        if (host.pendingReboot()) {
            run.warning("another restart is still pending");
        }
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
        for (Change c : plan(run, params).changes()) {
            if (c.operation().orElse(null) instanceof ResumeClusterNode resume) {
                EnableHyperVEffect.resumePausedNode(run, params.waitSeconds(), resume);
            }
        }
        host.hyperVRestartRequestedMillis = null;
    }
}
