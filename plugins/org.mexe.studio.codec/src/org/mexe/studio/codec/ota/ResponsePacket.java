package org.mexe.studio.codec.ota;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

import org.mexe.studio.codec.Hex;

/**
 * A Proof of Receipt in clear, without ciphering padding.
 *
 * @param tar        TAR of the command it answers
 * @param counter    CNTR, 40 bits
 * @param statusCode response status octet; see {@link #status()}
 * @param data       additional response data (for SMS, TS 102 226 remote APDU responses)
 */
public record ResponsePacket(int tar, long counter, int statusCode, byte[] data) {

    public ResponsePacket {
        Objects.requireNonNull(data, "data");
        if (tar < 0 || tar > 0xFFFFFF) {
            throw new IllegalArgumentException("TAR must be 3 octets, got " + Integer.toHexString(tar));
        }
        if (counter < 0 || counter > CommandPacket.MAX_COUNTER) {
            throw new IllegalArgumentException("CNTR must be 0..2^40-1, got " + counter);
        }
        CommandPacket.requireOctet("status code", statusCode);
        data = data.clone();
    }

    /** The status, empty for a reserved code. */
    public Optional<PorStatus> status() {
        return PorStatus.of(statusCode);
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResponsePacket p && tar == p.tar && counter == p.counter && statusCode == p.statusCode
                && Arrays.equals(data, p.data);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tar, counter, statusCode, Arrays.hashCode(data));
    }

    @Override
    public String toString() {
        return "ResponsePacket[TAR %06X, CNTR %d, status %02X%s, data %s]".formatted(tar, counter, statusCode,
                status().map(s -> " " + s).orElse(""), Hex.encode(data));
    }
}
