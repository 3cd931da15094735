package org.mexe.studio.codec;

/** A payload that would need more SMS segments than an 8-bit concatenation header can number. */
public final class MessageTooLongException extends CodecException {

    private static final long serialVersionUID = 1L;

    private final int payloadLength;
    private final int segmentsNeeded;
    private final int maximumSegments;

    public MessageTooLongException(int payloadLength, int segmentsNeeded, int maximumSegments) {
        super("payload of %d octets needs %d SMS segments, at most %d are possible"
                .formatted(payloadLength, segmentsNeeded, maximumSegments));
        this.payloadLength = payloadLength;
        this.segmentsNeeded = segmentsNeeded;
        this.maximumSegments = maximumSegments;
    }

    public int payloadLength() {
        return payloadLength;
    }

    public int segmentsNeeded() {
        return segmentsNeeded;
    }

    public int maximumSegments() {
        return maximumSegments;
    }
}
