package io.hvcluster.sim.winrm;

import java.util.concurrent.LinkedBlockingQueue;

/** The stdin of a simulated process: chunks from Send requests, in order, then EOF if the client ends it. */
final class StdinPipe {

    private static final byte[] EOF = new byte[0];

    private final LinkedBlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();
    private volatile boolean ended;

    void write(byte[] bytes, boolean end) {
        if (ended) {
            return;
        }
        if (bytes.length > 0) {
            chunks.add(bytes.clone());
        }
        if (end) {
            ended = true;
            chunks.add(EOF);
        }
    }

    /** The next chunk, blocking until one arrives; null at EOF (which OverThere never sends). */
    byte[] read() throws InterruptedException {
        byte[] b = chunks.take();
        if (b == EOF) {
            chunks.add(EOF);
            return null;
        }
        return b;
    }
}
