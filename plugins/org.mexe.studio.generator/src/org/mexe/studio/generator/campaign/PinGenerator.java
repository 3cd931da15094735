package org.mexe.studio.generator.campaign;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Generated PINs that a resumed run makes again identically: each is HMAC-SHA256 under the
 * campaign's random 256-bit key of {@code "prov-campaign-pin\0" + MSISDN}, its first 8 octets as an
 * unsigned number modulo 10^digits, written with leading zeros. HMAC-SHA256 is a PRF, so without
 * the key the PINs are as unpredictable as SecureRandom's; the key lives only in the PIN file,
 * which is as secret as the PINs it regenerates. Each subscriber (one MSISDN: duplicates are
 * rejected) gets exactly one PIN, however often the run is resumed. Not thread-safe.
 */
final class PinGenerator {

    private static final byte[] LABEL = "prov-campaign-pin\0".getBytes(StandardCharsets.US_ASCII);
    private static final long[] POWERS = { 1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L,
            1_000_000_000L, 10_000_000_000L };

    private final Mac mac;
    private final byte[] out = new byte[32];

    PinGenerator(byte[] key) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    String pin(String msisdn, int digits) {
        mac.update(LABEL);
        mac.update(msisdn.getBytes(StandardCharsets.US_ASCII));
        try {
            mac.doFinal(out, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 failed", e);
        }
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = value << 8 | (out[i] & 0xFF);
        }
        String number = Long.toString(Long.remainderUnsigned(value, POWERS[digits]));
        return "0".repeat(digits - number.length()) + number;
    }
}
