package io.hvcluster.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFolderTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T03:15:02.345Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    @Test
    void isNamedAfterTheUtcSecondWithoutColons() {
        RunFolder folder = RunFolder.create(tmp.resolve("runs"), CLOCK);

        assertThat(folder.runId()).isEqualTo("2026-11-25T031502Z");
        assertThat(folder.dir()).isDirectory().hasParent(tmp.resolve("runs"));
        assertThat(folder.journal()).isEqualTo(folder.dir().resolve("journal.jsonl"));
        assertThat(folder.scriptsDir()).isEqualTo(folder.dir().resolve("scripts"));
        assertThat(folder.reportJson()).isEqualTo(folder.dir().resolve("report.json"));
        assertThat(folder.reportHtml()).isEqualTo(folder.dir().resolve("report.html"));
        assertThat(folder.runLog()).isEqualTo(folder.dir().resolve("run.log"));
    }

    @Test
    void runsStartedInTheSameSecondGetTheirOwnFolders() {
        Path root = tmp.resolve("runs");
        List<String> ids = List.of(RunFolder.create(root, CLOCK).runId(), RunFolder.create(root, CLOCK).runId(),
                RunFolder.create(root, CLOCK).runId());

        assertThat(ids).containsExactly("2026-11-25T031502Z", "2026-11-25T031502Z-2", "2026-11-25T031502Z-3");
    }

    @Test
    void concurrentRunsNeverShareAFolder() throws Exception {
        Path root = tmp.resolve("runs");
        Set<Path> dirs = ConcurrentHashMap.newKeySet();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 8; i++) {
            pool.submit(() -> {
                go.await();
                dirs.add(RunFolder.create(root, CLOCK).dir());
                return null;
            });
        }
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

        assertThat(dirs).hasSize(8);
        try (var listing = Files.list(root)) {
            assertThat(listing.count()).isEqualTo(8);
        }
    }
}
