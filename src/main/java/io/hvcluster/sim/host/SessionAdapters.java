package io.hvcluster.sim.host;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Get-HvcSessionAdapters: the adapters holding the local end of the WinRM session (the simulated session
 * always arrives on the host's management address) plus the one holding the address the tool connects to.
 */
final class SessionAdapters {

    private SessionAdapters() {
    }

    static List<String> find(SimulatedDatacenter dc, WindowsHost host, String connectAddress, Consumer<String> warn) {
        List<String> local = new ArrayList<>();
        if (host.sessionAddress != null) {
            local.add(host.sessionAddress);
        }
        var resolved = dc.resolve(connectAddress);
        if (resolved.isPresent()) {
            local.add(resolved.get());
        } else {
            warn.accept("cannot resolve " + connectAddress + " on this host; protecting WinRM connections only");
        }
        TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String ip : local) {
            for (NetAdapter a : host.adapters) {
                if (a.ipv4.stream().anyMatch(x -> x.address.equals(ip))) {
                    names.add(a.name);
                }
            }
        }
        return List.copyOf(names);
    }

    /** Get-HvcAdapter: exactly one visible adapter with that exact name. */
    static NetAdapter adapter(WindowsHost host, String name) throws StepFailure {
        List<NetAdapter> found = host.visibleAdapters().stream().filter(a -> a.name.equalsIgnoreCase(name)).toList();
        if (found.size() != 1) {
            throw new StepFailure("no adapter named '" + name + "' on " + host.name + " (rename-adapters runs first)");
        }
        return found.get(0);
    }
}
