package org.mexe.studio.smpp;

import java.io.IOException;

import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.SMPPSession;
import org.mexe.studio.codec.sms.SmsSubmit;
import org.mexe.studio.codec.sms.SmsSubmitCodec;

/**
 * One generated SMS-SUBMIT TPDU as an ESME hands it to an SMSC in a {@code submit_sm}: the user data
 * header and payload as the short message with UDHI in the ESM class, PID and DCS as the TPDU has
 * them, to the MSISDN the delivery names. The one mapping a campaign and a scenario run both use.
 */
public record Submission(String destination, boolean international, int esmClass, int protocolId, int dataCoding, byte[] shortMessage) {

    /** ESM class bit 6: the short message starts with a user data header (SMPP 3.4, 5.2.12). */
    public static final int UDHI = 0x40;

    public Submission {
        shortMessage = shortMessage.clone();
    }

    /** @throws org.mexe.studio.codec.DecodeException when {@code tpdu} is not an SMS-SUBMIT */
    public static Submission of(byte[] tpdu, String msisdn) {
        SmsSubmit submit = SmsSubmitCodec.decode(tpdu);
        byte[] header = submit.header().encode();
        byte[] payload = submit.payload();
        byte[] userData = new byte[header.length + payload.length];
        System.arraycopy(header, 0, userData, 0, header.length);
        System.arraycopy(payload, 0, userData, header.length, payload.length);
        boolean international = msisdn.startsWith("+");
        return new Submission(international ? msisdn.substring(1) : msisdn, international, header.length > 0 ? UDHI : 0,
                submit.protocolIdentifier(), submit.dataCodingScheme(), userData);
    }

    @Override
    public byte[] shortMessage() {
        return shortMessage.clone();
    }

    /** Submits over {@code session} from {@code source}; the SMSC's message id. */
    public String submit(SMPPSession session, String source, boolean receipt) throws PDUException, ResponseTimeoutException,
            InvalidResponseException, NegativeResponseException, IOException {
        return session.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, source,
                international ? TypeOfNumber.INTERNATIONAL : TypeOfNumber.NATIONAL, NumberingPlanIndicator.ISDN, destination,
                new ESMClass(esmClass), (byte) protocolId, (byte) 0, null, null, new RegisteredDelivery(receipt ? 1 : 0), (byte) 0,
                DataCodings.newInstance((byte) dataCoding), (byte) 0, shortMessage).getMessageId();
    }
}
