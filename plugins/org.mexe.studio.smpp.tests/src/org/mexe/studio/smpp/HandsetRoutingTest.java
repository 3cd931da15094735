package org.mexe.studio.smpp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jsmpp.bean.BindType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.junit.jupiter.api.Test;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.smpp.HandsetLink.MobileTerminated;

/**
 * The loopback SMSC as the mobile network's side: a handset bound as a receiver with its MSISDN
 * gets each submit_sm to it as a deliver_sm with the ESM class, PID, DCS and octets as submitted;
 * a message to a number nobody has bound is counted as undeliverable.
 */
class HandsetRoutingTest {

    /** The start of the first segment of the brief's settings (UDHI, WAP push port 2948, concatenation, 8-bit data). */
    private static final String TPDU = "41000C914477000910320004130B05040B8423F00003F70A0101062F1F2DB691";

    /** A bound, not a measurement: a deliver_sm on loopback takes milliseconds. */
    private static final long WAIT_SECONDS = 30;

    @Test
    void aSubmitToABoundHandsetArrivesAsTheSameDeliver() throws Exception {
        BlockingQueue<MobileTerminated> inbox = new LinkedBlockingQueue<>();
        try (LoopbackSmsc smsc = new LoopbackSmsc("esme", "secret", true).routeToHandsets("handset");
                HandsetLink handset = HandsetLink.bind(smsc.port(), "+447700900123", "handset", inbox::add)) {
            SMPPSession esme = bind(smsc);
            try {
                Submission submission = Submission.of(Hex.decode(TPDU), "+447700900123");
                submission.submit(esme, "2000", false);
                MobileTerminated received = inbox.poll(WAIT_SECONDS, TimeUnit.SECONDS);
                assertNotNull(received, "no deliver_sm within " + WAIT_SECONDS + " s");
                assertTrue(received.hasUserDataHeader());
                assertEquals(0x00, received.protocolId());
                assertEquals(0x04, received.dataCoding());
                assertEquals("2000", received.originator());
                assertArrayEquals(submission.shortMessage(), received.shortMessage());
                assertEquals("0B05040B8423F00003F70A01", Hex.encode(received.shortMessage()).substring(0, 24));

                new Submission("447700900999", true, 0, 0, 4, new byte[] { 1, 2, 3 }).submit(esme, "2000", false);
                assertNull(inbox.poll(1, TimeUnit.SECONDS), "a message to another number reached the handset");
                assertEquals(1, smsc.undeliverable());
            } finally {
                esme.unbindAndClose();
            }
        }
    }

    @Test
    void aHandsetWithTheWrongPasswordCannotAttach() throws Exception {
        try (LoopbackSmsc smsc = new LoopbackSmsc("esme", "secret", true).routeToHandsets("handset")) {
            IOException refused = assertThrows(IOException.class, () -> HandsetLink.bind(smsc.port(), "+447700900123", "wrong", m -> {
            }));
            assertTrue(refused.getMessage().contains("+447700900123"), refused.getMessage());
        }
    }

    private static SMPPSession bind(LoopbackSmsc smsc) throws IOException {
        SMPPSession session = new SMPPSession();
        session.connectAndBind("127.0.0.1", smsc.port(), new BindParameter(BindType.BIND_TX, "esme", "secret", "test", TypeOfNumber.UNKNOWN,
                NumberingPlanIndicator.UNKNOWN, null));
        return session;
    }
}
