package io.hvcluster.exec;

import io.hvcluster.secrets.Secret;
import java.util.Map;

/**
 * One rendered PowerShell script to run on one host.
 *
 * <p>The text never contains a secret: a script that needs one (create-cluster's impersonation) refers to
 * {@code $HvcSecrets['name']}, and the executor delivers {@link #secrets()} out of band (over stdin for
 * WinRM). A dry-run bundle run by hand asks for them instead.
 *
 * @param host     the host it runs on
 * @param stepId   the step it belongs to ("rename-adapters", or "facts" for the probe)
 * @param phase    "probe" (read-only) or "apply"
 * @param fileName the name it has in a dry-run bundle ("01-rename-adapters.ps1")
 * @param text     the PowerShell source
 * @param secrets  values the script reads from $HvcSecrets, by name
 */
public record Script(String host, String stepId, String phase, String fileName, String text, Map<String, Secret> secrets) {

    public Script {
        secrets = Map.copyOf(secrets);
    }

    public Script(String host, String stepId, String phase, String fileName, String text) {
        this(host, stepId, phase, fileName, text, Map.of());
    }
}
