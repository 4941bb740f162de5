package io.hvcluster.steps;

import io.hvcluster.facts.AdapterLookup;
import io.hvcluster.facts.FactsView;
import io.hvcluster.facts.HostFacts;
import io.hvcluster.inventory.Host;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.MacAddress;
import io.hvcluster.pipeline.Scope;
import io.hvcluster.pipeline.Step;
import io.hvcluster.pipeline.StepPlan;
import io.hvcluster.pipeline.StepPlanBuilder;
import io.hvcluster.windows.RenameNetAdapter;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Step 1: give every role's NIC the role's name, finding it by MAC (or by its current name). */
public final class RenameAdaptersStep implements Step<RenameAdaptersStep.Params> {

    public static final String ID = "rename-adapters";

    /** @param adapters one entry per role the host maps */
    public record Params(List<Adapter> adapters) {
    }

    /**
     * @param name        the role name the adapter must carry
     * @param mac         the MAC in Get-NetAdapter's form, or "" when found by name
     * @param currentName the adapter's name before the first run, or "" when found by MAC
     */
    public record Adapter(String name, String mac, String currentName) {
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Rename network adapters by role";
    }

    @Override
    public Scope scope() {
        return Scope.EACH_HOST;
    }

    @Override
    public Set<String> dependsOn() {
        return Set.of();
    }

    @Override
    public Params parameters(Inventory inventory, Host host) {
        return new Params(host.nics().stream()
                .map(n -> new Adapter(n.network(), n.mac().map(MacAddress::value).orElse(""), n.currentName().orElse("")))
                .toList());
    }

    @Override
    public StepPlan plan(String host, Params params, FactsView facts) {
        StepPlanBuilder out = new StepPlanBuilder(ID, host);
        HostFacts f = facts.of(host);
        for (Adapter want : params.adapters()) {
            FactsView.AdapterMatch m = facts.adapter(host, new AdapterLookup(want.mac(), want.currentName(), want.name()));
            if (m.adapter().isEmpty()) {
                out.problem(m.problem());
                continue;
            }
            HostFacts.Adapter a = m.adapter().get();
            // -eq is case-insensitive: 'cluster' is held by the adapter named 'Cluster'.
            Optional<HostFacts.Adapter> holder = f.adapters().stream()
                    .filter(o -> o.name().equalsIgnoreCase(want.name()) && o.ifIndex() != a.ifIndex())
                    .findFirst();
            if (holder.isPresent()) {
                out.problem("the name '" + want.name() + "' already belongs to " + holder.get().description()
                        + " [" + holder.get().mac() + "]");
            } else if (!a.name().equals(want.name())) {
                // -cne in the script: a case-only difference is renamed too.
                out.change("name of adapter [" + a.mac() + "]", a.name(), want.name()).by(new RenameNetAdapter(a.ifIndex(), want.name()));
            }
        }
        return out.build();
    }

    @Override
    public List<String> checks() {
        return List.of("Get-NetAdapter shows every role name on the NIC with the inventory's MAC address.");
    }
}
