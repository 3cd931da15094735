package org.mexe.studio.generator.campaign;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.mexe.studio.generator.PerSubscriberDeliveries;
import org.mexe.studio.generator.campaign.CampaignPlan.PinSource;
import org.mexe.studio.generator.campaign.SubscriberRows.Reject;
import org.mexe.studio.model.provisioning.SecurityMethod;

/**
 * Streams a subscriber file into a campaign folder in bounded memory, on every core, resumably.
 * <p>
 * Pass 1 ({@link CampaignScan}) checks every row and finds duplicates, and writes the reject file.
 * Pass 2 is a bounded pipeline: one reader cuts the file into batches of lines, the workers
 * encode them (one {@link SubscriberEncoder} each), and this thread writes the batches in file
 * order. A fixed pool of batch buffers bounds memory whatever the file's size.
 * <p>
 * Every {@value #CHECKPOINT_BATCHES} batches the output and PIN files are forced to disk and then a
 * checkpoint names how far they are good (input offset, output lengths, counts). {@code resume}
 * cuts the files back to the checkpoint and continues from there; since every byte is a function
 * of the input and the plan (generated PINs of a key kept in the PIN file), the result is
 * byte-identical to an uninterrupted run.
 */
public final class CampaignRun {

    static final int CHECKPOINT_BATCHES = 16;
    static final int BATCH_LINES = 4096;
    /** Rejects a run tolerates unless told otherwise. */
    public static final long DEFAULT_MAX_REJECTS = 1000;

    private static final Set<String> OUR_FILES = Set.of(CampaignFile.SUBMITS, CampaignFile.REJECTS, CampaignFile.DESCRIPTION,
            CampaignFile.CHECKPOINT, CampaignFile.SCAN, CampaignFile.DESCRIPTION + ".tmp", CampaignFile.CHECKPOINT + ".tmp",
            CampaignFile.REJECTS + ".tmp", "sent.log", "receipts.log");
    private static final String PIN_FILE_MARK = "# prov campaign PIN key ";

    /** Subscribers whose MSISDN hashes to {@code index} of {@code count} (1-based), see {@link SubscriberRows#shardOf}. */
    public record Shard(int index, int count) {

        public static final Shard ALL = new Shard(1, 1);

        public Shard {
            if (count < 1 || index < 1 || index > count) {
                throw new IllegalArgumentException("a shard is i/n with 1 <= i <= n, for example 2/4");
            }
        }

        public static Shard parse(String text) {
            String[] parts = text.split("/", -1);
            try {
                if (parts.length == 2) {
                    return new Shard(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
                }
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
            throw new IllegalArgumentException("'" + text + "' is not a shard: write i/n with 1 <= i <= n, for example 2/4");
        }

        boolean contains(long msisdnKey) {
            return count == 1 || SubscriberRows.shardOf(msisdnKey, count) == index - 1;
        }

        @Override
        public String toString() {
            return index + "/" + count;
        }
    }

    /** How far a run is, for a progress bar: {@code phase} is "checking" (pass 1) or "generating". */
    public record Progress(String phase, long bytesRead, long bytesTotal, long subscribers, long sms, long rejects, long nanos) {
    }

    @FunctionalInterface
    public interface ProgressListener {
        void progress(Progress progress);
    }

    /**
     * @param subscribers the subscriber file (CSV)
     * @param folder      the campaign folder: new or empty, or (with {@code resume}) one this class wrote
     * @param userPins    where generated PINs go (required when the delivery generates them; owner-only; outside {@code folder})
     * @param workers     encoding threads (the reader and the writer run beside them)
     */
    public record Options(Path subscribers, Path folder, Optional<Path> userPins, boolean resume, long maxRejects, Shard shard,
            int workers, ProgressListener listener) {

        public static Options of(Path subscribers, Path folder) {
            return new Options(subscribers, folder, Optional.empty(), false, DEFAULT_MAX_REJECTS, Shard.ALL,
                    Runtime.getRuntime().availableProcessors(), p -> { });
        }

        public Options withResume(boolean value) {
            return new Options(subscribers, folder, userPins, value, maxRejects, shard, workers, listener);
        }

        public Options withUserPins(Optional<Path> value) {
            return new Options(subscribers, folder, value, resume, maxRejects, shard, workers, listener);
        }

        public Options withMaxRejects(long value) {
            return new Options(subscribers, folder, userPins, resume, value, shard, workers, listener);
        }

        public Options withShard(Shard value) {
            return new Options(subscribers, folder, userPins, resume, maxRejects, value, workers, listener);
        }

        public Options withWorkers(int value) {
            return new Options(subscribers, folder, userPins, resume, maxRejects, shard, value, listener);
        }

        public Options withListener(ProgressListener value) {
            return new Options(subscribers, folder, userPins, resume, maxRejects, shard, workers, value);
        }
    }

    /**
     * What a run made. {@code rejectReasons} counts the rejects by reason; {@code otherShards} the
     * rows left to other shards; {@code resumed} whether it continued an earlier run.
     */
    public record Summary(Path folder, long subscribers, long sms, long bytes, long rejects, Map<String, Long> rejectReasons,
            long otherShards, int smsPerSubscriber, Optional<Path> userPins, boolean resumed, boolean alreadyComplete) {
    }

    /** Too many rejected rows: the run stopped before generating; the reject file lists them. */
    public static final class TooManyRejectsException extends CampaignException {
        private static final long serialVersionUID = 1L;

        TooManyRejectsException(String message) {
            super(message);
        }
    }

    private final CampaignPlan plan;
    private final Options options;
    private final Path folder;

    private CampaignRun(CampaignPlan plan, Options options) {
        this.plan = plan;
        this.options = options;
        this.folder = options.folder().toAbsolutePath().normalize();
    }

    public static Summary run(CampaignPlan plan, Options options) throws CampaignException {
        try {
            return new CampaignRun(plan, options).run();
        } catch (IOException e) {
            throw new CampaignException("The campaign stopped: " + e.getMessage() + ". What was checkpointed is kept: fix the cause"
                    + " and run the same command with --resume.", e);
        }
    }

    private Summary run() throws IOException, CampaignException {
        Path subscribers = options.subscribers().toAbsolutePath().normalize();
        if (!Files.isRegularFile(subscribers)) {
            throw new CampaignException("The subscriber file " + options.subscribers() + " does not exist: give the path of a CSV file.");
        }
        Optional<Path> pins = options.userPins().map(p -> p.toAbsolutePath().normalize());
        if (plan.pins() == PinSource.GENERATED && pins.isEmpty()) {
            throw new CampaignException("The delivery makes a PIN for each subscriber ('pin generated'): name the file they go to"
                    + " with --user-pins FILE (outside the campaign folder; only you may read it).");
        }
        if (plan.pins() != PinSource.GENERATED && pins.isPresent()) {
            throw new CampaignException("The delivery makes no PINs (it has no 'pin generated'): leave out --user-pins.");
        }
        if (pins.isPresent() && (pins.get().startsWith(folder) || pins.get().equals(subscribers))) {
            throw new CampaignException("The PIN file " + pins.get() + " must be outside the campaign folder " + folder
                    + " (the folder goes to the sending machine) and must not be the subscriber file.");
        }
        if (subscribers.startsWith(folder)) {
            throw new CampaignException("The subscriber file " + subscribers + " is inside the campaign folder " + folder
                    + ": give a new folder for the campaign.");
        }

        Map<String, String> description = description(subscribers, pins);
        Optional<Properties> checkpoint = Optional.empty();
        boolean resumed = false;
        boolean described = false;
        if (Files.isDirectory(folder) && !isEmpty(folder)) {
            List<String> foreign = foreignFiles();
            if (!foreign.isEmpty()) {
                throw new CampaignException("The folder " + folder + " holds files that prov campaign did not write ("
                        + String.join(", ", foreign) + "): give a new or empty folder. Nothing was changed.");
            }
            // Only our own files and no description: a run stopped before it began; it starts again.
            if (Files.isRegularFile(folder.resolve(CampaignFile.DESCRIPTION))) {
                Properties existing = CampaignFile.description(folder);
                if (!options.resume()) {
                    throw new CampaignException("The folder " + folder + " already holds a " + ("complete".equals(existing.getProperty("state"))
                            ? "finished campaign:" : "campaign that did not finish: add --resume to continue it,")
                            + " or give a new folder. Nothing was changed.");
                }
                for (String key : List.of("plan", "subscribers-file", "subscribers-bytes", "shard", "user-pins")) {
                    if (!description.get(key).equals(existing.getProperty(key, ""))) {
                        throw new CampaignException("Cannot resume the campaign in " + folder + ": its " + key + " was "
                                + existing.getProperty(key) + " and is now " + description.get(key) + ". Resume with the same .prov"
                                + " files, scenario, subscriber file, --shard and --user-pins, or start in a new folder.");
                    }
                }
                if ("complete".equals(existing.getProperty("state"))) {
                    return summaryOf(existing, pins, true);
                }
                described = true;
                if (Files.isRegularFile(folder.resolve(CampaignFile.CHECKPOINT))) {
                    checkpoint = Optional.of(load(folder.resolve(CampaignFile.CHECKPOINT)));
                    resumed = true;
                }
            }
        }
        if (!described && pins.isPresent() && Files.exists(pins.get())) {
            throw new CampaignException("The PIN file " + pins.get() + " already exists, and a new campaign never writes over a file:"
                    + " give a new name, or move the old file away. Nothing was changed.");
        }

        long started = System.nanoTime();
        Files.createDirectories(folder);
        CampaignScan.Result scan;
        options.listener().progress(new Progress("checking", 0, Files.size(subscribers), 0, 0, 0, 0));
        try {
            scan = CampaignScan.scan(plan, subscribers, folder.resolve(CampaignFile.SCAN), options.shard(), options.maxRejects());
        } catch (CampaignScan.TooManyRejects e) {
            writeRejects(e.rejects);
            throw new TooManyRejectsException("More than " + options.maxRejects() + " rows of " + subscribers
                    + " are rejected; the first ones are in " + folder.resolve(CampaignFile.REJECTS) + ". Fix the file, or allow more"
                    + " with --max-rejects N. No message was generated.");
        }
        writeRejects(scan.rejects());

        Path submits = folder.resolve(CampaignFile.SUBMITS);
        byte[] pinKey = null;
        if (checkpoint.isEmpty()) {
            // Set-up, in an order that a kill at any point leaves resumable: description, PIN key, output, checkpoint.
            Durable.writeProperties(folder.resolve(CampaignFile.DESCRIPTION), withState(description, "running"));
            if (pins.isPresent()) {
                pinKey = Files.exists(pins.get()) ? readPinKey(pins.get()) : createPinFile(pins.get());
            }
            try (FileChannel channel = FileChannel.open(submits, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE)) {
                channel.write(ByteBuffer.wrap(CampaignFile.MAGIC));
                channel.force(true);
            }
            Map<String, String> first = new LinkedHashMap<>();
            first.put("input-offset", "0");
            first.put("input-line", "0");
            first.put("submits-bytes", String.valueOf(CampaignFile.MAGIC.length));
            first.put("pins-bytes", pins.isPresent() ? String.valueOf(pinHeaderLength(pins.get())) : "0");
            first.put("subscribers", "0");
            first.put("sms", "0");
            first.put("other-shards", "0");
            Durable.writeProperties(folder.resolve(CampaignFile.CHECKPOINT), first);
            checkpoint = Optional.of(load(folder.resolve(CampaignFile.CHECKPOINT)));
        } else if (pins.isPresent()) {
            pinKey = readPinKey(pins.get());
        }
        return generate(scan, subscribers, submits, pins, pinKey, checkpoint.get(), description, resumed, started);
    }

    private Summary generate(CampaignScan.Result scan, Path subscribers, Path submits, Optional<Path> pins, byte[] pinKey,
            Properties checkpoint, Map<String, String> description, boolean resumed, long started) throws IOException, CampaignException {
        long inputOffset = Long.parseLong(checkpoint.getProperty("input-offset"));
        long inputLine = Long.parseLong(checkpoint.getProperty("input-line"));
        long subscribersDone = Long.parseLong(checkpoint.getProperty("subscribers"));
        long sms = Long.parseLong(checkpoint.getProperty("sms"));
        long otherShards = Long.parseLong(checkpoint.getProperty("other-shards"));
        long inputSize = Files.size(subscribers);
        int workers = Math.max(1, options.workers());
        int inFlight = workers * 2;
        BlockingQueue<Batch> free = new ArrayBlockingQueue<>(inFlight + 2);
        for (int i = 0; i < inFlight + 2; i++) {
            free.add(new Batch());
        }
        BlockingQueue<Future<Batch>> ordered = new ArrayBlockingQueue<>(inFlight);
        ThreadLocal<Worker> perThread = ThreadLocal.withInitial(() -> new Worker(scan, pinKey));
        ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "campaign-worker");
            thread.setDaemon(true);
            return thread;
        });
        long startOffset = inputOffset;
        long startLine = inputLine;
        Thread reader = new Thread(() -> read(subscribers, startOffset, startLine, free, ordered, pool, perThread), "campaign-reader");
        reader.setDaemon(true);

        try (FileChannel out = FileChannel.open(submits, StandardOpenOption.WRITE);
                FileChannel pinOut = pins.isPresent() ? FileChannel.open(pins.get(), StandardOpenOption.WRITE) : null) {
            long submitsBytes = Long.parseLong(checkpoint.getProperty("submits-bytes"));
            long pinsBytes = Long.parseLong(checkpoint.getProperty("pins-bytes"));
            if (out.size() < submitsBytes || pinOut != null && pinOut.size() < pinsBytes) {
                throw new CampaignException("Cannot resume the campaign in " + folder + ": its files are shorter than its checkpoint"
                        + " says, so they were changed outside prov campaign. Start again in a new folder.");
            }
            // Whatever came after the checkpoint was not known to be on disk: it is made again.
            out.truncate(submitsBytes);
            out.position(submitsBytes);
            if (pinOut != null) {
                pinOut.truncate(pinsBytes);
                pinOut.position(pinsBytes);
            }
            reader.start();
            int sinceCheckpoint = 0;
            long lastProgress = 0;
            Batch last = null;
            while (true) {
                Batch batch;
                try {
                    batch = ordered.take().get();
                } catch (ExecutionException e) {
                    throw failure(e.getCause());
                }
                if (batch == null) {
                    break;
                }
                write(out, batch.records);
                if (pinOut != null) {
                    write(pinOut, batch.pins);
                }
                submitsBytes += batch.records.size();
                pinsBytes += batch.pins.size();
                subscribersDone += batch.subscribers;
                sms += batch.sms;
                otherShards += batch.otherShards;
                inputOffset = batch.endOffset;
                inputLine = batch.lastLine;
                if (++sinceCheckpoint == CHECKPOINT_BATCHES) {
                    checkpoint(out, pinOut, inputOffset, inputLine, submitsBytes, pinsBytes, subscribersDone, sms, otherShards);
                    sinceCheckpoint = 0;
                }
                long now = System.nanoTime();
                if (now - lastProgress > 200_000_000L) {
                    lastProgress = now;
                    options.listener().progress(new Progress("generating", inputOffset, inputSize, subscribersDone, sms,
                            scan.rejects().size(), now - started));
                }
                last = batch;
                free.put(batch);
            }
            out.force(true);
            if (pinOut != null) {
                pinOut.force(true);
            }
            Map<String, String> complete = withState(description, "complete");
            complete.put("subscribers", String.valueOf(subscribersDone));
            complete.put("sms", String.valueOf(sms));
            complete.put("submits-bytes", String.valueOf(submitsBytes));
            complete.put("rejects", String.valueOf(scan.rejects().size()));
            complete.put("other-shards", String.valueOf(otherShards));
            reasons(scan.rejects()).forEach((reason, count) -> complete.put("rejects." + reason.replace(' ', '-'), String.valueOf(count)));
            Durable.writeProperties(folder.resolve(CampaignFile.DESCRIPTION), complete);
            Files.deleteIfExists(folder.resolve(CampaignFile.CHECKPOINT));
            Durable.forceFolder(folder);
            options.listener().progress(new Progress("done", inputSize, inputSize, subscribersDone, sms, scan.rejects().size(),
                    System.nanoTime() - started));
            return new Summary(folder, subscribersDone, sms, submitsBytes, scan.rejects().size(), reasons(scan.rejects()), otherShards,
                    new SubscriberEncoder(plan).smsPerSubscriber(), pins, resumed, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CampaignException("The campaign was interrupted; run the same command with --resume to continue it.", e);
        } finally {
            reader.interrupt();
            pool.shutdownNow();
        }
    }

    private CampaignException failure(Throwable cause) {
        if (cause instanceof IOException io) {
            return new CampaignException("The campaign stopped: " + io.getMessage() + ". Fix the cause and run the same command"
                    + " with --resume.", io);
        }
        if (cause instanceof CampaignException campaign) {
            return campaign;
        }
        return new CampaignException("The campaign stopped: " + cause + ". What was checkpointed is kept; --resume continues from there.",
                cause);
    }

    private static void write(FileChannel channel, ByteSink sink) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(sink.array(), 0, sink.size());
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private void checkpoint(FileChannel out, FileChannel pinOut, long inputOffset, long inputLine, long submitsBytes, long pinsBytes,
            long subscribers, long sms, long otherShards) throws IOException {
        // Data first, then the checkpoint that vouches for it.
        out.force(false);
        if (pinOut != null) {
            pinOut.force(false);
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("input-offset", String.valueOf(inputOffset));
        values.put("input-line", String.valueOf(inputLine));
        values.put("submits-bytes", String.valueOf(submitsBytes));
        values.put("pins-bytes", String.valueOf(pinsBytes));
        values.put("subscribers", String.valueOf(subscribers));
        values.put("sms", String.valueOf(sms));
        values.put("other-shards", String.valueOf(otherShards));
        Durable.writeProperties(folder.resolve(CampaignFile.CHECKPOINT), values);
    }

    /** The reader thread: cuts the file into batches and hands them to the workers, in order. */
    private void read(Path subscribers, long offset, long line, BlockingQueue<Batch> free, BlockingQueue<Future<Batch>> ordered,
            ExecutorService pool, ThreadLocal<Worker> perThread) {
        try (LineReader reader = new LineReader(subscribers, offset)) {
            long number = line;
            Batch batch = free.take().reset(number + 1);
            while (reader.next()) {
                number++;
                batch.add(reader.bytes(), reader.start, reader.end);
                if (batch.lines == BATCH_LINES) {
                    batch.endOffset = reader.nextOffset;
                    batch.lastLine = number;
                    Batch full = batch;
                    ordered.put(pool.submit(() -> perThread.get().encode(full)));
                    batch = free.take().reset(number + 1);
                }
            }
            if (batch.lines > 0) {
                batch.endOffset = reader.nextOffset;
                batch.lastLine = number;
                Batch full = batch;
                ordered.put(pool.submit(() -> perThread.get().encode(full)));
            }
            ordered.put(CompletableFuture.completedFuture(null));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            try {
                ordered.put(CompletableFuture.failedFuture(e));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Lines in, records and PIN lines out; reused. */
    private static final class Batch {
        byte[] input = new byte[BATCH_LINES * 64];
        int[] starts = new int[BATCH_LINES];
        int[] ends = new int[BATCH_LINES];
        int lines;
        int used;
        long firstLine;
        long lastLine;
        long endOffset;
        final ByteSink records = new ByteSink(BATCH_LINES * 256);
        final ByteSink pins = new ByteSink(0);
        int subscribers;
        long sms;
        int otherShards;

        Batch reset(long first) {
            lines = 0;
            used = 0;
            firstLine = first;
            return this;
        }

        void add(byte[] bytes, int start, int end) {
            int length = end - start;
            if (used + length > input.length) {
                input = Arrays.copyOf(input, Math.max(input.length * 2, used + length));
            }
            System.arraycopy(bytes, start, input, used, length);
            starts[lines] = used;
            ends[lines] = used + length;
            used += length;
            lines++;
        }
    }

    /** One worker thread's encoder, row reader and PIN generator. */
    private final class Worker {
        private final CampaignScan.Result scan;
        private final SubscriberRows rows;
        private final SubscriberRows.Row row = new SubscriberRows.Row();
        private final SubscriberEncoder encoder = new SubscriberEncoder(plan);
        private final PinGenerator pinGenerator;
        private final int pinDigits;

        Worker(CampaignScan.Result scan, byte[] pinKey) {
            this.scan = scan;
            this.rows = new SubscriberRows(scan.layout(), plan.needsImsi(), plan.needsPinColumn());
            this.pinGenerator = pinKey == null ? null : new PinGenerator(pinKey);
            this.pinDigits = plan.method() == SecurityMethod.USERPINMAC ? GENERATED_PINMAC_RANDOM_DIGITS : GENERATED_PIN_DIGITS;
        }

        Batch encode(Batch batch) throws CampaignException {
            batch.records.clear();
            batch.pins.clear();
            batch.subscribers = 0;
            batch.sms = 0;
            batch.otherShards = 0;
            long[] rejected = scan.rejectedLines();
            for (int i = 0; i < batch.lines; i++) {
                long line = batch.firstLine + i;
                int start = batch.starts[i];
                if (line == 1 && batch.ends[i] - start >= 3 && batch.input[start] == (byte) 0xEF) {
                    start += 3;
                }
                if (line == scan.headerLine() || SubscriberRows.skipped(batch.input, start, batch.ends[i])
                        || Arrays.binarySearch(rejected, line) >= 0) {
                    continue;
                }
                if (!rows.read(batch.input, start, batch.ends[i], row)) {
                    if (!row.kind.beforeShard() && !options.shard().contains(row.msisdnKey)) {
                        batch.otherShards++;
                        continue;
                    }
                    throw new CampaignException("Line " + line + " of the subscriber file changed while the campaign ran ("
                            + row.kind.label + "): keep the file unchanged until the campaign is complete, and start again.");
                }
                if (!options.shard().contains(row.msisdnKey)) {
                    batch.otherShards++;
                    continue;
                }
                String pin = switch (plan.pins()) {
                    case NONE -> null;
                    case SHARED -> plan.sharedPin();
                    case COLUMN -> row.pin;
                    case GENERATED -> pinGenerator.pin(row.msisdn, pinDigits);
                };
                encoder.encode(row.msisdn, row.imsi, pin, batch.records);
                if (pinGenerator != null) {
                    batch.pins.ascii(PerSubscriberDeliveries.subscriberFolder(plan.deliveryFolder(), row.msisdn) + "," + row.msisdn + ","
                            + encoder.pinUsed() + "\n");
                }
                batch.subscribers++;
                batch.sms += encoder.smsPerSubscriber();
            }
            return batch;
        }
    }

    /** A generated USERPIN (USERPIN, USERNETWPIN) has this many digits, as {@code prov generate} makes them. */
    static final int GENERATED_PIN_DIGITS = 8;
    /** A generated USERPINMAC PIN is this many random digits and as many derived from the document. */
    static final int GENERATED_PINMAC_RANDOM_DIGITS = 4;

    private Map<String, String> description(Path subscribers, Optional<Path> pins) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("format", "MXCAMP01");
        values.put("scenario", plan.scenario());
        values.put("stage", String.valueOf(plan.stage()));
        values.put("delivery", plan.deliveryFolder());
        values.put("security", plan.method().getLiteral());
        values.put("plan", plan.digest());
        values.put("subscribers-file", subscribers.toString());
        values.put("subscribers-bytes", String.valueOf(Files.size(subscribers)));
        values.put("shard", options.shard().toString());
        values.put("user-pins", pins.map(Path::toString).orElse(""));
        values.put("sms-per-subscriber", String.valueOf(new SubscriberEncoder(plan).smsPerSubscriber()));
        return values;
    }

    private static Map<String, String> withState(Map<String, String> description, String state) {
        Map<String, String> values = new LinkedHashMap<>(description);
        values.put("state", state);
        return values;
    }

    private Summary summaryOf(Properties description, Optional<Path> pins, boolean alreadyComplete) {
        Map<String, Long> reasons = new LinkedHashMap<>();
        description.stringPropertyNames().stream().filter(k -> k.startsWith("rejects.")).sorted()
                .forEach(k -> reasons.put(k.substring("rejects.".length()).replace('-', ' '), Long.parseLong(description.getProperty(k))));
        return new Summary(folder, Long.parseLong(description.getProperty("subscribers")), Long.parseLong(description.getProperty("sms")),
                Long.parseLong(description.getProperty("submits-bytes")), Long.parseLong(description.getProperty("rejects")), reasons,
                Long.parseLong(description.getProperty("other-shards")),
                Integer.parseInt(description.getProperty("sms-per-subscriber")), pins, true, alreadyComplete);
    }

    private static Map<String, Long> reasons(List<Reject> rejects) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (SubscriberRows.Kind kind : SubscriberRows.Kind.values()) {
            long count = rejects.stream().filter(r -> r.kind() == kind).count();
            if (count > 0) {
                counts.put(kind.label, count);
            }
        }
        return counts;
    }

    private void writeRejects(List<Reject> rejects) throws IOException {
        StringBuilder csv = new StringBuilder("line,reason,detail\n");
        for (Reject reject : rejects) {
            csv.append(reject.line()).append(',').append(reject.kind().label).append(",\"")
                    .append(reject.detail().replace("\"", "\"\"")).append("\"\n");
        }
        Durable.write(folder.resolve(CampaignFile.REJECTS), csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A new PIN file, owner-only from its first byte, holding the campaign's PIN key. */
    private static byte[] createPinFile(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        String header = PIN_FILE_MARK + HexFormat.of().formatHex(key)
                + " (it regenerates these PINs on --resume: keep this file as secret as the PINs)\ndelivery,msisdn,pin\n";
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(header.getBytes(StandardCharsets.US_ASCII)));
            channel.force(true);
        }
        Durable.forceFolder(file.toAbsolutePath().getParent());
        return key;
    }

    /** The PIN file's two header lines: what a fresh run's checkpoint vouches for. */
    private static long pinHeaderLength(Path file) throws IOException {
        byte[] start = new byte[512];
        int read;
        try (var in = Files.newInputStream(file)) {
            read = in.readNBytes(start, 0, start.length);
        }
        int newlines = 0;
        for (int i = 0; i < read; i++) {
            if (start[i] == '\n' && ++newlines == 2) {
                return i + 1;
            }
        }
        throw new IOException(file + " does not start with the PIN file's two header lines");
    }

    private static byte[] readPinKey(Path file) throws IOException, CampaignException {
        String first;
        try (var lines = Files.lines(file, StandardCharsets.US_ASCII)) {
            first = lines.findFirst().orElse("");
        } catch (java.nio.file.NoSuchFileException e) {
            throw new CampaignException("Cannot resume: the PIN file " + file + " is gone, and without its key the PINs already sent"
                    + " cannot be made again. Start a new campaign in a new folder.");
        }
        if (!first.startsWith(PIN_FILE_MARK)) {
            throw new CampaignException("Cannot resume: " + file + " is not the PIN file of this campaign (its first line is not the"
                    + " campaign's PIN key). Name the PIN file the first run wrote.");
        }
        return HexFormat.of().parseHex(first.substring(PIN_FILE_MARK.length(), PIN_FILE_MARK.length() + 64));
    }

    private List<String> foreignFiles() throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).filter(name -> !OUR_FILES.contains(name)).sorted().toList();
        }
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    private Properties load(Path file) throws IOException, CampaignException {
        if (!Files.isRegularFile(file)) {
            throw new CampaignException("Cannot resume the campaign in " + folder + ": it has no " + file.getFileName()
                    + ". Start again in a new folder.");
        }
        Properties properties = new Properties();
        try (var in = Files.newInputStream(file)) {
            properties.load(in);
        }
        return properties;
    }
}
