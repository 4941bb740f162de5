package io.hvcluster.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hvcluster.run.RunEvents;
import io.hvcluster.run.RunListener;
import io.hvcluster.secrets.SecretMasker;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * journal.jsonl: one JSON object per event, in the order the events arrived, each line flushed as it is
 * written so that a run that dies leaves every event up to that point readable. Lines are whole JSON
 * documents (Jackson escapes control characters and line breaks inside strings), so a reader can parse the
 * file line by line even when the last line was cut off.
 */
public final class JournalWriter implements RunListener, AutoCloseable {

    private final BufferedWriter out;
    private final SecretMasker masker;
    private final Clock clock;
    private boolean closed;

    public JournalWriter(Path file, SecretMasker masker, Clock clock) {
        try {
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the journal " + file + ": " + e.getMessage(), e);
        }
        this.masker = masker;
        this.clock = clock;
    }

    public JournalWriter(Path file, SecretMasker masker) {
        this(file, masker, Clock.systemUTC());
    }

    @Override
    public void runStarted(RunEvents.RunStarted e) {
        write("run-started", () -> EventJson.runStarted(e));
    }

    @Override
    public void preflightChecked(RunEvents.PreflightChecked e) {
        write("preflight-checked", () -> {
            ObjectNode n = EventJson.MAPPER.createObjectNode();
            n.put("summary", e.report().summary());
            n.set("findings", EventJson.MAPPER.valueToTree(e.report().findings()));
            n.set("skipped", EventJson.MAPPER.valueToTree(e.report().skipped()));
            return n;
        });
    }

    /** Each update of verify's report, whole: its findings and the burn-in operations so far. */
    @Override
    public void verified(RunEvents.Verified e) {
        write("verified", () -> {
            ObjectNode n = EventJson.MAPPER.createObjectNode();
            VerifyJson.add(n, e.report(), masker);
            return n;
        });
    }

    @Override
    public void planComputed(RunEvents.PlanComputed e) {
        write("plan-computed", () -> {
            ObjectNode n = EventJson.MAPPER.createObjectNode();
            n.set("plan", EventJson.plan(e.plan()));
            return n;
        });
    }

    @Override
    public void stepStarted(RunEvents.StepStarted e) {
        write("step-started", () -> EventJson.stepStarted(e));
    }

    @Override
    public void output(RunEvents.OutputLine e) {
        write("output", () -> EventJson.output(e));
    }

    @Override
    public void stepFinished(RunEvents.StepFinished e) {
        write("step-finished", () -> EventJson.stepFinished(e));
    }

    @Override
    public void hostNotice(RunEvents.HostNotice e) {
        write("host-notice", () -> EventJson.hostNotice(e));
    }

    @Override
    public void runFinished(RunEvents.RunFinished e) {
        write("run-finished", () -> EventJson.runFinished(e));
    }

    /*
     * One lock around build-and-write: the "time" field and the line order then agree, and lines from
     * several host threads never interleave.
     */
    private synchronized void write(String type, Supplier<ObjectNode> fields) {
        if (closed) {
            // A host thread still reporting after the CLI closed the journal must not fail the run for it.
            return;
        }
        ObjectNode line = EventJson.MAPPER.createObjectNode();
        line.put("type", type);
        line.put("time", clock.instant().toString());
        line.setAll(fields.get());
        try {
            // Events arrive masked already; this second pass is what makes "never on disk" hold regardless.
            out.write(EventJson.MAPPER.writeValueAsString(EventJson.masked(line, masker)));
            out.write('\n');
            out.flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize a " + type + " event", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the journal: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the journal: " + e.getMessage(), e);
        }
    }
}
