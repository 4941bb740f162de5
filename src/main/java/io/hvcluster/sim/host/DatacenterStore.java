package io.hvcluster.sim.host;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Saves the whole simulated datacenter as one JSON file in a state folder and reads it back, so that a second
 * run meets the hosts and the cluster the first one built. Written atomically (temp file, then move). The
 * domain password is kept only as a salted hash.
 *
 * <p>Real hosts keep each change the moment it is made, whatever happens to the client. So does the simulator:
 * {@link #update} reloads the state, applies one change and saves it, under a lock of the store's own (an OS file
 * lock, {@value #LOCK}, for other processes and a lock per folder for this one). A simulated run killed with
 * kill -9, Ctrl-C or SIGTERM keeps everything its hosts did, and two simulated runs on one folder see each
 * other's changes instead of overwriting them.
 */
public final class DatacenterStore {

    public static final String FILE = "simulated-datacenter.json";
    public static final String LOCK = "simulated-datacenter.lock";

    /** A JVM holds one OS lock per file, so runs in one process (tests) queue here first. */
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private static final ObjectMapper JSON = JsonMapper.builder()
            .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.PUBLIC_ONLY)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Path folder;

    public DatacenterStore(Path folder) {
        this.folder = folder;
    }

    public Path file() {
        return folder.resolve(FILE);
    }

    /**
     * Reloads {@code dc} from the saved state (when there is one), runs {@code change} on it and saves the result,
     * all under the store's lock. The caller holds {@code dc}'s monitor.
     */
    public <T> T update(SimulatedDatacenter dc, Supplier<T> change) {
        return locked(() -> {
            if (Files.isRegularFile(file())) {
                try {
                    JSON.readerForUpdating(dc).readValue(file().toFile());
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the simulator's state " + file() + ": " + e.getMessage(), e);
                }
            }
            T result = change.get();
            save(dc);
            return result;
        });
    }

    /** Runs {@code work} holding the store's lock. */
    public <T> T locked(Supplier<T> work) {
        ReentrantLock local = IN_PROCESS.computeIfAbsent(folder.toAbsolutePath().normalize(), p -> new ReentrantLock());
        local.lock();
        try {
            Files.createDirectories(folder);
            try (FileChannel channel = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                return work.get();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock the simulator's state in " + folder + ": " + e.getMessage(), e);
        } finally {
            local.unlock();
        }
    }

    public void save(SimulatedDatacenter dc) {
        try {
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, FILE, ".tmp");
            synchronized (dc) {
                JSON.writeValue(tmp.toFile(), dc);
            }
            try {
                Files.move(tmp, file(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file(), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the simulator's state to " + file() + ": " + e.getMessage(), e);
        }
    }

    /** The saved datacenter, or empty when the folder holds none. */
    public Optional<SimulatedDatacenter> load(Latencies latencies) {
        if (!Files.isRegularFile(file())) {
            return Optional.empty();
        }
        try {
            SimulatedDatacenter dc = JSON.readValue(file().toFile(), SimulatedDatacenter.class);
            dc.setLatencies(latencies);
            return Optional.of(dc);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the simulator's state " + file() + " (delete it or use --simulate-fresh): "
                    + e.getMessage(), e);
        }
    }
}
