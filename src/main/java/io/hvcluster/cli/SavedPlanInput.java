package io.hvcluster.cli;

import io.hvcluster.plan.PlanFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * `apply` given a saved plan instead of an inventory: reads the plan file, points the inventory argument at the
 * inventory it was made from, and refuses when that file changed since (its SHA-256 differs).
 */
final class SavedPlanInput {

    private SavedPlanInput() {
    }

    /** @return the saved plan, or null when the argument is an inventory */
    static PlanFile open(InventoryArgument argument) throws IOException {
        Path given = argument.file();
        if (!PlanFile.looksLikePlanFile(given)) {
            return null;
        }
        if (!Files.isRegularFile(given)) {
            throw new UserException(ExitCode.INVALID_INPUT, given + ": no such plan file");
        }
        PlanFile saved;
        try {
            saved = PlanFile.read(given);
        } catch (PlanFile.InvalidPlanFileException e) {
            throw new UserException(ExitCode.INVALID_INPUT, e.getMessage(), e);
        }
        Path inventory = Path.of(saved.inventory());
        if (!Files.isRegularFile(inventory)) {
            throw new UserException(ExitCode.INVALID_INPUT, given + ": the inventory it was made from, " + inventory
                    + ", is gone; run hvcluster plan again");
        }
        if (!PlanFile.sha256(inventory).equals(saved.inventorySha256())) {
            throw new UserException(ExitCode.INVALID_INPUT, given + ": " + inventory
                    + " changed since the plan was made (its SHA-256 differs); run hvcluster plan again");
        }
        argument.file = inventory;
        return saved;
    }
}
