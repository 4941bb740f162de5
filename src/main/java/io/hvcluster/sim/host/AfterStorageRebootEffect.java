package io.hvcluster.sim.host;

import io.hvcluster.steps.ConnectStorageStep;

/**
 * templates/connect-storage/after-reboot.ps1.vm: Multipath-IO installed now, then the plan (the claim before the first
 * session, portals, sessions) and the LUN checks, as {@link ConnectStorageEffect#carryOut}.
 */
final class AfterStorageRebootEffect implements StepEffect<ConnectStorageStep.Params> {

    @Override
    public Class<ConnectStorageStep.Params> paramsType() {
        return ConnectStorageStep.Params.class;
    }

    @Override
    public void apply(StepRun run, ConnectStorageStep.Params p) throws StepFailure {
        if (!p.iscsi()) {
            return;
        }
        if (p.mpio()) {
            Restart.requireFinished(run, ConnectStorageEffect.MULTIPATH_IO);
        } else {
            run.data.put("bootTime", FactsSnapshot.roundTrip(run.host.bootTimeMillis));
        }
        ConnectStorageEffect.carryOut(run, p);
    }
}
