package org.mexe.studio.generator.campaign;

/** A campaign could not start, continue or finish; the message says why and what to do. */
public class CampaignException extends Exception {

    private static final long serialVersionUID = 1L;

    public CampaignException(String message) {
        super(message);
    }

    public CampaignException(String message, Throwable cause) {
        super(message, cause);
    }
}
