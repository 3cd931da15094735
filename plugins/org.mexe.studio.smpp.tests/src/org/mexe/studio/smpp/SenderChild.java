package org.mexe.studio.smpp;

import java.nio.file.Path;
import java.util.List;

/**
 * A sender in its own JVM, for {@link SendTest} to stop or kill: campaign folder, SMSC port,
 * window. SIGTERM stops it the way the CLI does: the outstanding submits finish first.
 */
public final class SenderChild {

    private SenderChild() {
    }

    public static void main(String[] args) throws Exception {
        CampaignSender sender = new CampaignSender(new CampaignSender.Options(Path.of(args[0]),
                List.of(new CampaignSender.Smsc("127.0.0.1", Integer.parseInt(args[1]))), 2, "test", "secret", "", Integer.parseInt(args[2]),
                0, false, true, "", line -> { }));
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sender.stop();
            try {
                main.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        CampaignSender.Result result = sender.send();
        System.out.println("sent " + result.sent());
    }
}
