package io.hvcluster.windows;

/**
 * One-way CHAP for an iSCSI logon ({@code -AuthenticationType ONEWAYCHAP -ChapUsername -ChapSecret}). The secret itself
 * is never part of an operation: it travels only in {@code $HvcSecrets}, under {@code secretName}, so an operation can
 * be logged, compared and printed whole.
 *
 * @param username       the CHAP user
 * @param secretName     the $HvcSecrets key the secret is delivered under
 * @param secretVariable the environment variable hvcluster read the secret from (named in error messages)
 */
public record IscsiChap(String username, String secretName, String secretVariable) {
}
