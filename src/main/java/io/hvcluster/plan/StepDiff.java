package io.hvcluster.plan;

import io.hvcluster.inventory.Host;

/**
 * Computes, without any I/O, what one step would change on one host given the facts: the same decisions the
 * step's script makes, so that `plan` can say exactly what `apply` will do.
 */
interface StepDiff {

    /** @param host the host the step runs on (the first node for cluster steps) */
    StepPlan diff(Host host, FactsView facts);
}
