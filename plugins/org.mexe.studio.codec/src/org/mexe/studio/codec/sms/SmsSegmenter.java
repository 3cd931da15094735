package org.mexe.studio.codec.sms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.mexe.studio.codec.MessageTooLongException;
import org.mexe.studio.codec.sms.InformationElement.ApplicationPorts;
import org.mexe.studio.codec.sms.InformationElement.Concatenation;
import org.mexe.studio.codec.sms.InformationElement.Concatenation.ReferenceWidth;
import org.mexe.studio.codec.text.Septets;
import org.mexe.studio.codec.text.TextEncoding;

/**
 * Splits a WDP payload into SMS-SUBMITs that each fill the 140 octets of TP-UD. With the port
 * header alone (7 octets: UDHL 06, IE 05 04 dst src) a single message carries 133 payload octets;
 * a longer payload adds the 8-bit concatenation IE (00 03 ref total seq) to every segment,
 * leaving 128 octets each, in at most 255 segments.
 * <p>
 * Text and plain data go out as SMS-DELIVERs: one message holds 160 GSM septets, 70 UCS-2
 * characters or 140 octets; longer content carries the 6-octet 8-bit concatenation header
 * (05 00 03 ref total seq), leaving 153 septets, 67 characters or 134 octets per segment.
 */
public final class SmsSegmenter {

    private SmsSegmenter() {
    }

    /** @throws MessageTooLongException when more than 255 segments would be needed */
    public static List<SmsSubmit> segment(byte[] payload, ApplicationPorts ports, SubmitParameters parameters) {
        UserDataHeader single = new UserDataHeader(List.of(ports));
        int singleCapacity = SmsSubmit.MAX_USER_DATA - single.encode().length;
        if (payload.length <= singleCapacity) {
            return List.of(submit(parameters, 0, single, payload, 0, payload.length));
        }
        int perSegment = SmsSubmit.MAX_USER_DATA - segmentHeader(ports, parameters, 1, 1).encode().length;
        int total = (payload.length + perSegment - 1) / perSegment;
        if (total > Concatenation.MAX_PARTS) {
            throw new MessageTooLongException(payload.length, total, Concatenation.MAX_PARTS);
        }
        List<SmsSubmit> segments = new ArrayList<>(total);
        for (int index = 0; index < total; index++) {
            int from = index * perSegment;
            int to = Math.min(payload.length, from + perSegment);
            segments.add(submit(parameters, index, segmentHeader(ports, parameters, total, index + 1), payload, from, to));
        }
        return segments;
    }

    /**
     * The same WDP payload as SMS-DELIVERs (8-bit data, DCS 04), as a handset receives it: the same
     * user data headers and split as {@link #segment}, the originator and TP-SCTS from {@code parameters}.
     *
     * @throws MessageTooLongException when more than 255 segments would be needed
     */
    public static List<SmsDeliver> segment(byte[] payload, ApplicationPorts ports, DeliverParameters parameters) {
        UserDataHeader single = new UserDataHeader(List.of(ports));
        if (payload.length <= SmsDeliver.MAX_OCTETS - single.encode().length) {
            return List.of(deliver(parameters, DataCodingScheme.EIGHT_BIT, single, payload));
        }
        int perSegment = SmsDeliver.MAX_OCTETS - segmentHeader(ports, parameters.concatenationReference(), 1, 1).encode().length;
        int total = (payload.length + perSegment - 1) / perSegment;
        if (total > Concatenation.MAX_PARTS) {
            throw new MessageTooLongException(payload.length, total, Concatenation.MAX_PARTS);
        }
        List<SmsDeliver> segments = new ArrayList<>(total);
        for (int index = 0; index < total; index++) {
            int from = index * perSegment;
            segments.add(deliver(parameters, DataCodingScheme.EIGHT_BIT,
                    segmentHeader(ports, parameters.concatenationReference(), total, index + 1),
                    Arrays.copyOfRange(payload, from, Math.min(payload.length, from + perSegment))));
        }
        return segments;
    }

    private static UserDataHeader segmentHeader(ApplicationPorts ports, SubmitParameters parameters, int total, int sequence) {
        return segmentHeader(ports, parameters.concatenationReference(), total, sequence);
    }

    private static UserDataHeader segmentHeader(ApplicationPorts ports, int reference, int total, int sequence) {
        return new UserDataHeader(List.of(ports, new Concatenation(ReferenceWidth.EIGHT_BIT, reference, total, sequence)));
    }

    private static SmsSubmit submit(SubmitParameters parameters, int index, UserDataHeader header, byte[] payload,
            int from, int to) {
        byte[] part = new byte[to - from];
        System.arraycopy(payload, from, part, 0, part.length);
        return new SmsSubmit((parameters.messageReference() + index) & 0xFF, parameters.destination(),
                SmsSubmit.PID_DEFAULT, SmsSubmit.DCS_8BIT_DATA, header, part);
    }

    /** {@link #segmentText(String, TextEncoding, DeliverParameters)} in the smallest encoding that carries the text. */
    public static List<SmsDeliver> segmentText(String text, DeliverParameters parameters) {
        return segmentText(text, TextEncoding.smallestFor(text), parameters);
    }

    /**
     * Splits text into SMS-DELIVERs, never between the septets of an extension character or the
     * halves of a surrogate pair.
     *
     * @throws org.mexe.studio.codec.text.UnencodableCharacterException for a character the encoding lacks
     * @throws MessageTooLongException when more than 255 segments would be needed
     */
    public static List<SmsDeliver> segmentText(String text, TextEncoding encoding, DeliverParameters parameters) {
        int units = encoding.length(text);
        int single = encoding == TextEncoding.GSM_7BIT ? SmsDeliver.MAX_SEPTETS : SmsDeliver.MAX_OCTETS;
        DataCodingScheme dcs = SmsDeliver.dataCodingScheme(encoding);
        if (units <= single) {
            return List.of(deliver(parameters, dcs, UserDataHeader.NONE, encoding.encode(text)));
        }
        int headerOctets = deliverHeader(parameters, 1, 1).encode().length;
        int perSegment = encoding == TextEncoding.GSM_7BIT
                ? SmsDeliver.MAX_SEPTETS - Septets.headerSeptets(headerOctets)
                : SmsDeliver.MAX_OCTETS - headerOctets;
        List<String> pieces = encoding.split(text, perSegment);
        if (pieces.size() > Concatenation.MAX_PARTS) {
            throw new MessageTooLongException(units, pieces.size(), Concatenation.MAX_PARTS);
        }
        List<SmsDeliver> segments = new ArrayList<>(pieces.size());
        for (int index = 0; index < pieces.size(); index++) {
            segments.add(deliver(parameters, dcs, deliverHeader(parameters, pieces.size(), index + 1),
                    encoding.encode(pieces.get(index))));
        }
        return segments;
    }

    /**
     * Splits 8-bit data into SMS-DELIVERs with the given coding (e.g. {@link DataCodingScheme#EIGHT_BIT}
     * or F5, 8-bit class 1).
     *
     * @throws MessageTooLongException when more than 255 segments would be needed
     */
    public static List<SmsDeliver> segmentData(byte[] data, DataCodingScheme dataCodingScheme, DeliverParameters parameters) {
        if (dataCodingScheme.alphabet() != DataCodingScheme.Alphabet.EIGHT_BIT) {
            throw new IllegalArgumentException("data needs an 8-bit data coding scheme: " + dataCodingScheme);
        }
        if (data.length <= SmsDeliver.MAX_OCTETS) {
            return List.of(deliver(parameters, dataCodingScheme, UserDataHeader.NONE, data));
        }
        int perSegment = SmsDeliver.MAX_OCTETS - deliverHeader(parameters, 1, 1).encode().length;
        int total = (data.length + perSegment - 1) / perSegment;
        if (total > Concatenation.MAX_PARTS) {
            throw new MessageTooLongException(data.length, total, Concatenation.MAX_PARTS);
        }
        List<SmsDeliver> segments = new ArrayList<>(total);
        for (int index = 0; index < total; index++) {
            int from = index * perSegment;
            segments.add(deliver(parameters, dataCodingScheme, deliverHeader(parameters, total, index + 1),
                    Arrays.copyOfRange(data, from, Math.min(data.length, from + perSegment))));
        }
        return segments;
    }

    private static UserDataHeader deliverHeader(DeliverParameters parameters, int total, int sequence) {
        return new UserDataHeader(List.of(
                new Concatenation(ReferenceWidth.EIGHT_BIT, parameters.concatenationReference(), total, sequence)));
    }

    private static SmsDeliver deliver(DeliverParameters parameters, DataCodingScheme dcs, UserDataHeader header,
            byte[] userData) {
        return new SmsDeliver(parameters.originator(), SmsSubmit.PID_DEFAULT, dcs, parameters.timestamp(), header,
                userData, false);
    }
}
