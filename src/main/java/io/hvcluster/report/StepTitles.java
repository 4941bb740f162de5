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

    public StepTitles(Map<String, String> titlesInOrder) {
        this.titles = new LinkedHashMap<>(titlesInOrder);
    }

    public static StepTitles of(Pipeline pipeline) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Step<?> s : pipeline.steps()) {
            m.put(s.id(), s.title());
        }
        return new StepTitles(m);
    }

    public static StepTitles none() {
        return new StepTitles(Map.of());
    }

    public String title(String stepId) {
        return titles.getOrDefault(stepId, stepId);
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
