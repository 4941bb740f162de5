package io.hvcluster.inventory.load;

import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.check.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
     * @throws IOException when the file cannot be read at all (missing, a directory, not UTF-8)
     */
    public static LoadResult load(Path file) throws IOException {
        return load(Files.readString(file, StandardCharsets.UTF_8), file.toString());
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
}
