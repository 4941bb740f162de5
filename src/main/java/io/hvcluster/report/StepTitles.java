package io.hvcluster.report;

import io.hvcluster.pipeline.Pipeline;
import io.hvcluster.pipeline.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The steps' titles and their pipeline order, for the plan, the console and the report. Events carry only
 * step ids; a step the titles do not know is shown by its id, after the known ones.
 */
public final class StepTitles {

    private final Map<String, String> titles;
    private final java.util.Set<String> restarting;

    public StepTitles(Map<String, String> titlesInOrder) {
        this(titlesInOrder, java.util.Set.of());
    }

    /** @param restarting the steps with a phase that restarts the host (enable-hyper-v) */
    public StepTitles(Map<String, String> titlesInOrder, java.util.Set<String> restarting) {
        this.titles = new LinkedHashMap<>(titlesInOrder);
        this.restarting = java.util.Set.copyOf(restarting);
    }

    public static StepTitles of(Pipeline pipeline) {
        Map<String, String> m = new LinkedHashMap<>();
        java.util.Set<String> restarting = new java.util.HashSet<>();
        for (Step<?> s : pipeline.steps()) {
            m.put(s.id(), s.title());
            if (s.phases().stream().anyMatch(io.hvcluster.pipeline.Phase::rebootsHost)) {
                restarting.add(s.id());
            }
        }
        return new StepTitles(m, restarting);
    }

    public static StepTitles none() {
        return new StepTitles(Map.of());
    }

    public String title(String stepId) {
        return titles.getOrDefault(stepId, stepId);
    }

    /** Whether a phase of the step restarts the host it runs on. */
    public boolean restartsHost(String stepId) {
        return restarting.contains(stepId);
    }

    /** {@code ids} sorted into pipeline order; unknown ids keep their relative order, at the end. */
    public List<String> order(List<String> ids) {
        List<String> out = new ArrayList<>();
        for (String known : titles.keySet()) {
            if (ids.contains(known)) {
                out.add(known);
            }
        }
        for (String id : ids) {
            if (!out.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    /** The width of the longest known step id, for aligned console columns. */
    int widestId() {
        return titles.keySet().stream().mapToInt(String::length).max().orElse(0);
    }
}
