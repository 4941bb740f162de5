package io.hvcluster.cli;

import io.hvcluster.inventory.ExternalWitness;
import io.hvcluster.inventory.Inventory;
import io.hvcluster.secrets.Secret;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;

/**
 * The cloud witness's storage account key, read from the environment variable the inventory names, like the
 * domain password. It reaches configure-quorum only through $HvcSecrets and is masked everywhere else. An unset
 * variable is not an error for commands that never set the witness (facts, plan); it is said once, and the
 * step itself fails with a clear message when it needs the key.
 */
final class CloudWitnessKey {

    private CloudWitnessKey() {
    }

    static Optional<Secret> resolve(Inventory inventory, Map<String, String> environment, PrintWriter err) {
        Optional<ExternalWitness.Cloud> cloud = inventory.cluster().externalWitness()
                .filter(ExternalWitness.Cloud.class::isInstance).map(ExternalWitness.Cloud.class::cast);
        if (cloud.isEmpty()) {
            return Optional.empty();
        }
        String variable = cloud.get().accessKey().variable();
        String value = environment.get(variable);
        if (value == null || value.isEmpty()) {
            err.println("warning: the cloud witness's access key comes from the environment variable " + variable
                    + ", which is not set: configure-quorum cannot set the cloud witness");
            return Optional.empty();
        }
        return Optional.of(Secret.of(value));
    }
}
