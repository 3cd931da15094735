package org.mexe.studio.generator.campaign;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.mexe.studio.codec.cp.CpSecurity;
import org.mexe.studio.codec.sms.SmsAddress;
import org.mexe.studio.codec.sms.SmsSegmenter;
import org.mexe.studio.codec.sms.SmsSubmit;
import org.mexe.studio.codec.sms.SmsSubmitCodec;
import org.mexe.studio.codec.sms.SubmitParameters;
import org.mexe.studio.codec.wsp.PushSignature;
import org.mexe.studio.generator.PerSubscriberDeliveries;

/**
 * One subscriber's campaign record, fast: the push and the TPDUs are laid out once from the
 * codec's own output for a stand-in subscriber, and per subscriber only the MAC (HMAC-SHA1 over
 * the fixed WBXML with the subscriber's key), the destination address and the concatenation
 * reference are written into reused buffers. Not thread-safe: one per worker.
 * <p>
 * The layout is read from the codec, not restated: the MAC's place in the push is where a stand-in
 * MAC of zeros and one of F's differ, and each TPDU is the codec's TPDU with the stand-in address
 * cut out. The first subscriber an encoder meets is also encoded the slow way
 * ({@link CampaignPlan#referenceTpdus}) and must give the same bytes.
 */
public final class SubscriberEncoder {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final String STAND_IN_IMSI = "001010000000000";

    private final CampaignPlan plan;
    private final byte[] wbxml;
    private final byte[] push;
    /** Where the 40 MAC digits start in {@link #push}, -1 when unsigned. */
    private final int macOffset;
    private final Segment[] segments;
    private final int internationalType;
    private final int nationalType;
    private final byte[] folderPrefix;
    private final CRC32 crc = new CRC32();
    private final Mac hmac;
    private final byte[] mac = new byte[20];
    private final byte[] address = new byte[12];
    private boolean checked;
    private String pinUsed;

    /** One TPDU's fixed parts: first octet and TP-MR, then (after the address) PID, DCS, UDL and UDH, then a slice of the push. */
    private record Segment(byte[] head, byte[] middle, int referenceIndex, int from, int to) {
    }

    public SubscriberEncoder(CampaignPlan plan) {
        this.plan = plan;
        this.wbxml = plan.wbxml();
        Optional<CpSecurity> standIn = plan.security(STAND_IN_IMSI, plan.method() == org.mexe.studio.model.provisioning.SecurityMethod.USERPINMAC ? "00" : "0");
        if (standIn.isPresent()) {
            byte[] zeros = plan.push().apply(Optional.of(new PushSignature(standIn.get().method(), "0".repeat(PushSignature.MAC_LENGTH))));
            byte[] effs = plan.push().apply(Optional.of(new PushSignature(standIn.get().method(), "F".repeat(PushSignature.MAC_LENGTH))));
            macOffset = Arrays.mismatch(zeros, effs);
            if (zeros.length != effs.length || macOffset < 0
                    || Arrays.mismatch(zeros, macOffset + PushSignature.MAC_LENGTH, zeros.length, effs, macOffset + PushSignature.MAC_LENGTH, effs.length) >= 0) {
                throw new IllegalStateException("the push does not carry its MAC as 40 contiguous digits");
            }
            push = zeros;
            try {
                hmac = Mac.getInstance("HmacSHA1");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA1 unavailable", e);
            }
        } else {
            push = plan.push().apply(Optional.empty());
            macOffset = -1;
            hmac = null;
        }
        List<SmsSubmit> low = SmsSegmenter.segment(push, plan.ports(), new SubmitParameters(SmsAddress.national("0"), 0, 0));
        List<SmsSubmit> high = SmsSegmenter.segment(push, plan.ports(), new SubmitParameters(SmsAddress.national("0"), 0, 0xFF));
        segments = new Segment[low.size()];
        int from = 0;
        for (int i = 0; i < segments.length; i++) {
            byte[] a = SmsSubmitCodec.encode(low.get(i));
            byte[] b = SmsSubmitCodec.encode(high.get(i));
            int payload = low.get(i).payload().length;
            // first octet, TP-MR | 01 type 0 | PID DCS UDL UDH | payload
            int addressEnd = 2 + 3;
            byte[] middle = Arrays.copyOfRange(a, addressEnd, a.length - payload);
            int reference = Arrays.mismatch(a, b);
            int referenceIndex = reference < 0 ? -1 : reference - addressEnd;
            if (!Arrays.equals(a, a.length - payload, a.length, push, from, from + payload)
                    || reference >= 0 && (referenceIndex < 0 || referenceIndex >= middle.length)) {
                throw new IllegalStateException("unexpected SMS-SUBMIT layout");
            }
            segments[i] = new Segment(Arrays.copyOfRange(a, 0, 2), middle, referenceIndex, from, from + payload);
            from += payload;
        }
        nationalType = SmsSubmitCodec.encode(low.get(0))[3] & 0xFF;
        internationalType = SmsSubmitCodec.encode(SmsSegmenter.segment(push, plan.ports(),
                new SubmitParameters(SmsAddress.international("0"), 0, 0)).get(0))[3] & 0xFF;
        folderPrefix = PerSubscriberDeliveries.subscriberFolder(plan.deliveryFolder(), "").getBytes(StandardCharsets.UTF_8);
    }

    /** How many SMS each subscriber gets. */
    public int smsPerSubscriber() {
        return segments.length;
    }

    /** The PIN the last {@link #encode} used (for USERPINMAC the whole PIN, derived half included). */
    String pinUsed() {
        return pinUsed;
    }

    /**
     * Appends the subscriber's record (see {@link CampaignFile}) to {@code out}.
     *
     * @param msisdn a checked MSISDN, {@code \+?[0-9]{1,15}}
     * @param imsi   the IMSI when the method uses it
     * @param pin    the PIN when the method uses one (for USERPINMAC the random half)
     * @throws IllegalArgumentException when the IMSI or PIN does not suit the method
     */
    public void encode(String msisdn, String imsi, String pin, ByteSink out) {
        if (macOffset >= 0) {
            CpSecurity security = plan.security(imsi, pin).orElseThrow();
            pinUsed = security instanceof CpSecurity.UserPinMac made ? made.pin() : pin;
            try {
                hmac.init(new SecretKeySpec(security.key(), "HmacSHA1"));
                hmac.update(wbxml);
                hmac.doFinal(mac, 0);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA1 failed", e);
            }
            for (int i = 0; i < mac.length; i++) {
                push[macOffset + 2 * i] = HEX[(mac[i] >> 4) & 0x0F];
                push[macOffset + 2 * i + 1] = HEX[mac[i] & 0x0F];
            }
        } else {
            pinUsed = null;
        }
        int addressLength = address(msisdn);
        crc.reset();
        crc.update(folderPrefix);
        for (int i = 0; i < msisdn.length(); i++) {
            crc.update(msisdn.charAt(i));
        }
        byte reference = (byte) crc.getValue();

        int recordStart = out.size();
        out.u16(0); // patched below
        out.u8(msisdn.length());
        out.ascii(msisdn);
        out.u8(segments.length);
        for (Segment segment : segments) {
            out.u8(segment.head.length + addressLength + segment.middle.length + segment.to - segment.from);
            out.bytes(segment.head, 0, segment.head.length);
            out.bytes(address, 0, addressLength);
            int middleAt = out.size();
            out.bytes(segment.middle, 0, segment.middle.length);
            if (segment.referenceIndex >= 0) {
                out.set(middleAt + segment.referenceIndex, reference);
            }
            out.bytes(push, segment.from, segment.to - segment.from);
        }
        out.setU16(recordStart, out.size() - recordStart - 2);
        if (!checked) {
            checkAgainstCodec(msisdn, imsi, pin, out, recordStart);
            checked = true;
        }
    }

    /** TP-DA: digit count, type of address, digits as semi-octets low nibble first, F-padded. */
    private int address(String msisdn) {
        boolean international = msisdn.charAt(0) == '+';
        int from = international ? 1 : 0;
        int digits = msisdn.length() - from;
        address[0] = (byte) digits;
        address[1] = (byte) (international ? internationalType : nationalType);
        int at = 2;
        for (int i = from; i < msisdn.length(); i += 2) {
            int low = msisdn.charAt(i) - '0';
            int high = i + 1 < msisdn.length() ? msisdn.charAt(i + 1) - '0' : 0x0F;
            address[at++] = (byte) (high << 4 | low);
        }
        return at;
    }

    private void checkAgainstCodec(String msisdn, String imsi, String pin, ByteSink out, int recordStart) {
        List<byte[]> expected = plan.referenceTpdus(msisdn, imsi, pin);
        List<byte[]> actual = CampaignFile.tpdus(out.array(), recordStart + 2 + 1 + msisdn.length());
        boolean same = expected.size() == actual.size();
        for (int i = 0; same && i < expected.size(); i++) {
            same = Arrays.equals(expected.get(i), actual.get(i));
        }
        if (!same) {
            throw new IllegalStateException("the streaming encoder and the codec disagree on the TPDUs of " + msisdn
                    + ": this is a bug; report it with the .prov files (without secrets)");
        }
    }

    /** The TPDUs of one subscriber, for tests and benchmarks. */
    public List<byte[]> tpdus(String msisdn, String imsi, String pin) {
        ByteSink sink = new ByteSink(1024);
        encode(msisdn, imsi, pin, sink);
        return new ArrayList<>(CampaignFile.tpdus(sink.array(), 2 + 1 + msisdn.length()));
    }
}
