package org.mexe.studio.codec.ota;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Remote file management (ETSI TS 102 226 compact remote commands; 3GPP TS 31.116 for the USIM):
 * the C-APDUs that a secured packet carries to write (U)SIM files, and their split over packets.
 * Commands use the UICC class byte 00 (ETSI TS 102 221). Every packet is a command session of its
 * own, so each one selects its file again: a packet lost on the way costs only its own writes.
 */
public final class RemoteFileCommands {

    /** UPDATE BINARY addresses offsets with 15 bits of P1-P2 (ETSI TS 102 221 clause 11.1.4). */
    public static final int MAX_BINARY_OFFSET = 0x7FFF;
    /** A short APDU carries at most 255 octets. */
    public static final int MAX_COMMAND_DATA = 255;
    private static final int HEADER = 5;
    /** Below this many octets of room a chunk of a transparent file waits for the next packet. */
    private static final int SMALLEST_CHUNK = 16;

    private RemoteFileCommands() {
    }

    /** One write to a (U)SIM file, the file named by its path from the MF (without 3F00; 7FFF is the current ADF). */
    public sealed interface FileWrite {

        int[] path();
    }

    /** The whole of {@code data} into a transparent EF, from offset 0. */
    public record BinaryWrite(int[] path, byte[] data) implements FileWrite {

        public BinaryWrite {
            path = checkedPath(path);
            data = data.clone();
            if (data.length == 0 || data.length - 1 > MAX_BINARY_OFFSET) {
                throw new IllegalArgumentException("a transparent EF write is 1 to " + (MAX_BINARY_OFFSET + 1) + " octets, got " + data.length);
            }
        }

        @Override
        public int[] path() {
            return path.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }
    }

    /** Record {@code record} (1-based, absolute) of a linear fixed EF. */
    public record RecordWrite(int[] path, int record, byte[] data) implements FileWrite {

        public RecordWrite {
            path = checkedPath(path);
            data = data.clone();
            if (record < 1 || record > 254) {
                throw new IllegalArgumentException("a record number is 1 to 254, got " + record);
            }
            if (data.length == 0 || data.length > MAX_COMMAND_DATA) {
                throw new IllegalArgumentException("a record is 1 to 255 octets, got " + data.length);
            }
        }

        @Override
        public int[] path() {
            return path.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }
    }

    /** SELECT by path from the MF, no response data: {@code 00 A4 08 0C Lc path}. */
    public static byte[] selectByPath(int... path) {
        int[] checked = checkedPath(path);
        byte[] apdu = new byte[HEADER + 2 * checked.length];
        apdu[1] = (byte) 0xA4;
        apdu[2] = 0x08;
        apdu[3] = 0x0C;
        apdu[4] = (byte) (2 * checked.length);
        for (int i = 0; i < checked.length; i++) {
            apdu[HEADER + 2 * i] = (byte) (checked[i] >>> 8);
            apdu[HEADER + 2 * i + 1] = (byte) checked[i];
        }
        return apdu;
    }

    /** UPDATE BINARY of the current EF at {@code offset}: {@code 00 D6 offset Lc data}. */
    public static byte[] updateBinary(int offset, byte[] data) {
        if (offset < 0 || offset > MAX_BINARY_OFFSET) {
            throw new IllegalArgumentException("UPDATE BINARY offsets are 0 to " + MAX_BINARY_OFFSET + ", got " + offset);
        }
        return command(0xD6, offset >>> 8, offset & 0xFF, data);
    }

    /** UPDATE RECORD of the current EF, absolute mode: {@code 00 DC record 04 Lc data}. */
    public static byte[] updateRecord(int record, byte[] data) {
        if (record < 1 || record > 254) {
            throw new IllegalArgumentException("a record number is 1 to 254, got " + record);
        }
        return command(0xDC, record, 0x04, data);
    }

    private static byte[] command(int ins, int p1, int p2, byte[] data) {
        if (data.length == 0 || data.length > MAX_COMMAND_DATA) {
            throw new IllegalArgumentException("command data is 1 to 255 octets, got " + data.length);
        }
        byte[] apdu = Arrays.copyOf(new byte[] { 0x00, (byte) ins, (byte) p1, (byte) p2, (byte) data.length }, HEADER + data.length);
        System.arraycopy(data, 0, apdu, HEADER, data.length);
        return apdu;
    }

    /**
     * The secured data of each packet, in order: the writes' commands, each packet at most
     * {@code capacity} octets, a file's SELECT at the start of every packet that writes it.
     * Transparent files are split over packets; a record is never split.
     *
     * @throws IllegalArgumentException when a record and its SELECT do not fit one packet
     */
    public static List<byte[]> pack(List<? extends FileWrite> writes, int capacity) {
        List<byte[]> packets = new ArrayList<>();
        ByteArrayOutputStream current = new ByteArrayOutputStream();
        int[] selected = null;
        for (FileWrite write : writes) {
            Objects.requireNonNull(write, "write");
            byte[] select = selectByPath(write.path());
            switch (write) {
                case RecordWrite record -> {
                    byte[] update = updateRecord(record.record(), record.data());
                    if (select.length + update.length > capacity) {
                        throw new IllegalArgumentException("record %d of %s needs %d octets with its SELECT, more than the %d a packet carries"
                                .formatted(record.record(), pathText(write.path()), select.length + update.length, capacity));
                    }
                    boolean same = Arrays.equals(selected, write.path());
                    if (current.size() + (same ? 0 : select.length) + update.length > capacity) {
                        flush(packets, current);
                        same = false;
                    }
                    if (!same) {
                        current.writeBytes(select);
                    }
                    current.writeBytes(update);
                    selected = write.path();
                }
                case BinaryWrite binary -> {
                    byte[] data = binary.data();
                    int offset = 0;
                    while (offset < data.length) {
                        boolean same = Arrays.equals(selected, write.path()) && current.size() > 0;
                        int room = Math.min(MAX_COMMAND_DATA, capacity - current.size() - (same ? 0 : select.length) - HEADER);
                        int remaining = data.length - offset;
                        if (room < Math.min(SMALLEST_CHUNK, remaining)) {
                            if (current.size() == 0) {
                                throw new IllegalArgumentException("a packet of %d octets cannot carry a SELECT of %s and data"
                                        .formatted(capacity, pathText(write.path())));
                            }
                            flush(packets, current);
                            selected = null;
                            continue;
                        }
                        int chunk = Math.min(room, remaining);
                        if (!same) {
                            current.writeBytes(select);
                        }
                        current.writeBytes(updateBinary(offset, Arrays.copyOfRange(data, offset, offset + chunk)));
                        selected = write.path();
                        offset += chunk;
                    }
                }
            }
        }
        flush(packets, current);
        return List.copyOf(packets);
    }

    private static void flush(List<byte[]> packets, ByteArrayOutputStream current) {
        if (current.size() > 0) {
            packets.add(current.toByteArray());
            current.reset();
        }
    }

    /** A path as the specifications write it: {@code 7FFF/5F3C/4F41}. */
    public static String pathText(int[] path) {
        return String.join("/", Arrays.stream(path).mapToObj("%04X"::formatted).toList());
    }

    private static int[] checkedPath(int[] path) {
        if (path == null || path.length == 0 || path.length > 8) {
            throw new IllegalArgumentException("a path from the MF has 1 to 8 file identifiers");
        }
        for (int fid : path) {
            if (fid < 0 || fid > 0xFFFF || fid == 0x3F00) {
                throw new IllegalArgumentException("a path from the MF holds two-octet file identifiers other than 3F00, got %X".formatted(fid));
            }
        }
        return path.clone();
    }
}
