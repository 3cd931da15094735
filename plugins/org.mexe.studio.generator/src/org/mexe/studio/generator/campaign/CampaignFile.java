package org.mexe.studio.generator.campaign;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

/**
 * The files of a campaign folder and the binary format of its messages (docs/campaigns.md):
 *
 * <pre>
 * submits.bin  := magic record*
 * magic        := "MXCAMP01"                               8 octets
 * record       := length:u16 msisdnLength:u8 msisdn:ascii count:u8 tpdu{count}
 * tpdu         := length:u8 octets                         an SMS-SUBMIT, 3GPP TS 23.040
 * </pre>
 *
 * All integers are unsigned, big-endian; {@code length} counts the octets after it. Records are
 * in the order of the subscriber file; record n (from 0) is the n-th accepted subscriber of the
 * shard. A record is the unit a sender logs: segment {@code n.k} is TPDU k of record n.
 */
public final class CampaignFile {

    public static final String SUBMITS = "submits.bin";
    public static final String REJECTS = "rejects.csv";
    public static final String DESCRIPTION = "campaign.properties";
    public static final String CHECKPOINT = "checkpoint.properties";
    /** Where pass 1 keeps its key buckets while it runs. */
    static final String SCAN = ".scan";

    static final byte[] MAGIC = "MXCAMP01".getBytes(StandardCharsets.US_ASCII);

    private CampaignFile() {
    }

    /** One subscriber's message: the record number, the MSISDN and the TPDUs. */
    public record Message(long index, String msisdn, List<byte[]> tpdus) {
    }

    /** The TPDUs of the record whose count octet is at {@code at}. */
    static List<byte[]> tpdus(byte[] bytes, int at) {
        int count = bytes[at] & 0xFF;
        List<byte[]> tpdus = new ArrayList<>(count);
        int i = at + 1;
        for (int k = 0; k < count; k++) {
            int length = bytes[i] & 0xFF;
            tpdus.add(Arrays.copyOfRange(bytes, i + 1, i + 1 + length));
            i += 1 + length;
        }
        return tpdus;
    }

    /** The description of a campaign folder, or an explanation of why it is not one. */
    public static Properties description(Path folder) throws CampaignException {
        Path file = folder.resolve(DESCRIPTION);
        if (!Files.isRegularFile(file)) {
            throw new CampaignException(folder + " is not a campaign folder: it has no " + DESCRIPTION + ". Make one with prov campaign.");
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new CampaignException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return properties;
    }

    /** Reads the messages of a campaign's {@link #SUBMITS} one by one, in bounded memory. */
    public static final class Reader implements AutoCloseable {

        private final Path file;
        private final InputStream in;
        private long index;

        public Reader(Path file) throws IOException {
            this.file = file;
            this.in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            byte[] magic = in.readNBytes(MAGIC.length);
            if (!Arrays.equals(magic, MAGIC)) {
                in.close();
                throw new IOException(file + " is not a campaign's " + SUBMITS + " (it does not start with MXCAMP01)");
            }
        }

        /** The next message, or null at the end. */
        public Message next() throws IOException {
            int high = in.read();
            if (high < 0) {
                return null;
            }
            int low = in.read();
            if (low < 0) {
                throw truncated();
            }
            byte[] record = in.readNBytes(high << 8 | low);
            if (record.length != (high << 8 | low)) {
                throw truncated();
            }
            int msisdnLength = record[0] & 0xFF;
            String msisdn = new String(record, 1, msisdnLength, StandardCharsets.US_ASCII);
            return new Message(index++, msisdn, tpdus(record, 1 + msisdnLength));
        }

        private IOException truncated() {
            return new EOFException(file + " ends inside record " + index + ": the campaign did not finish; run prov campaign --resume");
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
