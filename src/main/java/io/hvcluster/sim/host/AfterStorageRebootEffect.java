package io.hvcluster.sim.host;

import io.hvcluster.steps.ConnectStorageStep;

/**
 * templates/connect-storage/after-reboot.ps1.vm: Multipath-IO installed now, then the plan (the claim before the first
 * session, portals, sessions) and the LUN checks, as {@link ConnectStorageEffect#connect}.
 */
final class AfterStorageRebootEffect implements StepEffect<ConnectStorageStep.Params> {

    /** The apply script's second half: portals, sessions and the LUN checks are the same calls. */
    private final ConnectStorageEffect apply = new ConnectStorageEffect();

    @Override
    public Class<ConnectStorageStep.Params> paramsType() {
        return apply.paramsType();
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
        apply.connect(run, p);
    }
}
