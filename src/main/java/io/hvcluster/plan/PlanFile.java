package io.hvcluster.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.hvcluster.facts.FactsFingerprint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A confirmed plan saved by {@code hvcluster plan INVENTORY --out FILE}, for {@code hvcluster apply FILE} (Terraform's
 * saved plan). It names the inventory it came from with the file's SHA-256, and carries the fingerprint of every
 * host's facts, so apply refuses an inventory that changed and stops a host that changed.
 *
 * @param format          {@value #FORMAT}
 * @param inventory       the inventory path as given to plan
 * @param inventorySha256 the SHA-256 of the inventory file's bytes
 * @param factsSha256     one fingerprint over every host's ({@link FactsFingerprint#combined})
 * @param createdAt       when the plan was made (ISO-8601, UTC)
 * @param plan            the plan itself: typed changes, reboot decision, per-host fingerprints
 */
public record PlanFile(String format, String inventory, String inventorySha256, String factsSha256, String createdAt, Plan plan) {

    public static final String FORMAT = "hvcluster-plan/1";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** A plan file is read as one; anything else given to apply is an inventory. */
    public static boolean looksLikePlanFile(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".json");
    }

    public static PlanFile of(Path inventory, Plan plan, java.time.Instant now) throws IOException {
        return new PlanFile(FORMAT, inventory.toString(), sha256(inventory), FactsFingerprint.combined(plan.factsFingerprints()),
                now.toString(), plan);
    }

    public static String sha256(Path file) throws IOException {
        return FactsFingerprint.sha256(Files.readAllBytes(file));
    }

    /** Written whole or not at all (a temporary file, then a rename). */
    public void write(Path to) throws IOException {
        Path dir = to.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".plan", ".tmp");
        try {
            Files.writeString(tmp, JSON.writeValueAsString(this) + System.lineSeparator());
            Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** @throws InvalidPlanFileException naming the file and what is wrong with it */
    public static PlanFile read(Path file) throws IOException {
        PlanFile p;
        try {
            p = JSON.readValue(Files.readString(file), PlanFile.class);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr();
            throw new InvalidPlanFileException(file + where + ": not a plan file written by hvcluster plan --out ("
                    + e.getOriginalMessage() + ")");
        }
        if (!FORMAT.equals(p.format())) {
            throw new InvalidPlanFileException(file + ": format '" + p.format() + "' is not " + FORMAT + "; run hvcluster plan --out again");
        }
        if (p.plan() == null || p.inventory() == null || p.inventorySha256() == null) {
            throw new InvalidPlanFileException(file + ": incomplete plan file; run hvcluster plan --out again");
        }
        return p;
    }

    /** A plan file that cannot be used. */
    public static final class InvalidPlanFileException extends RuntimeException {
        public InvalidPlanFileException(String message) {
            super(message);
        }
    }
}
