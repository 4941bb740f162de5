package io.hvcluster.sim.host;

/**
 * The effect of one phase of one step on the model, with the template's guards, change texts and data.
 *
 * @param <P> the step's parameter record, as the script header carries it
 */
interface StepEffect<P extends Record> {

    Class<P> paramsType();

    /** @throws StepFailure where the template would throw: the result then carries the message and exit code 1 */
    void apply(StepRun run, P params) throws StepFailure;
}
