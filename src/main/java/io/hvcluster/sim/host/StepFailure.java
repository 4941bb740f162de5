package io.hvcluster.sim.host;

/** A step's terminating error: what the template's catch block reports in "error", with exit code 1. */
final class StepFailure extends Exception {

    StepFailure(String message) {
        super(message);
    }
}
