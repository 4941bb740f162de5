package io.hvcluster.facts;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How the adapter that plays a network role is found on a host, as templates/rename-adapters/apply.ps1.vm finds
 * it: by MAC among the visible physical adapters; for a NIC the inventory knows by name, by that name, or by the
 * role's name once renamed. Names compare case-insensitively, as PowerShell's {@code -eq} and Get-NetAdapter
 * -Name do. The one lookup the planner, the preflight and the simulator use.
 *
 * @param mac         the MAC in Get-NetAdapter's form, "" when found by name
 * @param currentName the adapter's name before the first run, "" when found by MAC
 * @param role        the role name the adapter carries once renamed
 */
public record AdapterLookup(String mac, String currentName, String role) {

    public AdapterLookup {
        mac = mac == null ? "" : mac;
        currentName = currentName == null ? "" : currentName;
    }

    public static AdapterLookup of(io.hvcluster.inventory.HostNic nic) {
        return new AdapterLookup(nic.mac().map(m -> m.value()).orElse(""), nic.currentName().orElse(""), nic.network());
    }

    /** The candidates on a host; the role is played when there is exactly one. */
    public List<HostFacts.Adapter> find(HostFacts f) {
        return find(f.adapters(), HostFacts.Adapter::name, HostFacts.Adapter::mac, a -> a.physical() && !a.hidden(), HostFacts.Adapter::hidden);
    }

    /**
     * The same look-up over any model of Get-NetAdapter's output (the simulator's adapters).
     *
     * @param physicalVisible whether an adapter is physical and listed without -IncludeHidden
     * @param hidden          whether Get-NetAdapter lists it only with -IncludeHidden
     */
    public <A> List<A> find(List<A> adapters, Function<A, String> name, Function<A, String> macOf, Predicate<A> physicalVisible,
            Predicate<A> hidden) {
        if (!mac.isEmpty()) {
            return adapters.stream().filter(a -> physicalVisible.test(a) && macOf.apply(a).equalsIgnoreCase(mac)).toList();
        }
        List<A> visible = adapters.stream().filter(hidden.negate()).toList();
        List<A> byCurrent = currentName.isEmpty() ? List.of()
                : visible.stream().filter(a -> name.apply(a).equalsIgnoreCase(currentName)).toList();
        return byCurrent.isEmpty() ? visible.stream().filter(a -> name.apply(a).equalsIgnoreCase(role)).toList() : byCurrent;
    }

    /** Why the role has no adapter, given the candidates found (none, or more than one). */
    public String problem(int found) {
        if (!mac.isEmpty()) {
            return found == 0 ? "no physical adapter with MAC " + mac + " for '" + role + "'"
                    : found + " physical adapters with MAC " + mac + " for '" + role + "'";
        }
        return "no adapter named '" + currentName + "' or '" + role + "'";
    }
}
