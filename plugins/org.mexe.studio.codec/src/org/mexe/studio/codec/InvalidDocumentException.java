package org.mexe.studio.codec;

/**
 * A provisioning document that is not well-formed XML or breaks the OMA CP document structure
 * (unknown element, missing attribute, characters XML cannot carry). {@code location} is a line
 * and column for XML syntax errors or an element path such as
 * {@code /wap-provisioningdoc/characteristic[2]} for structural ones.
 */
public final class InvalidDocumentException extends CodecException {

    private static final long serialVersionUID = 1L;

    private final String location;

    public InvalidDocumentException(String location, String problem) {
        super(location + ": " + problem);
        this.location = location;
    }

    public InvalidDocumentException(String location, String problem, Throwable cause) {
        super(location + ": " + problem, cause);
        this.location = location;
    }

    public String location() {
        return location;
    }
}
