package io.hvcluster.inventory;

/**
 * A quorum witness that is not a shared disk: a file share or an Azure storage account (cloud witness). Either
 * lets a cluster without a witness LUN keep quorum (Set-ClusterQuorum -FileShareWitness / -CloudWitness).
 */
public sealed interface ExternalWitness {

    /** What the plan and the runbook show. */
    String describe();

    /** @param path a UNC path, \\server\share */
    record FileShare(String path) implements ExternalWitness {
        @Override
        public String describe() {
            return "file share witness " + path;
        }
    }

    /**
     * @param accountName the storage account
     * @param endpoint    the Azure endpoint (core.windows.net unless the account lives in another cloud)
     * @param accessKey   where the account's access key comes from; never the key itself
     */
    record Cloud(String accountName, String endpoint, PasswordSource.Environment accessKey) implements ExternalWitness {
        /** The name scripts read the key under, from $HvcSecrets. */
        public static final String KEY_SECRET = "cloudWitnessKey";
        public static final String DEFAULT_ENDPOINT = "core.windows.net";

        @Override
        public String describe() {
            return "cloud witness on storage account " + accountName + " (" + endpoint + ")";
        }
    }
}
