package org.mexe.studio.security;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;

/**
 * The SIM OTA counters (CNTR, ETSI TS 102 225): one per card and key set, strictly growing. A
 * value is written durably (temporary file, fsync, atomic rename, fsync of the folder) before it
 * is handed out, so a run killed at any point can only skip values, never reuse one; a lock file
 * makes concurrent runs, in this process or others, take turns.
 */
public final class OtaCounterStore {

    /** CNTR is five octets. */
    public static final long MAX_COUNTER = 0xFF_FFFF_FFFFL;

    private static final Pattern CARD = Pattern.compile("[0-9A-Fa-f]{1,20}");

    private final Path folder;

    public OtaCounterStore(Path folder) {
        this.folder = folder;
    }

    /** The next counter for {@code iccid} and key set {@code keySet}: greater than every value returned before. */
    public long next(String iccid, int keySet) throws IOException {
        if (iccid == null || !CARD.matcher(iccid).matches() || keySet < 0 || keySet > 15) {
            throw new IllegalArgumentException("A card is named by its ICCID (up to 20 hex digits) and a key set by its key version 0..15: "
                    + iccid + "/" + keySet);
        }
        return take(iccid.toUpperCase(java.util.Locale.ROOT) + "-" + keySet + ".cntr", iccid + " key set " + keySet, 1);
    }

    /**
     * The first of {@code count} consecutive counters of key set {@code keySet} for every card that
     * holds it (packets sent with "counter must be higher", one range for all the cards): greater
     * than every value this store handed out for the key set before. Kept apart from the per-card
     * counters of {@link #next(String, int)}.
     */
    public long reserve(int keySet, int count) throws IOException {
        if (keySet < 0 || keySet > 15 || count < 1) {
            throw new IllegalArgumentException("A key set is its key version 0..15 and a range holds at least one counter: " + keySet + "/" + count);
        }
        return take("key-set-" + keySet + ".cntr", "key set " + keySet, count);
    }

    /** Reads the last value handed out, writes the new last value durably, then hands out the range after the old one. */
    private long take(String fileName, String what, int count) throws IOException {
        Files.createDirectories(folder);
        Path counter = folder.resolve(fileName);
        synchronized (OtaCounterStore.class) {
            try (FileChannel lockChannel = FileChannel.open(folder.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = lockChannel.lock()) {
                long first = read(counter) + 1;
                long last = first + count - 1;
                if (last > MAX_COUNTER) {
                    throw new IOException("The OTA counter of " + what + " is exhausted (" + count + " more wanted): the cards need new keys.");
                }
                write(counter, last);
                return first;
            }
        }
    }

    private static long read(Path counter) throws IOException {
        try {
            String text = Files.readString(counter, StandardCharsets.US_ASCII).strip();
            return Long.parseLong(text);
        } catch (NoSuchFileException e) {
            return 0;
        } catch (NumberFormatException e) {
            throw new IOException("The OTA counter file " + counter + " is damaged (" + e.getMessage()
                    + "): restore it from a backup; never reset a counter, the card would reject or replay.", e);
        }
    }

    private void write(Path counter, long value) throws IOException {
        Path staging = Files.createTempFile(folder, "." + counter.getFileName(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(staging, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(java.nio.ByteBuffer.wrap((value + "\n").getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
            Files.move(staging, counter, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
                directory.force(true);
            }
        } finally {
            Files.deleteIfExists(staging);
        }
    }
}
