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
import java.util.Optional;

/**
 * Saves the whole simulated datacenter as one JSON file in a state folder and reads it back, so that a second
 * run meets the hosts and the cluster the first one built. Written atomically (temp file, then move). The
 * domain password is kept only as a salted hash.
 */
public final class DatacenterStore {

    public static final String FILE = "simulated-datacenter.json";

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
