package org.mexe.studio.run;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mexe.studio.codec.CodecException;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.ota.CommandPacket;
import org.mexe.studio.codec.ota.OtaKeys;
import org.mexe.studio.codec.ota.SimOtaCodec;
import org.mexe.studio.codec.sms.InformationElement;
import org.mexe.studio.codec.sms.SmsAddress;
import org.mexe.studio.codec.sms.SmsDeliver;
import org.mexe.studio.codec.sms.SmsDeliverCodec;
import org.mexe.studio.smpp.HandsetLink.MobileTerminated;

/**
 * The (U)SIM of a simulated handset, as far as remote file management goes: it takes SMS-PP data
 * download messages (PID 7F, DCS F6, a command packet after UDH IEI 70), checks each packet's
 * cryptographic checksum and deciphers it with the card's KIc and KID, refuses a counter its SPI
 * does not accept (TS 102 225: higher than the last one, for a replay), and carries out the
 * remote file commands: SELECT by path, UPDATE BINARY, UPDATE RECORD (TS 102 226, ETSI TS 102 221
 * coding). It remembers what each file now holds, by path.
 */
final class SimCard {

    private static final OffsetDateTime SMSC_TIMESTAMP = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final OtaKeys keys;
    private long counter;
    /** Bytes written to transparent files and records written to linear fixed files, by path. */
    final Map<String, Integer> binaryBytes = new LinkedHashMap<>();
    final Map<String, List<Integer>> records = new LinkedHashMap<>();

    SimCard(OtaKeys keys) {
        this.keys = keys;
    }

    /** Takes the messages as the handset hands them to the card; the step says what the card did. */
    Step apply(List<MobileTerminated> messages, Step step) {
        List<Long> counters = new ArrayList<>();
        for (MobileTerminated message : messages) {
            SmsDeliver deliver;
            try {
                deliver = SmsDeliverCodec.fromUserData(SmsAddress.national("2000"), message.protocolId(), message.dataCoding(), SMSC_TIMESTAMP,
                        message.hasUserDataHeader(), message.shortMessage());
            } catch (CodecException | IllegalArgumentException e) {
                return step.failed("a SIM update SMS is no SMS-DELIVER: " + e.getMessage(), "nothing");
            }
            if (message.protocolId() != SimOtaCodec.PID || !deliver.header().elements().contains(InformationElement.SimToolkitSecurityHeader.COMMAND)) {
                return step.failed("a SIM update SMS is not a (U)SIM data download (PID " + Integer.toHexString(message.protocolId())
                        + "): the handset would show it instead of passing it to the card", "a message of binary data");
            }
            CommandPacket packet;
            try {
                packet = SimOtaCodec.decodeCommand(deliver.userData(), keys);
            } catch (CodecException | IllegalArgumentException e) {
                return step.failed("the card refuses a packet: " + e.getMessage(), "nothing: the card answers with a PoR error");
            }
            if (!packet.spi().counter().accepts(counter, packet.counter())) {
                return step.failed("the card refuses counter " + packet.counter() + " after " + counter + " (" + packet.spi().counter()
                        + "): a replayed or reused packet", "nothing: the card answers with a PoR error");
            }
            counter = Math.max(counter, packet.counter());
            counters.add(packet.counter());
            String error = execute(packet.data());
            if (error != null) {
                return step.failed("the card cannot carry out a command: " + error, "nothing");
            }
        }
        step.fact("SIM OTA", messages.size() + " packet(s), CC verified and deciphered with the card's keys, counters "
                + (counters.isEmpty() ? "-" : counters.get(0) + ".." + counters.get(counters.size() - 1)) + " accepted");
        binaryBytes.forEach((path, bytes) -> step.fact("SIM " + path, bytes + " byte(s) written (UPDATE BINARY)"));
        records.forEach((path, numbers) -> step.fact("SIM " + path, "record(s) " + numbers + " written (UPDATE RECORD)"));
        return step;
    }

    /** The C-APDUs of one packet, one after the other; null when all were carried out, else why not. */
    private String execute(byte[] commands) {
        String selected = null;
        int at = 0;
        while (at < commands.length) {
            if (commands.length - at < 5) {
                return "a command of " + (commands.length - at) + " octets at offset " + at;
            }
            int instruction = commands[at + 1] & 0xFF;
            int p1 = commands[at + 2] & 0xFF;
            int p2 = commands[at + 3] & 0xFF;
            int length = commands[at + 4] & 0xFF;
            if (at + 5 + length > commands.length) {
                return "Lc " + length + " beyond the packet at offset " + at;
            }
            byte[] data = java.util.Arrays.copyOfRange(commands, at + 5, at + 5 + length);
            switch (instruction) {
                case 0xA4 -> selected = path(data);
                case 0xD6 -> {
                    if (selected == null) {
                        return "UPDATE BINARY before any SELECT";
                    }
                    binaryBytes.merge(selected, length, Integer::sum);
                }
                case 0xDC -> {
                    if (selected == null) {
                        return "UPDATE RECORD before any SELECT";
                    }
                    records.computeIfAbsent(selected, k -> new ArrayList<>()).add(p1);
                }
                default -> {
                    return "instruction " + Hex.encode(new byte[] { (byte) instruction }) + " (P1 " + p1 + ", P2 " + p2
                            + ") is no remote file command";
                }
            }
            at += 5 + length;
        }
        return null;
    }

    /** A SELECT by path's data as {@code 7FFF/5F3C/4F41}. */
    private static String path(byte[] data) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i + 1 < data.length; i += 2) {
            text.append(i == 0 ? "" : "/").append("%02X%02X".formatted(data[i] & 0xFF, data[i + 1] & 0xFF));
        }
        return text.toString();
    }
}
