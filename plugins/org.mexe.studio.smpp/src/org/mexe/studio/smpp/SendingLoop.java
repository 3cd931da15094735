package org.mexe.studio.smpp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.mexe.studio.generator.campaign.CampaignException;
import org.mexe.studio.generator.campaign.CampaignFile;

/**
 * The sending loop every transport shares (SMPP binds, Kannel's sendsms): reads a complete
 * campaign folder, skips the segments {@link SendLog} already holds an answer for, logs each block
 * as going out before handing it to {@code window} worker threads, holds them to {@code rate} per
 * second, retries what the transport reports busy or broken, and logs each answer as it comes.
 * {@link #stop()} lets the outstanding submissions finish and log, so a stopped and restarted
 * campaign reaches each segment exactly once.
 */
final class SendingLoop {

    /** One segment to submit: segment {@code index} of record {@code record}, to {@code msisdn}. */
    record Segment(long record, int index, String msisdn, byte[] tpdu) {

        String name() {
            return record + "." + index;
        }
    }

    /** What the network said of one submission. */
    sealed interface Outcome {
        /** Taken; {@code id} is what the log keeps (the SMSC's message id, Kannel's answer). */
        record Accepted(String id) implements Outcome {
        }

        /** Refused for good; {@code reason} is what the log keeps (one line). */
        record Refused(String reason) implements Outcome {
        }

        /** Not taken now (throttled, queue full): try again after a pause, without limit. */
        record Busy() implements Outcome {
        }

        /** The link failed: {@link Transport#recover} it and try again, a bounded number of times. */
        record Broken(Exception cause) implements Outcome {
        }
    }

    /** How segments reach the network. Calls come from {@code window} threads at once. */
    interface Transport {

        /** Binds or connects; called once, after the send log is open. */
        void open() throws SendException, IOException;

        Outcome submit(Segment segment, int worker) throws SendException, IOException, InterruptedException;

        /** Repairs what {@code worker}'s last submission found broken, before try number {@code attempt}. */
        void recover(int worker, int attempt) throws SendException, InterruptedException;

        /** Delivery receipts recorded so far. */
        default long receipts() {
            return 0;
        }

        void close();
    }

    private static final int MAX_TRIES = 8;
    /** Segments are logged as going out a block at a time (one write), before any of them is handed to the window. */
    private static final int BLOCK = 64;
    private static final Segment END = new Segment(-1, -1, null, null);

    private final Path campaign;
    private final int window;
    private final int rate;
    private final boolean resendInDoubt;
    private final Consumer<String> progress;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private volatile boolean stopping;
    private long nextSlot;

    SendingLoop(Path campaign, int window, int rate, boolean resendInDoubt, Consumer<String> progress) {
        this.campaign = campaign;
        this.window = Math.max(1, window);
        this.rate = rate;
        this.resendInDoubt = resendInDoubt;
        this.progress = progress;
    }

    /** Stops taking segments; those outstanding finish and are logged. */
    void stop() {
        stopping = true;
    }

    /** Records a failure that must end the run (a transport's background thread may call this). */
    void fail(Exception cause) {
        failure.compareAndSet(null, cause);
    }

    CampaignSender.Result run(Transport transport) throws SendException {
        Properties description;
        try {
            description = CampaignFile.description(campaign);
        } catch (CampaignException e) {
            throw new SendException(e.getMessage(), e);
        }
        if (!"complete".equals(description.getProperty("state"))) {
            throw new SendException("The campaign in " + campaign + " is not complete: finish it with prov campaign --resume"
                    + " before sending.");
        }
        int perRecord = Integer.parseInt(description.getProperty("sms-per-subscriber"));
        long total = Long.parseLong(description.getProperty("sms"));
        try (SendLog log = new SendLog(campaign, perRecord)) {
            long alreadyAccepted = log.accepted;
            long inDoubt = log.inDoubt.cardinality();
            transport.open();
            BlockingQueue<Segment> queue = new ArrayBlockingQueue<>(Math.max(16, window * 2));
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < window; i++) {
                int worker = i;
                Thread thread = new Thread(() -> work(transport, queue, log, worker), "send-window-" + i);
                thread.setDaemon(true);
                thread.start();
                workers.add(thread);
            }
            long started = System.nanoTime();
            long lastReport = started;
            try (CampaignFile.Reader reader = new CampaignFile.Reader(campaign.resolve(CampaignFile.SUBMITS))) {
                List<Segment> block = new ArrayList<>(BLOCK);
                for (CampaignFile.Message message = reader.next(); message != null && !stopping && failure.get() == null;
                        message = reader.next()) {
                    for (int k = 0; k < message.tpdus().size(); k++) {
                        int index = log.index(message.index(), k);
                        if (log.done.get(index) || log.inDoubt.get(index) && !resendInDoubt) {
                            continue;
                        }
                        block.add(new Segment(message.index(), k, message.msisdn(), message.tpdus().get(k)));
                        if (block.size() == BLOCK) {
                            hand(block, queue, log);
                        }
                    }
                    long now = System.nanoTime();
                    if (now - lastReport > 10_000_000_000L) {
                        lastReport = now;
                        progress.accept(String.format(Locale.ROOT, "%,d of %,d segments accepted, %,.0f/s", alreadyAccepted + sent.get(),
                                total, sent.get() / ((now - started) / 1e9)));
                    }
                }
                if (!stopping && failure.get() == null) {
                    hand(block, queue, log);
                }
            } finally {
                for (int i = 0; i < workers.size(); i++) {
                    queue.put(END);
                }
                for (Thread worker : workers) {
                    worker.join();
                }
            }
            if (failure.get() != null) {
                throw new SendException("Sending stopped: " + failure.get().getMessage() + ". The accepted segments are logged in "
                        + campaign.resolve(SendLog.FILE) + "; run the same command again to continue.", failure.get());
            }
            log.force();
            return new CampaignSender.Result(total, sent.get(), alreadyAccepted, inDoubt, refused.get(), transport.receipts());
        } catch (IOException e) {
            throw new SendException("Sending stopped: " + e.getMessage() + ". Run the same command again to continue.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendException("Sending was interrupted; run the same command again to continue.", e);
        } finally {
            transport.close();
        }
    }

    private static void hand(List<Segment> block, BlockingQueue<Segment> queue, SendLog log) throws IOException, InterruptedException {
        if (block.isEmpty()) {
            return;
        }
        StringBuilder lines = new StringBuilder(block.size() * 16);
        for (Segment segment : block) {
            lines.append("S ").append(segment.name()).append('\n');
        }
        log.append(lines.toString());
        for (Segment segment : block) {
            queue.put(segment);
        }
        block.clear();
    }

    private void work(Transport transport, BlockingQueue<Segment> queue, SendLog log, int worker) {
        try {
            while (true) {
                Segment segment = queue.take();
                if (segment == END) {
                    return;
                }
                if (failure.get() == null) {
                    try {
                        submit(transport, segment, log, worker);
                    } catch (IOException | SendException e) {
                        // Keep taking segments (and dropping them) until END, so the reader never blocks on a full queue.
                        fail(e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void submit(Transport transport, Segment segment, SendLog log, int worker) throws IOException, SendException,
            InterruptedException {
        int busy = 0;
        int tries = 0;
        while (true) {
            pace();
            switch (transport.submit(segment, worker)) {
                case Outcome.Accepted accepted -> {
                    log.accepted(segment.record(), segment.index(), accepted.id());
                    sent.incrementAndGet();
                    return;
                }
                case Outcome.Refused refusal -> {
                    log.refused(segment.record(), segment.index(), refusal.reason());
                    refused.incrementAndGet();
                    return;
                }
                case Outcome.Busy b -> Thread.sleep(Math.min(1000, 50L << Math.min(busy++, 4)));
                case Outcome.Broken broken -> {
                    if (++tries > MAX_TRIES) {
                        throw new SendException("segment " + segment.name() + " could not be submitted after " + MAX_TRIES + " tries: "
                                + broken.cause().getMessage(), broken.cause());
                    }
                    transport.recover(worker, tries);
                }
            }
        }
    }

    /** Holds every worker to the rate: each takes the next free slot on a shared timeline. */
    private void pace() throws InterruptedException {
        if (rate <= 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            nextSlot = Math.max(nextSlot, now) + 1_000_000_000L / rate;
            wait = nextSlot - now - 1_000_000_000L / rate;
        }
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
