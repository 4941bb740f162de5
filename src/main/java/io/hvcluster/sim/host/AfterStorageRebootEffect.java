package io.hvcluster.sim.host;

import io.hvcluster.steps.ConnectStorageStep;

/** templates/connect-storage/after-reboot.ps1.vm: Multipath-IO installed, then the claim before the first session. */
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
        ConnectStorageEffect.service(run);
        if (p.mpio()) {
            ConnectStorageEffect.msdsm(run, p);
        }
        ConnectStorageEffect.connect(run, p);
    }
}
