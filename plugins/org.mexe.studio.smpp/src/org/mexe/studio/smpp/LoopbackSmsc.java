package org.mexe.studio.smpp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.MessageId;

/**
 * A small SMSC on the loopback interface for tests and end-to-end runs: accepts
 * bind_transmitter and bind_transceiver with one system id and password, answers every
 * submit_sm with a message id, records what it received, and, when the ESME asks for them and
 * the SMSC is told to, sends delivery receipts over transceiver binds. Built on jsmpp's
 * {@link SMPPServerSessionListener}.
 * <p>
 * With {@link #routeToHandsets(String)} it is also the mobile network's side: a simulated handset
 * binds as a receiver with its MSISDN as system id, and every submit_sm to that MSISDN reaches it
 * as a deliver_sm with the ESM class (UDHI), PID, DCS and octets as submitted, in order of arrival.
 */
public final class LoopbackSmsc implements AutoCloseable {

    /** One submit_sm as received: who bound, where it goes, and the message's octets. */
    public record Received(String systemId, String destination, int destinationTon, int esmClass, int protocolId, int dataCoding,
            int registeredDelivery, byte[] shortMessage, String messageId) {

        /** Destination and content: what tells one segment from another. */
        public String key() {
            return destination + "/" + HexFormat.of().formatHex(shortMessage);
        }
    }

    private static final int ESME_RINVPASWD = 0x0E;

    private final SMPPServerSessionListener listener;
    private final String systemId;
    private final String password;
    private final boolean record;
    private final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final AtomicLong submits = new AtomicLong();
    private final AtomicLong nextId = new AtomicLong(1);
    private final ExecutorService sessions = Executors.newCachedThreadPool(daemon("loopback-smsc-session"));
    private final ExecutorService receipts = Executors.newSingleThreadExecutor(daemon("loopback-smsc-receipts"));
    private final List<SMPPServerSession> open = new ArrayList<>();
    /** Receiver binds of handsets, by MSISDN digits. */
    private final java.util.Map<String, SMPPServerSession> handsets = new java.util.concurrent.ConcurrentHashMap<>();
    private final ExecutorService mobileTerminated = Executors.newSingleThreadExecutor(daemon("loopback-smsc-mt"));
    private final AtomicLong undeliverable = new AtomicLong();
    private volatile String handsetPassword;
    private final Thread acceptor;
    private final int port;
    private volatile boolean sendReceipts;
    private volatile boolean closed;

    /**
     * Listens on 127.0.0.1 at an OS-picked port.
     *
     * @param record whether to keep every message (tests); without it only the count is kept (benchmarks)
     */
    public LoopbackSmsc(String systemId, String password, boolean record) throws IOException {
        this.systemId = systemId;
        this.password = password;
        this.record = record;
        ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.port = socket.getLocalPort();
        listener = new SMPPServerSessionListener(0, new ServerConnectionFactory() {
            @Override
            public ServerConnection listen(int port) {
                return new ServerSocketConnection(socket);
            }

            @Override
            public ServerConnection listen(int port, int timeout) throws IOException {
                socket.setSoTimeout(timeout);
                return new ServerSocketConnection(socket);
            }

            @Override
            public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
                socket.setSoTimeout(timeout);
                return new ServerSocketConnection(socket);
            }
        });
        listener.setPduProcessorDegree(2);
        listener.setQueueCapacity(1000);
        listener.setMessageReceiverListener(new Receiver());
        acceptor = new Thread(this::accept, "loopback-smsc-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The port the SMSC listens on, on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** Send a delivery receipt for every submit_sm that asks for one (over transceiver binds). */
    public LoopbackSmsc sendReceipts(boolean value) {
        sendReceipts = value;
        return this;
    }

    /**
     * Routes each submit_sm to the handset bound as a receiver with the destination MSISDN as system
     * id (digits, with or without '+') and this password.
     */
    public LoopbackSmsc routeToHandsets(String password) {
        handsetPassword = password;
        return this;
    }

    /** How many submit_sm had no handset bound for their destination while routing to handsets. */
    public long undeliverable() {
        return undeliverable.get();
    }

    /** How many submit_sm were accepted. */
    public long submits() {
        return submits.get();
    }

    /** What was received, in order of arrival (empty unless recording). */
    public List<Received> received() {
        return List.copyOf(received);
    }

    private void accept() {
        while (!closed) {
            try {
                SMPPServerSession session = listener.accept();
                synchronized (open) {
                    open.add(session);
                }
                sessions.execute(() -> bind(session));
            } catch (IOException e) {
                if (!closed) {
                    // A failed accept must not end the SMSC; the next client gets a new try.
                    continue;
                }
            }
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(5_000);
            boolean allowed = (request.getBindType() == BindType.BIND_TX || request.getBindType() == BindType.BIND_TRX)
                    && systemId.equals(request.getSystemId()) && password.equals(request.getPassword());
            String handset = digits(request.getSystemId());
            boolean isHandset = request.getBindType() == BindType.BIND_RX && handsetPassword != null && !handset.isEmpty()
                    && handsetPassword.equals(request.getPassword());
            if (allowed) {
                request.accept(systemId);
            } else if (isHandset) {
                request.accept(systemId);
                handsets.put(handset, session);
            } else {
                request.reject(ESME_RINVPASWD);
            }
        } catch (IOException | TimeoutException | IllegalStateException | org.jsmpp.PDUStringException e) {
            session.close();
        }
    }

    private final class Receiver implements ServerMessageReceiverListener {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession session) throws ProcessRequestException {
            String id = Long.toHexString(nextId.getAndIncrement());
            if (record) {
                received.add(new Received(systemId, submit.getDestAddress(), submit.getDestAddrTon(), submit.getEsmClass(),
                        submit.getProtocolId(), submit.getDataCoding(), submit.getRegisteredDelivery(), submit.getShortMessage(), id));
            }
            submits.incrementAndGet();
            boolean delivered = true;
            if (handsetPassword != null) {
                SMPPServerSession handset = handsets.get(digits(submit.getDestAddress()));
                delivered = handset != null;
                if (delivered) {
                    mobileTerminated.execute(() -> deliver(handset, submit));
                } else {
                    undeliverable.incrementAndGet();
                }
            }
            if (sendReceipts && (submit.getRegisteredDelivery() & 0x03) != 0) {
                boolean status = delivered;
                receipts.execute(() -> receipt(session, submit, id, status));
            }
            try {
                return new SubmitSmResult(new MessageId(id), new org.jsmpp.bean.OptionalParameter[0]);
            } catch (org.jsmpp.PDUStringException e) {
                throw new ProcessRequestException("message id " + id, 0x08);
            }
        }

        @Override
        public org.jsmpp.session.SubmitMultiResult onAcceptSubmitMulti(org.jsmpp.bean.SubmitMulti m, SMPPServerSession s)
                throws ProcessRequestException {
            throw new ProcessRequestException("submit_multi is not supported", 0x03);
        }

        @Override
        public org.jsmpp.session.QuerySmResult onAcceptQuerySm(org.jsmpp.bean.QuerySm q, SMPPServerSession s)
                throws ProcessRequestException {
            throw new ProcessRequestException("query_sm is not supported", 0x03);
        }

        @Override
        public void onAcceptReplaceSm(org.jsmpp.bean.ReplaceSm r, SMPPServerSession s) throws ProcessRequestException {
            throw new ProcessRequestException("replace_sm is not supported", 0x03);
        }

        @Override
        public void onAcceptCancelSm(org.jsmpp.bean.CancelSm c, SMPPServerSession s) throws ProcessRequestException {
            throw new ProcessRequestException("cancel_sm is not supported", 0x03);
        }

        @Override
        public org.jsmpp.session.BroadcastSmResult onAcceptBroadcastSm(org.jsmpp.bean.BroadcastSm b, SMPPServerSession s)
                throws ProcessRequestException {
            throw new ProcessRequestException("broadcast_sm is not supported", 0x03);
        }

        @Override
        public void onAcceptCancelBroadcastSm(org.jsmpp.bean.CancelBroadcastSm c, SMPPServerSession s) throws ProcessRequestException {
            throw new ProcessRequestException("cancel_broadcast_sm is not supported", 0x03);
        }

        @Override
        public org.jsmpp.session.QueryBroadcastSmResult onAcceptQueryBroadcastSm(org.jsmpp.bean.QueryBroadcastSm q,
                SMPPServerSession s) throws ProcessRequestException {
            throw new ProcessRequestException("query_broadcast_sm is not supported", 0x03);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm data, Session session) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm is not supported", 0x03);
        }
    }

    /** The message as a deliver_sm to the handset, as submitted: who sent it, ESM class, PID, DCS and octets. */
    private static void deliver(SMPPServerSession handset, SubmitSm submit) {
        try {
            handset.deliverShortMessage("", TypeOfNumber.valueOf(submit.getSourceAddrTon()), NumberingPlanIndicator.valueOf(submit.getSourceAddrNpi()),
                    submit.getSourceAddr(), TypeOfNumber.valueOf(submit.getDestAddrTon()), NumberingPlanIndicator.valueOf(submit.getDestAddrNpi()),
                    submit.getDestAddress(), new ESMClass(submit.getEsmClass() & Submission.UDHI), submit.getProtocolId(), (byte) 0,
                    new RegisteredDelivery(0), org.jsmpp.bean.DataCodings.newInstance(submit.getDataCoding()), submit.getShortMessage());
        } catch (Exception e) {
            // The handset unbound or went away: like a phone switched off, the message is lost to it.
        }
    }

    private static String digits(String address) {
        String value = address == null ? "" : address.startsWith("+") ? address.substring(1) : address;
        return value.chars().allMatch(Character::isDigit) ? value : "";
    }

    /** A delivery receipt (SMPP 3.4 appendix B text): DELIVRD, or UNDELIV when no handset took it. */
    private static void receipt(SMPPServerSession session, SubmitSm submit, String id, boolean delivered) {
        String text = "id:" + id + " sub:001 dlvrd:" + (delivered ? "001" : "000") + " submit date:2601010000 done date:2601010000 stat:"
                + (delivered ? "DELIVRD err:000" : "UNDELIV err:001") + " text:";
        try {
            session.deliverShortMessage("", TypeOfNumber.valueOf(submit.getDestAddrTon()), NumberingPlanIndicator.valueOf(submit.getDestAddrNpi()),
                    submit.getDestAddress(), TypeOfNumber.valueOf(submit.getSourceAddrTon()), NumberingPlanIndicator.valueOf(submit.getSourceAddrNpi()),
                    submit.getSourceAddr(), new ESMClass(0x04), (byte) 0, (byte) 0, new RegisteredDelivery(0), new GeneralDataCoding(),
                    text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } catch (Exception e) {
            // A transmitter-only bind cannot take receipts; the ESME did not ask for them over one.
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        synchronized (open) {
            open.forEach(SMPPServerSession::unbindAndClose);
        }
        listener.close();
        sessions.shutdownNow();
        receipts.shutdownNow();
        mobileTerminated.shutdownNow();
        try {
            acceptor.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
