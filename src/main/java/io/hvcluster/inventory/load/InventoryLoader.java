package io.hvcluster.inventory.load;

import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.check.Problems;
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

    private InventoryLoader() {
    }

    /**
     * Loads {@code file}; problems in the file come back in the result.
     *
     * @throws InventoryReadException when the file cannot be read at all (missing, a directory, not UTF-8)
     */
    public static LoadResult load(Path file) throws InventoryReadException {
        return load(read(file), file.toString());
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
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
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
