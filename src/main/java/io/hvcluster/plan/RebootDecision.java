package io.hvcluster.plan;

/**
 * The reboot policy in force and why, as the plan prints it.
 *
 * @param requested what the admin asked for
 * @param effective ROLLING or PARALLEL
 * @param reason    one sentence
 */
public record RebootDecision(RebootStrategy requested, RebootStrategy effective, String reason) {

    public boolean parallel() {
        return effective == RebootStrategy.PARALLEL;
    }
}
