package io.hvcluster.sim.host;

import io.hvcluster.windows.DisableNetAdapter;
import io.hvcluster.windows.DisableNetAdapterBinding;

/** The simulator's NetAdapter cmdlets that change an adapter's bindings or state (Rename-NetAdapter is in {@link Cmdlets}). */
final class NetAdapterCmdlets {

    private NetAdapterCmdlets() {
    }

    /**
     * Disable-NetAdapterBinding. Unbinding IPv4 (ms_tcpip) takes the adapter's IPv4 addresses with it, APIPA included:
     * Windows warns that the cmdlet "causes loss of network connectivity depending on the binding that is disabled".
     */
    static void disableNetAdapterBinding(StepRun run, DisableNetAdapterBinding op) throws StepFailure {
        NetAdapter nic = Cmdlets.adapter(run, op.ifIndex());
        if (!nic.bindings.containsKey(op.componentId())) {
            throw new StepFailure("No MSFT_NetAdapterBindingSettingData objects found with property 'ComponentID' equal to '"
                    + op.componentId() + "'.  Verify the value of the property and retry.");
        }
        nic.bindings.put(op.componentId(), false);
        if (op.componentId().equals(Bindings.IPV4)) {
            nic.ipv4.clear();
        }
        run.change("disabled " + Bindings.displayName(op.componentId()) + " (" + op.componentId() + ") on '" + nic.name + "'");
    }

    /** Disable-NetAdapter (templates/unbind-protocols disables only adapters the inventory does not name). */
    static void disableNetAdapter(StepRun run, DisableNetAdapter op) throws StepFailure {
        NetAdapter nic = Cmdlets.adapter(run, op.ifIndex());
        nic.status = "Disabled";
        run.change("disabled unused adapter '" + nic.name + "' [" + nic.mac + "] (" + nic.description + ")");
    }
}
