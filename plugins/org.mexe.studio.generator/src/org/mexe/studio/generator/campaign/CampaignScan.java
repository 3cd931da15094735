package org.mexe.studio.generator.campaign;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mexe.studio.generator.campaign.SubscriberRows.Kind;
import org.mexe.studio.generator.campaign.SubscriberRows.Reject;
import org.mexe.studio.model.provisioning.SubscriberColumn;

/**
 * Pass 1 of a campaign: reads the whole subscriber file once, checks every row, and finds the
 * duplicates, in memory that does not grow with the file.
 * <p>
 * Duplicates: every accepted row's MSISDN and IMSI keys (exact 64-bit numbers, see
 * {@link SubscriberRows}) go, with the line, to one of 256 bucket files chosen by a hash of the
 * key. Equal keys land in the same bucket, so each bucket (1/256 of the keys: 80,000 for ten
 * million rows, 1 MB) is then checked alone in a small hash map; the first line with a key wins.
 * An in-memory set of ten million keys would need 160-320 MB and grow with the file; the
 * buckets cost about 12 bytes per key of temporary disk and one sequential re-read. The rejects
 * themselves are kept (a run stops once there are more than {@code --max-rejects}).
 */
final class CampaignScan {

    private static final int BUCKETS = 256;
    private static final long IMSI_TAG = 1L << 62;

    /** What pass 1 found: the layout, the header's line (0: none), and the rejects in line order. */
    record Result(SubscriberRows.Layout layout, long headerLine, List<Reject> rejects, long[] rejectedLines) {
    }

    /** Too many rejects: the run stops; {@code rejects} are those found so far. */
    static final class TooManyRejects extends Exception {
        private static final long serialVersionUID = 1L;
        final transient List<Reject> rejects;

        TooManyRejects(List<Reject> rejects) {
            super("too many rejects");
            this.rejects = rejects;
        }
    }

    private CampaignScan() {
    }

    static Result scan(CampaignPlan plan, Path subscribers, Path work, CampaignRun.Shard shard, long maxRejects)
            throws IOException, CampaignException, TooManyRejects {
        List<Reject> rejects = new ArrayList<>();
        SubscriberRows.Layout layout = null;
        SubscriberRows rows = null;
        long headerLine = 0;
        SubscriberRows.Row row = new SubscriberRows.Row();
        Files.createDirectories(work);
        DataOutputStream[] buckets = new DataOutputStream[BUCKETS];
        try {
            for (int i = 0; i < BUCKETS; i++) {
                buckets[i] = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(bucket(work, i)), 1 << 15));
            }
            long line = 0;
            try (LineReader reader = new LineReader(subscribers, 0)) {
                byte[] bytes = reader.bytes();
                while (reader.next()) {
                    line++;
                    int start = reader.start;
                    if (line == 1 && reader.end - start >= 3 && bytes[start] == (byte) 0xEF && bytes[start + 1] == (byte) 0xBB
                            && bytes[start + 2] == (byte) 0xBF) {
                        start += 3; // a UTF-8 byte order mark
                    }
                    if (SubscriberRows.skipped(bytes, start, reader.end)) {
                        continue;
                    }
                    if (layout == null) {
                        Optional<Map<SubscriberColumn, Integer>> header = SubscriberRows.header(bytes, start, reader.end);
                        if (header.isPresent()) {
                            List<String> fields = new ArrayList<>();
                            SubscriberRows.split(bytes, start, reader.end, fields);
                            layout = SubscriberRows.layout(header.get(), fields.size());
                            headerLine = line;
                        } else if (plan.columns().isEmpty()) {
                            throw new CampaignException(subscribers + ":" + line + ": the first line does not name the columns, and the"
                                    + " subscribers element lists none: add 'columns msisdn, imsi, pin' or a header line such as msisdn,imsi,pin.");
                        } else {
                            layout = SubscriberRows.layout(plan.columns());
                        }
                        check(plan, layout, subscribers);
                        rows = new SubscriberRows(layout, plan.needsImsi(), plan.needsPinColumn());
                        if (headerLine == line) {
                            continue;
                        }
                    }
                    if (!rows.read(bytes, start, reader.end, row)) {
                        if (row.kind.beforeShard() || shard.contains(row.msisdnKey)) {
                            add(rejects, new Reject(line, row.kind, row.detail), maxRejects);
                        }
                        continue;
                    }
                    if (!shard.contains(row.msisdnKey)) {
                        continue;
                    }
                    if (plan.needsPinColumn()) {
                        String fault = plan.pinFault(row.imsi, row.pin);
                        if (fault != null) {
                            add(rejects, new Reject(line, Kind.PIN, fault), maxRejects);
                            continue;
                        }
                    }
                    if (line > Integer.MAX_VALUE) {
                        throw new CampaignException(subscribers + " has more than " + Integer.MAX_VALUE + " lines: split it with --shard.");
                    }
                    put(buckets, row.msisdnKey, line);
                    if (row.imsi != null) {
                        put(buckets, row.imsiKey | IMSI_TAG, line);
                    }
                }
            }
            if (layout == null) {
                throw new CampaignException(subscribers + " lists no subscriber: add one line per subscriber (msisdn, imsi, pin as the"
                        + " delivery needs).");
            }
            for (DataOutputStream bucket : buckets) {
                bucket.close();
            }
            for (int i = 0; i < BUCKETS; i++) {
                duplicates(bucket(work, i), rejects, maxRejects);
            }
        } finally {
            for (int i = 0; i < BUCKETS; i++) {
                if (buckets[i] != null) {
                    try {
                        buckets[i].close();
                    } catch (IOException ignored) {
                        // deleting it anyway
                    }
                }
                Files.deleteIfExists(bucket(work, i));
            }
            Files.deleteIfExists(work);
        }
        rejects.sort(Comparator.comparingLong(Reject::line));
        // One reject per line: a row with both a duplicate MSISDN and a duplicate IMSI counts once.
        List<Reject> unique = new ArrayList<>(rejects.size());
        for (Reject reject : rejects) {
            if (unique.isEmpty() || unique.get(unique.size() - 1).line() != reject.line()) {
                unique.add(reject);
            }
        }
        long[] lines = unique.stream().mapToLong(Reject::line).toArray();
        return new Result(layout, headerLine, List.copyOf(unique), lines);
    }

    private static void check(CampaignPlan plan, SubscriberRows.Layout layout, Path subscribers) throws CampaignException {
        if (layout.msisdn() < 0) {
            throw new CampaignException(subscribers + ": the subscribers have no msisdn column, and each message goes to one:"
                    + " add msisdn to the columns.");
        }
        if (plan.needsImsi() && layout.imsi() < 0) {
            throw new CampaignException(subscribers + ": the subscribers have no imsi column, and " + plan.method()
                    + " is keyed by each subscriber's IMSI: add imsi to the columns.");
        }
        if (plan.needsPinColumn() && layout.pin() < 0) {
            throw new CampaignException(subscribers + ": the subscribers have no pin column, and the delivery takes each"
                    + " subscriber's PIN from it: add pin to the columns, or write 'pin generated' in the delivery.");
        }
    }

    private static void add(List<Reject> rejects, Reject reject, long maxRejects) throws TooManyRejects {
        rejects.add(reject);
        if (rejects.size() > maxRejects) {
            rejects.sort(Comparator.comparingLong(Reject::line));
            throw new TooManyRejects(rejects);
        }
    }

    private static Path bucket(Path work, int i) {
        return work.resolve("keys-" + i);
    }

    private static void put(DataOutputStream[] buckets, long key, long line) throws IOException {
        DataOutputStream bucket = buckets[(int) (mix(key) & (BUCKETS - 1))];
        bucket.writeLong(key);
        bucket.writeInt((int) line);
    }

    private static void duplicates(Path bucket, List<Reject> rejects, long maxRejects) throws IOException, TooManyRejects {
        int entries = (int) (Files.size(bucket) / 12);
        if (entries == 0) {
            return;
        }
        int capacity = Integer.highestOneBit(Math.max(16, entries * 2 - 1)) << 1;
        long[] keys = new long[capacity];
        int[] lines = new int[capacity];
        int mask = capacity - 1;
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(bucket), 1 << 16))) {
            for (int n = 0; n < entries; n++) {
                long key = in.readLong();
                int line = in.readInt();
                int slot = (int) mix(key) >>> 8 & mask;
                while (keys[slot] != 0 && keys[slot] != key) {
                    slot = slot + 1 & mask;
                }
                if (keys[slot] == 0) {
                    keys[slot] = key;
                    lines[slot] = line;
                } else {
                    boolean imsi = (key & IMSI_TAG) != 0;
                    add(rejects, new Reject(line, imsi ? Kind.DUPLICATE_IMSI : Kind.DUPLICATE_MSISDN,
                            (imsi ? "IMSI " + imsiText(key & ~IMSI_TAG) : "MSISDN " + msisdnText(key)) + " is already on line "
                                    + lines[slot]), maxRejects);
                }
            }
        }
    }

    static String msisdnText(long key) {
        return ((key & 1) != 0 ? "+" : "") + imsiText(key >>> 1);
    }

    static String imsiText(long key) {
        int count = (int) (key & 15);
        String digits = Long.toString(key >>> 4);
        return "0".repeat(Math.max(0, count - digits.length())) + digits;
    }

    /** MurmurHash3's 64-bit finalizer: spreads the decimal keys over the buckets and slots. */
    static long mix(long key) {
        long h = key;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
