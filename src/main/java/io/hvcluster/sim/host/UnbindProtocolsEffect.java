package io.hvcluster.sim.host;

import io.hvcluster.steps.UnbindProtocolsStep;
import java.util.List;
import java.util.Map;

/** templates/unbind-protocols/apply.ps1.vm. */
final class UnbindProtocolsEffect implements StepEffect<UnbindProtocolsStep.Params> {

    @Override
    public Class<UnbindProtocolsStep.Params> paramsType() {
        return UnbindProtocolsStep.Params.class;
    }

    @Override
    public void apply(StepRun run, UnbindProtocolsStep.Params params) throws StepFailure {
        List<String> protectedNames = SessionAdapters.find(run.dc, run.host, params.connectAddress(), run::warning);
        for (String name : params.adapters()) {
            NetAdapter nic = SessionAdapters.adapter(run.host, name);
            if (protectedNames.stream().anyMatch(p -> p.equalsIgnoreCase(name))) {
                throw new StepFailure("refusing to unbind '" + name + "': this WinRM session runs over it");
            }
            for (Map.Entry<String, Boolean> b : nic.bindings.entrySet()) {
                if (b.getValue() && params.componentIds().contains(b.getKey())) {
                    b.setValue(false);
                    run.change("disabled " + Bindings.displayName(b.getKey()) + " (" + b.getKey() + ") on '" + name + "'");
                }
            }
            if (!nic.bound(Bindings.IPV4)) {
                // Without IPv4 the adapter holds no IPv4 address, APIPA included.
                nic.ipv4.clear();
            }
        }
        if (params.disableUnused()) {
            for (NetAdapter a : run.host.adapters) {
                boolean named = params.namedMacs().stream().anyMatch(m -> m.equalsIgnoreCase(a.mac))
                        || params.namedAdapters().stream().anyMatch(n -> n.equalsIgnoreCase(a.name));
                boolean session = protectedNames.stream().anyMatch(p -> p.equalsIgnoreCase(a.name));
                if (a.physical() && !a.hidden && !named && !session && !"Disabled".equals(a.status)) {
                    a.status = "Disabled";
                    run.change("disabled unused adapter '" + a.name + "' [" + a.mac + "] (" + a.description + ")");
                }
            }
        }
    }
}
