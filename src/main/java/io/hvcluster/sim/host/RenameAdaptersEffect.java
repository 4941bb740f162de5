package io.hvcluster.sim.host;

import io.hvcluster.facts.AdapterLookup;
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
            AdapterLookup lookup = new AdapterLookup(a.mac(), a.currentName(), a.name());
            List<NetAdapter> own = lookup.find(host.adapters, n -> n.name, n -> n.mac, n -> n.physical() && !n.hidden, n -> n.hidden);
            if (own.size() != 1) {
                throw new StepFailure("role '" + a.name() + "': " + (a.mac().isEmpty() ? lookup.problem(own.size())
                        : "expected exactly one physical adapter with MAC " + a.mac() + ", found " + own.size()));
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
