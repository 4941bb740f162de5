package io.hvcluster.pipeline;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The ordered steps of a build. The order is the guide's; the constructor proves it respects every
 * declared dependency, so the order is never merely implicit.
 */
public final class Pipeline {

    private final List<Step<?>> steps;

    public Pipeline(List<Step<?>> steps) {
        Set<String> seen = new HashSet<>();
        for (Step<?> s : steps) {
            for (String dep : s.dependsOn()) {
                if (!seen.contains(dep)) {
                    throw new IllegalArgumentException("step " + s.id() + " depends on " + dep + ", which does not come before it");
                }
            }
            if (!seen.add(s.id())) {
                throw new IllegalArgumentException("duplicate step id " + s.id());
            }
        }
        this.steps = List.copyOf(steps);
    }

    public List<Step<?>> steps() {
        return steps;
    }

    public Optional<Step<?>> step(String id) {
        return steps.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /** 1-based position, used to number bundle files ("03-unbind-protocols.ps1"). */
    public int position(String id) {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).id().equals(id)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("no step " + id);
    }
}
