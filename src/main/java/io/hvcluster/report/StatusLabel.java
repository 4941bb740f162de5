package io.hvcluster.report;

import io.hvcluster.run.StepStatus;
import java.util.Locale;

/** How a step status is named in files ("not-converged", also the HTML class) and to people ("not converged"). */
final class StatusLabel {

    /** A cell of a step the run never reached on a host (the run stopped, or the step was never reported). */
    static final String NOT_RUN = "not-run";

    private StatusLabel() {
    }

    static String key(StepStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String words(StepStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static boolean isProblem(StepStatus status) {
        return status == StepStatus.FAILED || status == StepStatus.NOT_CONVERGED;
    }
}
