package io.hvcluster.sim.host;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.hvcluster.bundle.RunLockScripts;
import io.hvcluster.facts.RunLockMark;
import io.hvcluster.render.ScriptHeader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The run lock file of one simulated host, as templates/run-lock changes it: created only if absent (the caller holds
 * the datacenter's monitor, so one script at a time, as CreateFile with CREATE_NEW is one operation on a real host),
 * removed only by the run that holds it. The lock is part of the host's persisted state.
 */
final class RunLockFile {

    private static final ObjectMapper PARAMS = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final WindowsHost host;

    RunLockFile(WindowsHost host) {
        this.host = host;
    }

    ScriptOutcome run(ScriptHeader.Parsed h, Duration start) {
        try {
            return switch (h.phase()) {
                case RunLockScripts.ACQUIRE -> acquire(PARAMS.treeToValue(h.params(), RunLockScripts.Acquire.class), start);
                case RunLockScripts.RELEASE -> release(PARAMS.treeToValue(h.params(), RunLockScripts.Release.class), start);
                default -> ScriptOutcome.failure(ScriptRunner.unknown("the run lock has no phase '" + h.phase() + "'"), start);
            };
        } catch (JsonProcessingException e) {
            return ScriptOutcome.failure(ScriptRunner.unknown("the run lock's parameters do not match: " + e.getOriginalMessage()), start);
        }
    }

    private ScriptOutcome acquire(RunLockScripts.Acquire p, Duration start) {
        RunLockMark held = host.runLock;
        if (held != null && !held.runId().equals(p.runId())) {
            return result(held, List.of(), "locked by " + held.operator() + " on " + held.machine() + " since " + held.since()
                    + " (run " + held.runId() + ")", start);
        }
        if (held != null) {
            return result(held, List.of(), null, start);
        }
        host.runLock = new RunLockMark(p.runId(), p.operator(), p.machine(), p.since());
        return result(host.runLock, List.of("took the run lock for run " + p.runId()), null, start);
    }

    private ScriptOutcome release(RunLockScripts.Release p, Duration start) {
        RunLockMark held = host.runLock;
        if (held == null) {
            return result(null, List.of(), null, start);
        }
        if (!held.runId().equals(p.runId())) {
            return result(held, List.of(), "not released: the lock is held by run " + held.runId() + ", not " + p.runId(), start);
        }
        host.runLock = null;
        return result(held, List.of("released the run lock of run " + p.runId()), null, start);
    }

    private ScriptOutcome result(RunLockMark mark, List<String> changes, String error, Duration start) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (mark != null) {
            data.put("runLock", mark);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("step", RunLockScripts.ID);
        result.put("host", host.name);
        result.put("changed", !changes.isEmpty());
        result.put("changes", new ArrayList<>(changes));
        result.put("warnings", List.of());
        result.put("data", data);
        result.put("error", error);
        String json;
        try {
            json = ScriptRunner.RESULT_JSON.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new ScriptOutcome(error == null ? 0 : 1, json + "\r\n", error == null ? "" : "error: " + error + "\r\n", start, Optional.empty());
    }
}
