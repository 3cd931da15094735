package org.mexe.studio.smpp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.mexe.studio.generator.campaign.CampaignException;
import org.mexe.studio.generator.campaign.CampaignFile;

/**
 * Submits a campaign folder's segments over SMPP 3.4 (jsmpp): one submit_sm per TPDU, its TP-UD
 * (user data header and data) as the short message with esm_class 0x40, TP-PID and TP-DCS as
 * protocol_id and data_coding, to the record's MSISDN.
 * <p>
 * {@code window} worker threads each keep one submit_sm outstanding, spread over every bind to
 * every SMSC address; a shared pacer holds them to {@code rate} per second. A bind that fails is
 * reconnected with back-off, and its segment retried. Every accepted segment is logged
 * ({@link SendLog}) before the next is taken, so a restart sends only what the SMSC has not
 * accepted. {@link #stop()} (the CLI calls it on SIGTERM) lets the outstanding submits finish, so
 * that a stopped and restarted campaign reaches each handset exactly once. A sender killed
 * outright (SIGKILL, power) leaves up to {@code window} segments in doubt; they are sent again
 * unless {@code resendInDoubt} is off, and a handset drops a duplicate segment of a concatenated
 * message it already holds.
 */
public final class CampaignSender {

    private static final int ESME_RMSGQFUL = 0x14;
    private static final int ESME_RTHROTTLED = 0x58;
    private static final int MAX_RECONNECTS = 8;

    /** An SMSC address. */
    public record Smsc(String host, int port) {

        public static Smsc parse(String text) {
            int colon = text.lastIndexOf(':');
            try {
                if (colon > 0) {
                    return new Smsc(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
                }
            } catch (NumberFormatException e) {
                // the message below
            }
            throw new IllegalArgumentException("'" + text + "' is not HOST:PORT, for example smsc.example.net:2775");
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    /**
     * @param bindsPerSmsc binds to each address
     * @param window       submit_sm outstanding at once, over all binds
     * @param rate         submit_sm per second at most, 0 for no limit
     * @param receipts     ask for delivery receipts (binds as transceiver) and record them in receipts.log
     * @param source       the source address, empty for the SMSC's default
     */
    public record Options(Path campaign, List<Smsc> smscs, int bindsPerSmsc, String systemId, String password, String systemType,
            int window, int rate, boolean receipts, boolean resendInDoubt, String source, Consumer<String> progress) {
    }

    /** What a run did: segments in the campaign, sent now, already accepted before, in doubt at the start, refused, receipts. */
    public record Result(long segments, long sent, long alreadyAccepted, long inDoubt, long refused, long receipts) {
    }

    public static final String RECEIPTS = "receipts.log";

    private final Options options;
    private final List<SMPPSession> sessions = new ArrayList<>();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong receipts = new AtomicLong();
    private volatile boolean stopping;
    private long nextSlot;
    private FileChannel receiptLog;

    public CampaignSender(Options options) {
        this.options = options;
    }

    /** Stops taking segments; those outstanding finish and are logged. */
    public void stop() {
        stopping = true;
    }

    private record Segment(long record, int index, String msisdn, byte[] tpdu) {
    }

    private static final Segment END = new Segment(-1, -1, null, null);

    public Result send() throws SendException {
        Properties description;
        try {
            description = CampaignFile.description(options.campaign());
        } catch (CampaignException e) {
            throw new SendException(e.getMessage(), e);
        }
        if (!"complete".equals(description.getProperty("state"))) {
            throw new SendException("The campaign in " + options.campaign() + " is not complete: finish it with prov campaign --resume"
                    + " before sending.");
        }
        int perRecord = Integer.parseInt(description.getProperty("sms-per-subscriber"));
        long total = Long.parseLong(description.getProperty("sms"));
        try (SendLog log = new SendLog(options.campaign(), perRecord)) {
            long alreadyAccepted = log.accepted;
            long inDoubt = log.inDoubt.cardinality();
            if (options.receipts()) {
                receiptLog = FileChannel.open(options.campaign().resolve(RECEIPTS), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
            }
            for (Smsc smsc : options.smscs()) {
                for (int i = 0; i < options.bindsPerSmsc(); i++) {
                    sessions.add(bind(smsc));
                }
            }
            BlockingQueue<Segment> queue = new ArrayBlockingQueue<>(Math.max(16, options.window() * 2));
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < options.window(); i++) {
                int slot = i % sessions.size();
                Thread worker = new Thread(() -> work(queue, log, slot), "smpp-window-" + i);
                worker.setDaemon(true);
                worker.start();
                workers.add(worker);
            }
            long started = System.nanoTime();
            long lastReport = started;
            try (CampaignFile.Reader reader = new CampaignFile.Reader(options.campaign().resolve(CampaignFile.SUBMITS))) {
                List<Segment> block = new ArrayList<>(BLOCK);
                for (CampaignFile.Message message = reader.next(); message != null && !stopping && failure.get() == null;
                        message = reader.next()) {
                    for (int k = 0; k < message.tpdus().size(); k++) {
                        int index = log.index(message.index(), k);
                        if (log.done.get(index) || log.inDoubt.get(index) && !options.resendInDoubt()) {
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
                        options.progress().accept(String.format(java.util.Locale.ROOT, "%,d of %,d segments accepted, %,.0f/s",
                                alreadyAccepted + sent.get(), total, sent.get() / ((now - started) / 1e9)));
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
                        + options.campaign().resolve(SendLog.FILE) + "; run the same command again to continue.", failure.get());
            }
            log.force();
            return new Result(total, sent.get(), alreadyAccepted, inDoubt, refused.get(), receipts.get());
        } catch (IOException e) {
            throw new SendException("Sending stopped: " + e.getMessage() + ". Run the same command again to continue.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SendException("Sending was interrupted; run the same command again to continue.", e);
        } finally {
            sessions.forEach(SMPPSession::unbindAndClose);
            if (receiptLog != null) {
                try {
                    receiptLog.close();
                } catch (IOException ignored) {
                    // the receipts written so far are on disk
                }
            }
        }
    }

    /** Segments are logged as going out a block at a time (one write), before any of them is handed to the window. */
    private static final int BLOCK = 64;

    private static void hand(List<Segment> block, BlockingQueue<Segment> queue, SendLog log) throws IOException, InterruptedException {
        if (block.isEmpty()) {
            return;
        }
        StringBuilder lines = new StringBuilder(block.size() * 16);
        for (Segment segment : block) {
            lines.append("S ").append(segment.record()).append('.').append(segment.index()).append('\n');
        }
        log.append(lines.toString());
        for (Segment segment : block) {
            queue.put(segment);
        }
        block.clear();
    }

    private void work(BlockingQueue<Segment> queue, SendLog log, int slot) {
        try {
            while (true) {
                Segment segment = queue.take();
                if (segment == END) {
                    return;
                }
                if (failure.get() != null) {
                    continue;
                }
                submit(segment, log, slot);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | SendException e) {
            failure.compareAndSet(null, e);
        }
    }

    private void submit(Segment segment, SendLog log, int slot) throws IOException, SendException, InterruptedException {
        Submission submission = Submission.of(segment.tpdu(), segment.msisdn());
        int attempt = 0;
        while (true) {
            pace();
            SMPPSession session = session(slot);
            try {
                String id = submission.submit(session, options.source(), options.receipts());
                log.accepted(segment.record(), segment.index(), id);
                sent.incrementAndGet();
                return;
            } catch (NegativeResponseException e) {
                if (e.getCommandStatus() == ESME_RTHROTTLED || e.getCommandStatus() == ESME_RMSGQFUL) {
                    Thread.sleep(Math.min(1000, 50L << Math.min(attempt++, 4)));
                    continue;
                }
                log.refused(segment.record(), segment.index(), e.getCommandStatus());
                refused.incrementAndGet();
                return;
            } catch (ResponseTimeoutException | InvalidResponseException | PDUException | IOException e) {
                if (++attempt > MAX_RECONNECTS) {
                    throw new SendException("segment " + segment.record() + "." + segment.index() + " could not be submitted after "
                            + MAX_RECONNECTS + " tries: " + e.getMessage(), e);
                }
                reconnect(slot, session, attempt);
            }
        }
    }

    /** Holds every worker to the rate: each takes the next free slot on a shared timeline. */
    private void pace() throws InterruptedException {
        if (options.rate() <= 0) {
            return;
        }
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            nextSlot = Math.max(nextSlot, now) + 1_000_000_000L / options.rate();
            wait = nextSlot - now - 1_000_000_000L / options.rate();
        }
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    private SMPPSession session(int slot) {
        synchronized (sessions) {
            return sessions.get(slot);
        }
    }

    private void reconnect(int slot, SMPPSession broken, int attempt) throws InterruptedException, SendException {
        synchronized (sessions) {
            if (sessions.get(slot) != broken && sessions.get(slot).getSessionState().isBound()) {
                return; // another worker already reconnected it
            }
            broken.unbindAndClose();
            Smsc smsc = options.smscs().get(slot / options.bindsPerSmsc());
            Thread.sleep(Math.min(30_000, 250L << Math.min(attempt, 7)));
            sessions.set(slot, bind(smsc));
        }
    }

    /** SMPP 3.4 passwords are C-octet strings of at most 9 octets with the NUL. */
    private static final int MAX_PASSWORD = 8;

    private SMPPSession bind(Smsc smsc) throws SendException {
        if (options.password().length() > MAX_PASSWORD) {
            // Never the password, not even its length.
            throw new SendException("The SMPP password is longer than the " + MAX_PASSWORD + " characters SMPP 3.4 allows:"
                    + " check that the variable or file holds the password alone.");
        }
        SMPPSession session = new SMPPSession();
        session.setTransactionTimer(10_000);
        session.setEnquireLinkTimer(30_000);
        if (options.receipts()) {
            session.setMessageReceiverListener(new Receipts());
        }
        try {
            session.connectAndBind(smsc.host(), smsc.port(), new BindParameter(options.receipts() ? BindType.BIND_TRX : BindType.BIND_TX,
                    options.systemId(), options.password(), options.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
                    null));
            return session;
        } catch (IOException e) {
            session.close();
            // Never the password.
            String reason = String.valueOf(e.getMessage());
            if (!options.password().isEmpty()) {
                reason = reason.replace(options.password(), "****"); // libraries quote what they reject
            }
            throw new SendException("Cannot bind to the SMSC at " + smsc + " as " + options.systemId() + ": " + reason
                    + ". Check the address, the system id and the password.");
        }
    }

    private final class Receipts implements MessageReceiverListener {

        @Override
        public void onAcceptDeliverSm(DeliverSm deliver) {
            if (!deliver.isSmscDeliveryReceipt()) {
                return;
            }
            String text = new String(deliver.getShortMessage(), StandardCharsets.ISO_8859_1).replace('\n', ' ');
            try {
                synchronized (receiptLog) {
                    ByteBuffer line = ByteBuffer.wrap((deliver.getSourceAddr() + " " + text + "\n").getBytes(StandardCharsets.ISO_8859_1));
                    while (line.hasRemaining()) {
                        receiptLog.write(line);
                    }
                }
                receipts.incrementAndGet();
            } catch (IOException e) {
                failure.compareAndSet(null, e);
            }
        }

        @Override
        public void onAcceptAlertNotification(org.jsmpp.bean.AlertNotification alert) {
            // nothing to do: alerts say a handset is reachable again
        }

        @Override
        public org.jsmpp.session.DataSmResult onAcceptDataSm(org.jsmpp.bean.DataSm data, org.jsmpp.session.Session session)
                throws org.jsmpp.extra.ProcessRequestException {
            throw new org.jsmpp.extra.ProcessRequestException("data_sm is not expected", 0x03);
        }
    }

    static boolean bound(SMPPSession session) {
        return session.getSessionState() != SessionState.CLOSED;
    }
}
