package io.hvcluster.cli;

import io.hvcluster.inventory.Inventory;
import io.hvcluster.inventory.StorageSpec;
import io.hvcluster.secrets.Secret;
import io.hvcluster.steps.ConnectStorageStep;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The iSCSI CHAP secret, read from the environment variable the inventory names (like the WinRM password): it reaches
 * the hosts only through $HvcSecrets. The Microsoft iSCSI initiator takes a secret of 12 to 16 bytes (without IPsec),
 * so a secret outside that range stops the run here rather than in every host's logon (docs/windows-behaviour.md).
 */
final class ChapSecretSource {

    /** What simulated arrays expect when the variable is not set (docs/simulator.md): 16 characters. */
    static final Secret SIMULATED = Secret.of("hvclusterSimChap");
    static final int MIN_BYTES = 12;
    static final int MAX_BYTES = 16;

    private ChapSecretSource() {
    }

    /** The secrets map entry for connect-storage, empty when the inventory asks for no CHAP. */
    static Map<String, Secret> secrets(Inventory inventory, Function<String, String> environment, boolean simulated) {
        return resolve(inventory, environment, simulated).map(s -> Map.of(ConnectStorageStep.CHAP_SECRET, s)).orElse(Map.of());
    }

    static Optional<Secret> resolve(Inventory inventory, Function<String, String> environment, boolean simulated) {
        Optional<StorageSpec.Chap> chap = inventory.iscsi().flatMap(StorageSpec::chap);
        if (chap.isEmpty()) {
            return Optional.empty();
        }
        String variable = chap.get().secretVariable();
        String value = environment.apply(variable);
        if (value == null || value.isEmpty()) {
            if (simulated) {
                return Optional.of(SIMULATED);
            }
            throw new UserException(ExitCode.INVALID_INPUT, inventory.source() + ": storage.chap.secret: the environment variable "
                    + variable + " is not set; set it to the CHAP secret of user '" + chap.get().username() + "' before running hvcluster");
        }
        int bytes = value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes < MIN_BYTES || bytes > MAX_BYTES) {
            throw new UserException(ExitCode.INVALID_INPUT, inventory.source() + ": storage.chap.secret: the secret in " + variable
                    + " has " + bytes + " bytes; the Microsoft iSCSI initiator takes " + MIN_BYTES + " to " + MAX_BYTES
                    + " (set the same secret on the array)");
        }
        return Optional.of(Secret.of(value));
    }
}
