package io.hvcluster.testing;

import io.hvcluster.exec.ScriptExecutor;

class InterpretingFakeExecutorContractTest extends ScriptExecutorContract {

    @Override
    protected ScriptExecutor newExecutor() {
        return new InterpretingFakeExecutor();
    }
}
