package io.hvcluster.sim.host;

import io.hvcluster.steps.RenameAdaptersStep;
import java.util.List;

/** templates/rename-adapters/apply.ps1.vm. */
final class RenameAdaptersEffect implements StepEffect<RenameAdaptersStep.Params> {

    @Override
    public Class<RenameAdaptersStep.Params> paramsType() {
        return RenameAdaptersStep.Params.class;
    }

    @Override
    public void apply(StepRun run, RenameAdaptersStep.Params params) throws StepFailure {
        WindowsHost host = run.host;
        for (RenameAdaptersStep.Adapter a : params.adapters()) {
            List<NetAdapter> own;
            if (!a.mac().isEmpty()) {
                own = host.visibleAdapters().stream().filter(n -> n.mac.equalsIgnoreCase(a.mac()) && n.physical()).toList();
                if (own.size() != 1) {
                    throw new StepFailure("role '" + a.name() + "': expected exactly one physical adapter with MAC " + a.mac() + ", found " + own.size());
                }
            } else {
                own = host.visibleAdapters().stream().filter(n -> n.name.equalsIgnoreCase(a.currentName())).toList();
                if (own.isEmpty()) {
                    own = host.visibleAdapters().stream().filter(n -> n.name.equalsIgnoreCase(a.name())).toList();
                }
                if (own.size() != 1) {
                    throw new StepFailure("role '" + a.name() + "': no adapter named '" + a.currentName() + "' or '" + a.name() + "'");
                }
            }
            NetAdapter nic = own.get(0);
            // -eq is case-insensitive in PowerShell: 'cluster' is held by the adapter named 'Cluster'.
            List<NetAdapter> holder = host.adapters.stream().filter(n -> n.name.equalsIgnoreCase(a.name()) && n.ifIndex != nic.ifIndex).toList();
            if (!holder.isEmpty()) {
                throw new StepFailure("role '" + a.name() + "': that name already belongs to " + holder.get(0).description + " [" + holder.get(0).mac + "]");
            }
            if (!nic.name.equals(a.name())) {
                String old = nic.name;
                nic.name = a.name();
                run.change("renamed '" + old + "' [" + nic.mac + "] to '" + a.name() + "'");
            }
        }
    }
}
