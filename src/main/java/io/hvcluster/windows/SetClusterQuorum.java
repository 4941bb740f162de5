package io.hvcluster.windows;

/**
 * {@code Set-ClusterQuorum} with one of its witness parameter sets: {@code -DiskWitness <resource>},
 * {@code -FileShareWitness <path>}, {@code -CloudWitness -AccountName <account> -AccessKey <key> -Endpoint <endpoint>}
 * (the key is read from $HvcSecrets when the call is made, never carried), or {@code -NoWitness}.
 *
 * @param witness       which parameter set
 * @param diskResource  the disk witness's cluster resource name, or ""
 * @param sharePath     the file share witness's UNC path, or ""
 * @param cloudAccount  the cloud witness's storage account, or ""
 * @param cloudEndpoint the cloud witness's endpoint, or ""
 */
public record SetClusterQuorum(Witness witness, String diskResource, String sharePath, String cloudAccount, String cloudEndpoint)
        implements WindowsOp {

    /** The parameter set. */
    public enum Witness { DISK, FILE_SHARE, CLOUD, NONE }

    public static SetClusterQuorum disk(String resource) {
        return new SetClusterQuorum(Witness.DISK, resource, "", "", "");
    }

    public static SetClusterQuorum fileShare(String path) {
        return new SetClusterQuorum(Witness.FILE_SHARE, "", path, "", "");
    }

    public static SetClusterQuorum cloud(String account, String endpoint) {
        return new SetClusterQuorum(Witness.CLOUD, "", "", account, endpoint);
    }

    public static SetClusterQuorum noWitness() {
        return new SetClusterQuorum(Witness.NONE, "", "", "", "");
    }
}
