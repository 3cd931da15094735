package org.mexe.studio.codec.properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.mexe.studio.codec.CodecException;
import org.mexe.studio.codec.cp.Characteristic;
import org.mexe.studio.codec.cp.CpSecurity;
import org.mexe.studio.codec.cp.OmaCpMessage;
import org.mexe.studio.codec.cp.OmaCpMessageDecoder;
import org.mexe.studio.codec.cp.OmaCpMessageDecoder.Decoded;
import org.mexe.studio.codec.cp.OmaCpMessageDecoder.MacStatus;
import org.mexe.studio.codec.cp.OmaCpMessageEncoder;
import org.mexe.studio.codec.cp.Parm;
import org.mexe.studio.codec.cp.ProvisioningDocument;
import org.mexe.studio.codec.sms.SmsAddress;
import org.mexe.studio.codec.sms.SubmitParameters;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * One flipped bit anywhere in a signed push never gets a different document accepted: the decoder
 * rejects the bytes, or the MAC check fails, or the flip hit bytes the MAC does not cover (TID,
 * content type) and the document is the one that was signed. The last case includes one known
 * signature downgrade: turning the Length-quote 0x1F into 0x9F makes the content type a short
 * integer, the decoder skips the rest of the headers as unknown ones, and the push reads as unsigned
 * (NOT_CHECKED) with the original document; receivers must insist on a signature.
 */
class MacTamperProperties {

    private static final SubmitParameters PARAMETERS = new SubmitParameters(SmsAddress.international("46708251358"), 0, 0);

    @Property(tries = 200)
    void userPinPush(@ForAll("documents") ProvisioningDocument document, @ForAll("pins") String pin,
            @ForAll("imsis") String receiverImsi, @ForAll @IntRange(max = Integer.MAX_VALUE) int bitSeed) {
        checkSingleBitFlip(document, new CpSecurity.UserPin(pin), pin, receiverImsi, bitSeed);
    }

    @Property(tries = 200)
    void networkPinPush(@ForAll("documents") ProvisioningDocument document, @ForAll("imsis") String imsi,
            @ForAll("pins") String receiverPin, @ForAll @IntRange(max = Integer.MAX_VALUE) int bitSeed) {
        checkSingleBitFlip(document, new CpSecurity.NetworkPin(imsi), receiverPin, imsi, bitSeed);
    }

    /** Every bit of one push of each kind rather than a sample of bits. */
    @Example
    void everyBitOfOnePush() {
        ProvisioningDocument document = new ProvisioningDocument(List.of(new Characteristic("NAPDEF", List.of(
                new Parm("NAPID", "NAP1"), new Parm("BEARER", "GSM-GPRS"), new Parm("NAP-ADDRESS", "internet"),
                new Parm("NAP-ADDRTYPE", "APN")))));
        String imsi = "234150123456789";
        String pin = "1234";
        for (CpSecurity security : List.<CpSecurity>of(new CpSecurity.NetworkPin(imsi), new CpSecurity.UserPin(pin))) {
            int bits = OmaCpMessageEncoder.signed(document, security, 0x2A, PARAMETERS).wspPush().length * 8;
            for (int bit = 0; bit < bits; bit++) {
                checkSingleBitFlip(document, security, pin, imsi, bit);
            }
        }
    }

    /** The receiver knows both its IMSI and the PIN the user typed, so every signed form can be checked. */
    private static void checkSingleBitFlip(ProvisioningDocument document, CpSecurity security, String pin, String imsi,
            int bitSeed) {
        OmaCpMessage message = OmaCpMessageEncoder.signed(document, security, 0x2A, PARAMETERS);
        byte[] push = message.wspPush();
        int bit = bitSeed % (push.length * 8);
        push[bit / 8] ^= (byte) (0x80 >>> (bit % 8));

        Decoded decoded;
        try {
            decoded = OmaCpMessageDecoder.decode(push);
        } catch (CodecException rejected) {
            return;
        }
        MacStatus status = decoded.checkMac(Optional.of(pin), Optional.of(imsi));
        if (status == MacStatus.INVALID) {
            return;
        }
        // Not rejected: the flip must have missed the signed bytes, or (NOT_CHECKED) dropped the signature
        // without touching them; either way the document is the one that was signed.
        if (status == MacStatus.NOT_CHECKED) {
            assertEquals(Optional.empty(), decoded.signature(), "bit " + bit + ": a signature was found but not checked");
        }
        assertEquals(document, decoded.document(), "bit " + bit);
        assertArrayEquals(message.wbxml(), decoded.wbxml(), "bit " + bit);
    }

    @Provide
    Arbitrary<ProvisioningDocument> documents() {
        return CodecArbitraries.smallDocuments();
    }

    @Provide
    Arbitrary<String> pins() {
        return CodecArbitraries.userPins();
    }

    @Provide
    Arbitrary<String> imsis() {
        return CodecArbitraries.imsis();
    }
}
