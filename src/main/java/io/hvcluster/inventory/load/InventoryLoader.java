package io.hvcluster.inventory.load;

import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.check.Problem;
import io.hvcluster.inventory.check.Problems;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.file.attribute.BasicFileAttributes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads an inventory file and reports every problem in it in one pass: YAML is composed into nodes (keeping
 * positions), read leniently into documents, checked by every rule, and only then turned into the model.
 */
public final class InventoryLoader {

    /** Largest inventory file read: a 64-node inventory is about 20 KB; anything near this is not one. */
    public static final int MAX_FILE_BYTES = 1024 * 1024;

    private InventoryLoader() {
    }

    /**
     * Loads {@code file}; problems in the file come back in the result.
     *
     * @throws InventoryReadException when the file cannot be read at all (missing, a directory, not UTF-8)
     */
    public static LoadResult load(Path file) throws InventoryReadException {
        Optional<String> refusal = refusal(file);
        if (refusal.isPresent()) {
            return new LoadResult(file.toString(), Optional.empty(),
                    java.util.List.of(Problem.error("", 1, 1, refusal.get())));
        }
        return load(read(file), file.toString());
    }

    /** Whether {@code file} is a regular file the loader would read (see {@link #refusal}). */
    public static boolean mayBeRead(Path file) {
        try {
            return Files.isRegularFile(file) && refusal(file).isEmpty();
        } catch (InventoryReadException e) {
            return false;
        }
    }

    /**
     * Why {@code file} is not even opened: not a regular file (a FIFO with no writer would block the read for
     * ever; /dev/zero would fill the heap) or larger than {@link #MAX_FILE_BYTES}. Empty when it may be read.
     */
    private static Optional<String> refusal(Path file) throws InventoryReadException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new InventoryReadException(file + ": no such file", e);
        } catch (IOException e) {
            throw new InventoryReadException(file + ": cannot read the inventory: " + e.getMessage(), e);
        }
        if (attributes.isDirectory()) {
            return Optional.empty();
        }
        if (!attributes.isRegularFile()) {
            return Optional.of("not a regular file (a device, pipe or socket); an inventory is a YAML file");
        }
        if (attributes.size() > MAX_FILE_BYTES) {
            return Optional.of(tooLarge(attributes.size()));
        }
        return Optional.empty();
    }

    private static String tooLarge(long bytes) {
        return "the file has " + bytes + " bytes; an inventory has at most " + MAX_FILE_BYTES
                + " (1 MiB; a 64-node inventory is about 20 KB)";
    }

    /** Loads YAML text; {@code sourceName} names it in the model and in messages. */
    public static LoadResult load(String yamlText, String sourceName) {
        Problems problems = new Problems();
        InventoryDocument document = YamlComposer.compose(yamlText, sourceName, problems)
                .map(root -> new DocumentReader(problems).read(root)).orElse(null);
        if (document != null) {
            InventoryRules.check(document, problems);
        }
        Optional<Inventory> inventory = document == null || problems.hasErrors()
                ? Optional.empty()
                : Optional.of(ModelAssembly.inventory(sourceName, document));
        return new LoadResult(sourceName, inventory, problems.sorted());
    }

    private static String read(Path file) throws InventoryReadException {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new InventoryReadException(name + ": is a directory, not an inventory file", null);
        }
        try (InputStream in = Files.newInputStream(file)) {
            // Bounded even if the file grew since its size was checked.
            byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw new InventoryReadException(name + ": " + tooLarge(bytes.length), null);
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new InventoryReadException(name + ": no such file", e);
        } catch (CharacterCodingException e) {
            throw new InventoryReadException(name + ": cannot read the inventory: not UTF-8 text (save it as UTF-8)", e);
        } catch (AccessDeniedException e) {
            throw new InventoryReadException(name + ": cannot read the inventory: permission denied", e);
        } catch (IOException e) {
            throw new InventoryReadException(name + ": cannot read the inventory: " + e.getMessage(), e);
        }
    }
}
