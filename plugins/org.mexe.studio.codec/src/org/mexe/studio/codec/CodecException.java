package org.mexe.studio.codec;

/**
 * Base of every failure the codec reports, so callers can catch one type while tests and tools
 * can still switch over the concrete cause.
 */
public sealed abstract class CodecException extends RuntimeException
        permits DecodeException, InvalidDocumentException, MessageTooLongException {

    private static final long serialVersionUID = 1L;

    protected CodecException(String message) {
        super(message);
    }

    protected CodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
