package org.mexe.studio.security.tests;

import java.nio.file.Path;

import org.mexe.studio.security.OtaCounterStore;

/** Takes counters forever, printing each: the process that OtaCounterStoreTest kills. */
public final class CounterWorker {

    private CounterWorker() {
    }

    public static void main(String[] args) throws Exception {
        OtaCounterStore store = new OtaCounterStore(Path.of(args[0]));
        while (true) {
            System.out.println(store.next(args[1], Integer.parseInt(args[2])));
            System.out.flush();
        }
    }
}
