package org.mexe.studio.security.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.security.OtaCounterStore;

class OtaCounterStoreTest {

    private static final String ICCID = "8944110063000000001";

    @TempDir
    Path folder;

    @Test
    void countersGrowPerCardAndKeySet() throws Exception {
        OtaCounterStore store = new OtaCounterStore(folder);
        assertEquals(1, store.next(ICCID, 1));
        assertEquals(2, store.next(ICCID, 1));
        assertEquals(1, store.next(ICCID, 2));
        assertEquals(3, new OtaCounterStore(folder).next(ICCID, 1), "persisted across instances");
    }

    @Test
    void concurrentCallersNeverGetTheSameValue() throws Exception {
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    OtaCounterStore store = new OtaCounterStore(folder);
                    for (int i = 0; i < 50; i++) {
                        assertTrue(seen.add(store.next(ICCID, 1)), "a value was handed out twice");
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(200, seen.size());
    }

    @Test
    void rangesOfAKeySetNeverOverlapAndStayApartFromCardCounters() throws Exception {
        OtaCounterStore store = new OtaCounterStore(folder);
        assertEquals(1, store.reserve(2, 12), "the first range starts at 1");
        assertEquals(13, store.reserve(2, 12), "the next starts after the last value of the one before");
        assertEquals(1, store.reserve(3, 5), "each key set has its own counter");
        assertEquals(1, store.next(ICCID, 2), "a card's own counter is another file");
        assertEquals(25, new OtaCounterStore(folder).reserve(2, 1), "persisted across instances");
        assertEquals(List.of("25"), Files.readAllLines(folder.resolve("key-set-2.cntr")));
        assertThrows(IllegalArgumentException.class, () -> store.reserve(2, 0));
        assertThrows(IllegalArgumentException.class, () -> store.reserve(16, 1));
    }

    @Test
    void concurrentRangesAreDisjoint() throws Exception {
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    OtaCounterStore store = new OtaCounterStore(folder);
                    for (int i = 0; i < 25; i++) {
                        long first = store.reserve(1, 7);
                        for (long c = first; c < first + 7; c++) {
                            assertTrue(seen.add(c), "counter " + c + " was handed out twice");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(4 * 25 * 7, seen.size());
    }

    @Test
    void anExhaustedKeySetIsAnError() throws Exception {
        Files.writeString(folder.resolve("key-set-1.cntr"), (OtaCounterStore.MAX_COUNTER - 2) + "\n");
        OtaCounterStore store = new OtaCounterStore(folder);
        var e = assertThrows(java.io.IOException.class, () -> store.reserve(1, 3));
        assertTrue(e.getMessage().contains("exhausted"), e.getMessage());
        assertEquals(OtaCounterStore.MAX_COUNTER - 1, store.reserve(1, 2), "a range that fits is still handed out");
    }

    @Test
    void aKilledProcessNeverMakesAValueComeBack() throws Exception {
        // Another JVM increments in a loop and prints each value it got; it is killed mid-stream.
        String classpath = location(OtaCounterStore.class) + File.pathSeparator + location(CounterWorker.class);
        Process worker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", classpath,
                CounterWorker.class.getName(), folder.toString(), ICCID, "1").redirectErrorStream(true).start();
        long lastSeen = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.US_ASCII))) {
            for (int i = 0; i < 300; i++) {
                String line = out.readLine();
                assertTrue(line != null && line.matches("\\d+"), "worker said: " + line);
                lastSeen = Long.parseLong(line);
            }
            worker.destroyForcibly().waitFor();
        }
        long next = new OtaCounterStore(folder).next(ICCID, 1);
        assertTrue(next > lastSeen, "after the kill the store gave " + next + ", but " + lastSeen + " was already used");
    }

    @Test
    void aDamagedCounterFileIsAnErrorNotAReset() throws Exception {
        OtaCounterStore store = new OtaCounterStore(folder);
        store.next(ICCID, 1);
        try (var files = Files.list(folder)) {
            Path counter = files.filter(p -> p.getFileName().toString().endsWith(".cntr")).findFirst().orElseThrow();
            Files.writeString(counter, "garbage");
        }
        var e = assertThrows(java.io.IOException.class, () -> store.next(ICCID, 1));
        assertTrue(e.getMessage().contains("damaged") && e.getMessage().contains("never reset"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> store.next("not-an-iccid", 1));
        assertThrows(IllegalArgumentException.class, () -> store.next(ICCID, 16));
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
