package org.mexe.studio.smpp;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;

/**
 * Submits a campaign folder's segments over SMPP 3.4 (jsmpp): one submit_sm per TPDU, its TP-UD
 * (user data header and data) as the short message with esm_class 0x40, TP-PID and TP-DCS as
 * protocol_id and data_coding, to the record's MSISDN.
 * <p>
 * {@code window} worker threads of the {@link SendingLoop} (shared with {@link KannelSender}) each keep
 * one submit_sm outstanding, spread over every bind to every SMSC address; a shared pacer holds them
 * to {@code rate} per second. A bind that fails is reconnected with back-off, and its segment
 * retried. Every accepted segment is logged ({@link SendLog}) before the next is taken, so a restart
 * sends only what the SMSC has not accepted. {@link #stop()} (the CLI calls it on SIGTERM) lets the outstanding submits finish, so
 * that a stopped and restarted campaign reaches each handset exactly once. A sender killed
 * outright (SIGKILL, power) leaves up to {@code window} segments in doubt; they are sent again
 * unless {@code resendInDoubt} is off, and a handset drops a duplicate segment of a concatenated
 * message it already holds.
 */
public final class CampaignSender implements Sender {

    private static final int ESME_RMSGQFUL = 0x14;
    private static final int ESME_RTHROTTLED = 0x58;

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
    private final SendingLoop loop;
    private final List<SMPPSession> sessions = new ArrayList<>();
    /** The session each worker used last: the one {@link #recover} replaces when it broke. */
    private final SMPPSession[] used;
    private final AtomicLong receipts = new AtomicLong();
    private FileChannel receiptLog;

    public CampaignSender(Options options) {
        this.options = options;
        this.loop = new SendingLoop(options.campaign(), options.window(), options.rate(), options.resendInDoubt(), options.progress());
        this.used = new SMPPSession[Math.max(1, options.window())];
    }

    /** Stops taking segments; those outstanding finish and are logged. */
    @Override
    public void stop() {
        loop.stop();
    }

    @Override
    public Result send() throws SendException {
        return loop.run(new Smpp());
    }

    /** The SMPP side of the loop: binds, submit_sm, reconnects and receipts. */
    private final class Smpp implements SendingLoop.Transport {

        @Override
        public void open() throws SendException, IOException {
            if (options.receipts()) {
                receiptLog = FileChannel.open(options.campaign().resolve(RECEIPTS), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.APPEND);
            }
            for (Smsc smsc : options.smscs()) {
                for (int i = 0; i < options.bindsPerSmsc(); i++) {
                    sessions.add(bind(smsc));
                }
            }
        }

        @Override
        public SendingLoop.Outcome submit(SendingLoop.Segment segment, int worker) {
            Submission submission = Submission.of(segment.tpdu(), segment.msisdn());
            SMPPSession session = session(worker % sessions.size());
            used[worker] = session;
            try {
                return new SendingLoop.Outcome.Accepted(submission.submit(session, options.source(), options.receipts()));
            } catch (NegativeResponseException e) {
                if (e.getCommandStatus() == ESME_RTHROTTLED || e.getCommandStatus() == ESME_RMSGQFUL) {
                    return new SendingLoop.Outcome.Busy();
                }
                return new SendingLoop.Outcome.Refused(Integer.toHexString(e.getCommandStatus()));
            } catch (ResponseTimeoutException | InvalidResponseException | PDUException | IOException e) {
                return new SendingLoop.Outcome.Broken(e);
            }
        }

        @Override
        public void recover(int worker, int attempt) throws SendException, InterruptedException {
            int slot = worker % sessions.size();
            SMPPSession broken = used[worker];
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

        @Override
        public long receipts() {
            return receipts.get();
        }

        @Override
        public void close() {
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

    private SMPPSession session(int slot) {
        synchronized (sessions) {
            return sessions.get(slot);
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
                loop.fail(e);
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
}
