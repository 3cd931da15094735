package org.mexe.studio.smpp;

import java.io.IOException;
import java.util.function.Consumer;

import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;

/**
 * A simulated handset's radio link to a {@link LoopbackSmsc} that routes to handsets: a receiver
 * bind with the handset's MSISDN as system id, handing each deliver_sm on as it came.
 */
public final class HandsetLink implements AutoCloseable {

    /** A mobile-terminated message as the SMSC delivered it: originator, ESM class, PID, DCS and octets. */
    public record MobileTerminated(String originator, int originatorTon, int esmClass, int protocolId, int dataCoding, byte[] shortMessage) {

        public MobileTerminated {
            shortMessage = shortMessage.clone();
        }

        @Override
        public byte[] shortMessage() {
            return shortMessage.clone();
        }

        public boolean hasUserDataHeader() {
            return (esmClass & Submission.UDHI) != 0;
        }
    }

    private final SMPPSession session = new SMPPSession();

    private HandsetLink() {
    }

    /** Binds to the SMSC at 127.0.0.1:{@code port} as the handset with {@code msisdn}. */
    public static HandsetLink bind(int port, String msisdn, String password, Consumer<MobileTerminated> receiver) throws IOException {
        HandsetLink link = new HandsetLink();
        link.session.setTransactionTimer(10_000);
        link.session.setMessageReceiverListener(new MessageReceiverListener() {
            @Override
            public void onAcceptDeliverSm(DeliverSm deliver) {
                receiver.accept(new MobileTerminated(deliver.getSourceAddr(), deliver.getSourceAddrTon(), deliver.getEsmClass(),
                        deliver.getProtocolId(), deliver.getDataCoding(), deliver.getShortMessage()));
            }

            @Override
            public void onAcceptAlertNotification(AlertNotification alert) {
            }

            @Override
            public DataSmResult onAcceptDataSm(DataSm data, Session source) throws ProcessRequestException {
                throw new ProcessRequestException("data_sm is not supported", 0x03);
            }
        });
        String systemId = msisdn.startsWith("+") ? msisdn.substring(1) : msisdn;
        try {
            link.session.connectAndBind("127.0.0.1", port, new BindParameter(BindType.BIND_RX, systemId, password, "handset",
                    TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null));
        } catch (IOException e) {
            link.session.close();
            throw new IOException("The handset " + msisdn + " cannot attach to the SMSC on port " + port + ": " + e.getMessage(), e);
        }
        return link;
    }

    @Override
    public void close() {
        session.unbindAndClose();
    }
}
