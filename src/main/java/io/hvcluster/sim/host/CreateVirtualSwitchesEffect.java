package io.hvcluster.sim.host;

import io.hvcluster.pipeline.Change;
import io.hvcluster.steps.CreateVirtualSwitchesStep;
import java.util.List;

/**
 * templates/create-virtual-switches/apply.ps1.vm, by the step's plan. What the plan cannot hold stays here: the
 * script's preconditions (Hyper-V running and the uplinks renamed: the planner plans this step before enable-hyper-v
 * and rename-adapters ran) and its second look at a host adapter New-VMSwitch or Set-VMSwitch has just created, which
 * the first plan could announce but not address (it had no interface index yet).
 */
final class CreateVirtualSwitchesEffect extends PlanningEffect<CreateVirtualSwitchesStep.Params> {

    CreateVirtualSwitchesEffect() {
        super(new CreateVirtualSwitchesStep());
    }

    @Override
    public void apply(StepRun run, CreateVirtualSwitchesStep.Params params) throws StepFailure {
        if (!run.host.vmmsStatus(run.nowMillis()).map("Running"::equals).orElse(false)) {
            throw new StepFailure("Hyper-V is not running on this host: enable-hyper-v and its restart come first");
        }
        for (CreateVirtualSwitchesStep.Switch s : params.switches()) {
            List<NetAdapter> nic = run.host.visibleAdapters().stream().filter(a -> a.name.equalsIgnoreCase(s.adapter())).toList();
            if (nic.size() != 1) {
                throw new StepFailure("no adapter named '" + s.adapter() + "' for switch '" + s.name() + "' (rename-adapters runs first)");
            }
        }
        for (Change c : plan(run, params).changes()) {
            // A change without an operation is the host adapter a switch brings: configured below, once it exists.
            if (c.operation().isPresent()) {
                Cmdlets.apply(run, c.operation().get());
            }
        }
        carryOut(run, params);
    }
}
