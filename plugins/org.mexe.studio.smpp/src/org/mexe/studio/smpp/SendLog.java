package org.mexe.studio.smpp;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;

/**
 * The sender's durable memory, one text line per event, appended with a write per line (no
 * buffer in the process, so a killed sender loses nothing it wrote):
 *
 * <pre>
 * S n.k               segment k of record n is about to go out (written for a block of them at once)
 * A n.k message-id    the SMSC accepted it (submit_sm_resp, status 0), or Kannel's answer ("0: Accepted for delivery")
 * R n.k reason        refused for good (the SMSC's hex command status, or Kannel's HTTP status and answer)
 * </pre>
 *
 * A restart sends only segments without an A or R line. A segment with an S line and nothing after
 * it was in flight when the sender stopped: the SMSC may or may not have it ("in doubt").
 */
final class SendLog implements AutoCloseable {

    static final String FILE = "sent.log";

    private final FileChannel channel;
    private final int perRecord;
    final BitSet done = new BitSet();
    final BitSet inDoubt = new BitSet();
    long accepted;
    long refused;

    SendLog(Path campaign, int perRecord) throws IOException {
        this.perRecord = perRecord;
        Path file = campaign.resolve(FILE);
        if (Files.exists(file)) {
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    String[] parts = line.split(" ");
                    if (parts.length < 2 || parts[1].indexOf('.') < 0) {
                        continue; // a line cut by a crash
                    }
                    int dot = parts[1].indexOf('.');
                    int index;
                    try {
                        index = Math.toIntExact(Long.parseLong(parts[1], 0, dot, 10) * perRecord + Integer.parseInt(parts[1], dot + 1, parts[1].length(), 10));
                    } catch (NumberFormatException | ArithmeticException e) {
                        continue;
                    }
                    switch (parts[0]) {
                        case "S" -> inDoubt.set(index);
                        case "A" -> {
                            done.set(index);
                            inDoubt.clear(index);
                            accepted++;
                        }
                        case "R" -> {
                            done.set(index);
                            inDoubt.clear(index);
                            refused++;
                        }
                        default -> { }
                    }
                }
            }
        }
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    int index(long record, int segment) {
        return Math.toIntExact(record * perRecord + segment);
    }

    void accepted(long record, int segment, String messageId) throws IOException {
        append("A " + record + "." + segment + " " + oneLine(messageId) + "\n");
    }

    void refused(long record, int segment, String reason) throws IOException {
        append("R " + record + "." + segment + " " + oneLine(reason) + "\n");
    }

    /** What a peer answered, as printable ASCII on one line: a log line must stay one line. */
    private static String oneLine(String text) {
        StringBuilder line = new StringBuilder(text.length());
        text.strip().codePoints().forEach(c -> line.append(c >= 0x20 && c < 0x7F ? (char) c : ' '));
        return line.toString();
    }

    synchronized void append(String line) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII));
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** Forces the log to disk: after this, even a power cut keeps it. */
    void force() throws IOException {
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        channel.force(false);
        channel.close();
    }
}
