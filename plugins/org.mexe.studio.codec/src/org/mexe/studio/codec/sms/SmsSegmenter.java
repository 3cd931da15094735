package org.mexe.studio.codec.sms;

import java.util.ArrayList;
import java.util.List;

import org.mexe.studio.codec.MessageTooLongException;
import org.mexe.studio.codec.sms.InformationElement.ApplicationPorts;
import org.mexe.studio.codec.sms.InformationElement.Concatenation;
import org.mexe.studio.codec.sms.InformationElement.Concatenation.ReferenceWidth;

/**
 * Splits a WDP payload into SMS-SUBMITs that each fill the 140 octets of TP-UD. With the port
 * header alone (7 octets: UDHL 06, IE 05 04 dst src) a single message carries 133 payload octets;
 * a longer payload adds the 8-bit concatenation IE (00 03 ref total seq) to every segment,
 * leaving 128 octets each, in at most 255 segments.
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

    private static UserDataHeader segmentHeader(ApplicationPorts ports, SubmitParameters parameters, int total, int sequence) {
        return new UserDataHeader(List.of(ports,
                new Concatenation(ReferenceWidth.EIGHT_BIT, parameters.concatenationReference(), total, sequence)));
    }

    private static SmsSubmit submit(SubmitParameters parameters, int index, UserDataHeader header, byte[] payload,
            int from, int to) {
        byte[] part = new byte[to - from];
        System.arraycopy(payload, from, part, 0, part.length);
        return new SmsSubmit((parameters.messageReference() + index) & 0xFF, parameters.destination(),
                SmsSubmit.PID_DEFAULT, SmsSubmit.DCS_8BIT_DATA, header, part);
    }
}
