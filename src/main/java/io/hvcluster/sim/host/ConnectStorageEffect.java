package io.hvcluster.sim.host;

import io.hvcluster.facts.DiskIdentity;
import io.hvcluster.facts.WindowsFeature;
import io.hvcluster.pipeline.Change;
import io.hvcluster.steps.ConnectStorageStep;
import io.hvcluster.windows.ShutdownRestart;
import io.hvcluster.windows.WindowsOp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * templates/connect-storage/apply.ps1.vm (and, through {@link #connect}, after-reboot.ps1.vm): the step's plan applied
 * cmdlet by cmdlet up to the restart it schedules (portals and sessions are the after-reboot script's then), and,
 * once connected, Test-HvcLuns: every session carries a LUN (what the facts cannot show: which disk came over which
 * session), then the plan again for each LUN seen once at its size, and the paths per LUN as the script reports them.
 */
final class ConnectStorageEffect extends PlanningEffect<ConnectStorageStep.Params> {

    static final String MULTIPATH_IO = WindowsFeature.MULTIPATH_IO.windowsName();

    ConnectStorageEffect() {
        super(new ConnectStorageStep());
    }

    @Override
    public void apply(StepRun run, ConnectStorageStep.Params p) throws StepFailure {
        Restart.recordBootTimeBefore(run);
        if (!p.iscsi()) {
            return;
        }
        if (p.mpio()) {
            run.data.put("installStateBefore", String.valueOf(run.host.featureState(MULTIPATH_IO)));
        }
        connect(run, p);
    }

    /**
     * The plan's operations in order; a restart ends the script (what the plan shows after it is the after-reboot
     * script's). Without a restart, the LUN checks.
     */
    void connect(StepRun run, ConnectStorageStep.Params p) throws StepFailure {
        for (Change c : plan(run, p).changes()) {
            WindowsOp op = PlannedEffect.operation(step, c);
            Cmdlets.apply(run, op);
            if (op instanceof ShutdownRestart) {
                return;
            }
        }
        everySessionCarriesALun(run);
        plan(run, p);
        lunPaths(run, p);
    }

    /** Test-HvcLuns' first check: a session over which no disk arrives means the array maps nothing to this initiator. */
    private static void everySessionCarriesALun(StepRun run) throws StepFailure {
        List<SimDisk> visible = run.dc.disksVisibleTo(run.host.name);
        for (IscsiInitiator.Session s : run.host.iscsi.sessions) {
            if (visible.stream().noneMatch(d -> s.target.equalsIgnoreCase(d.iscsiTarget))) {
                throw new StepFailure("target " + s.target + " on portal " + s.portalAddress + " presents no LUNs to " + run.host.name
                        + ": map the LUNs to initiator " + IscsiCmdlets.initiatorName(run.host) + " on the array");
            }
        }
    }

    /** The script's report: over how many sessions each LUN arrives. */
    private static void lunPaths(StepRun run, ConnectStorageStep.Params p) {
        List<SimDisk> visible = run.dc.disksVisibleTo(run.host.name);
        Map<String, Object> paths = new LinkedHashMap<>();
        for (ConnectStorageStep.Lun lun : p.luns()) {
            DiskIdentity id = new DiskIdentity(lun.serial(), lun.uniqueId());
            visible.stream().filter(d -> id.matches(d.serial, d.uniqueId)).findFirst()
                    .ifPresent(d -> paths.put(lun.label(), d.iscsiTarget == null ? 0 : run.host.iscsi.pathsTo(d.iscsiTarget)));
        }
        run.data.put("lunPaths", paths);
    }
}
