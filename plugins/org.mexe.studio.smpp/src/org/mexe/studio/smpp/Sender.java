package org.mexe.studio.smpp;

/** Sends a complete campaign folder: over SMPP ({@link CampaignSender}) or Kannel's sendsms ({@link KannelSender}). */
public sealed interface Sender permits CampaignSender, KannelSender {

    /** Sends what {@code sent.log} holds no answer for; blocks until done or stopped. */
    CampaignSender.Result send() throws SendException;

    /** Stops taking segments; those outstanding finish and are logged (the CLI calls this on SIGTERM). */
    void stop();
}
