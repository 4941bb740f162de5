package io.hvcluster.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hvcluster.run.RunEvents;
import io.hvcluster.run.StepStatus;
import io.hvcluster.secrets.Secret;
import io.hvcluster.secrets.SecretMasker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T03:20:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private List<JsonNode> read(Path file) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }

    @Test
    void everyEventIsOneParseableLineInOrder() throws Exception {
        Path file = dir.resolve("journal.jsonl");
        try (JournalWriter journal = new JournalWriter(file, SecretMasker.none(), CLOCK)) {
            SampleRun.play(journal);
        }
        List<JsonNode> lines = read(file);

        assertThat(lines).extracting(n -> n.get("type").asText()).containsExactly(
                "run-started", "plan-computed",
                "step-started", "output", "step-finished", "step-started", "step-finished",
                "step-started", "step-finished", "step-started", "output", "step-finished",
                "step-finished", "step-started", "step-finished",
                "step-started", "step-finished", "step-started", "step-finished",
                "host-notice", "host-notice", "host-notice", "step-started", "step-finished", "run-finished");
        assertThat(lines).allSatisfy(n -> assertThat(n.get("time").asText()).isEqualTo("2026-11-25T03:20:00Z"));

        JsonNode started = lines.get(0);
        assertThat(started.get("runId").asText()).isEqualTo("2026-11-25T031502Z");
        assertThat(started.get("hosts")).extracting(JsonNode::asText).containsExactly("HV01", "HV02");
        assertThat(started.get("startedAt").asText()).isEqualTo("2026-11-25T03:15:02Z");

        JsonNode plan = lines.get(1).get("plan");
        assertThat(plan.get("steps")).hasSize(8);
        JsonNode change = plan.get("steps").get(0).get("changes").get(0);
        assertThat(change.get("action").asText()).isEqualTo("change");
        assertThat(change.get("object").asText()).isEqualTo("name of adapter [00-15-5D-01-02-03]");
        assertThat(change.get("before").asText()).isEqualTo("Ethernet 2");
        assertThat(change.get("after").asText()).isEqualTo("Cluster");
        assertThat(change.get("text").asText()).isEqualTo("~ name of adapter [00-15-5D-01-02-03]: Ethernet 2 → Cluster");
        assertThat(plan.get("steps").get(1).get("inDesiredState").asBoolean()).isTrue();
        assertThat(plan.get("reboot").get("effective").asText()).isEqualTo("parallel");
        assertThat(plan.get("reboot").get("requested").asText()).isEqualTo("auto");
        assertThat(plan.get("summary").asText()).isEqualTo("6 to change, 2 in desired state");

        JsonNode failed = lines.get(11);
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("host").asText()).isEqualTo("HV02");
        assertThat(failed.get("exitCode").asInt()).isEqualTo(1);
        assertThat(failed.get("durationMs").asLong()).isEqualTo(4000);
        assertThat(failed.get("error").asText()).isEqualTo("address 10.0.1.12 is already in use on 'Storage'");
        assertThat(lines.get(10).get("stream").asText()).isEqualTo("stderr");

        JsonNode validate = lines.get(16);
        assertThat(validate.get("data").get("report").asText())
                .isEqualTo("C:\\Windows\\Cluster\\Reports\\hvcluster-validate-HVC01.htm");
        assertThat(lines.get(23).get("status").asText()).isEqualTo("not-converged");
        assertThat(lines.get(23).get("phase").asText()).isEqualTo("after-reboot");
        assertThat(lines.get(24).get("exitCode").asInt()).isEqualTo(1);
    }

    @Test
    void eachLineIsOnDiskBeforeTheNextEvent() throws Exception {
        Path file = dir.resolve("journal.jsonl");
        try (JournalWriter journal = new JournalWriter(file, SecretMasker.none(), CLOCK)) {
            journal.hostNotice(new RunEvents.HostNotice("HV01", io.hvcluster.run.NoticeKind.WAITING, "waiting for WinRM", SampleRun.T0));
            // Read while still open, as after a crash.
            List<JsonNode> lines = read(file);
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0).get("message").asText()).isEqualTo("waiting for WinRM");
        }
    }

    @Test
    void dataIsWrittenAsTheRunParsedIt() throws Exception {
        Path file = dir.resolve("journal.jsonl");
        try (JournalWriter journal = new JournalWriter(file, SecretMasker.none(), CLOCK)) {
            journal.stepFinished(SampleRun.finished("rename-adapters", "HV01", "apply", StepStatus.CHANGED, 0,
                    List.of("line one\nline two \"quoted\""), List.of(), "", 1, "",
                    "{\"nodes\":[{\"name\":\"HV01\",\"state\":\"Up\"}],\"flags\":[\"a\",\"b\"]}"));
        }
        JsonNode line = read(file).get(0);
        assertThat(line.get("data").get("nodes").asText()).isEqualTo("name=HV01 state=Up");
        assertThat(line.get("data").get("flags").asText()).isEqualTo("a, b");
        assertThat(line.get("changes").get(0).asText()).isEqualTo("line one\nline two \"quoted\"");
    }

    @Test
    void secretsAreMaskedInEveryForm() throws Exception {
        String secret = "P@ss'w\"rd\\1";
        SecretMasker masker = new SecretMasker(List.of(Secret.of(secret)));
        Path file = dir.resolve("journal.jsonl");
        try (JournalWriter journal = new JournalWriter(file, masker, CLOCK)) {
            journal.output(new RunEvents.OutputLine("HV01", "create-cluster", false, "password is " + secret));
            journal.output(new RunEvents.OutputLine("HV01", "create-cluster", false, "quoted '" + secret.replace("'", "''") + "'"));
            journal.stepFinished(SampleRun.finished("create-cluster", "HV01", "apply", StepStatus.FAILED, 1,
                    List.of(), List.of(), "logon failed for " + secret, 1, "",
                    "{\"pw\":\"" + secret.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}"));
        }
        String text = Files.readString(file);
        assertThat(text).doesNotContain(secret).doesNotContain("P@ss").contains(Secret.MASK);
        for (JsonNode line : read(file)) {
            assertThat(line.toString()).doesNotContain("P@ss");
        }
        assertThat(read(file).get(2).get("data").get("pw").asText()).isEqualTo(Secret.MASK);
    }

    @Test
    void eightThreadsWriteWholeLinesAndKeepEachThreadsOrder() throws Exception {
        Path file = dir.resolve("journal.jsonl");
        int threads = 8;
        int perThread = 400;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (JournalWriter journal = new JournalWriter(file, SecretMasker.none(), CLOCK)) {
            for (int t = 0; t < threads; t++) {
                String host = "HV0" + t;
                pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        journal.output(new RunEvents.OutputLine(host, "rename-adapters", i % 2 == 0,
                                "line " + i + " " + "x".repeat(i % 50) + " \"q\" \t end"));
                    }
                    return null;
                });
            }
            go.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        List<JsonNode> lines = read(file);
        assertThat(lines).hasSize(threads * perThread);
        Map<String, Integer> next = new HashMap<>();
        for (JsonNode n : lines) {
            String host = n.get("host").asText();
            int expected = next.getOrDefault(host, 0);
            assertThat(n.get("text").asText()).startsWith("line " + expected + " ").endsWith(" \"q\" \t end");
            next.put(host, expected + 1);
        }
        assertThat(next).hasSize(threads).allSatisfy((h, count) -> assertThat(count).isEqualTo(perThread));
    }
}
