package org.mexe.studio.benchmarks;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.mexe.studio.smpp.CampaignSender;
import org.mexe.studio.smpp.KannelSender;
import org.mexe.studio.smpp.LoopbackSmsc;

/**
 * Sending throughput through Kannel's sendsms on loopback: bearerbox and smsbox (Debian's kannel)
 * with one SMPP link to the loopback SMSC, a campaign of N subscribers of the typical document
 * (5 segments each) sent with a window of W, then sendsms requests accepted per second and, once
 * bearerbox has handed every segment on, submit_sm received by the SMSC per second.
 * Usage: {@code java -cp … org.mexe.studio.benchmarks.KannelSendThroughput WORKDIR [N] [WINDOW]}.
 */
public final class KannelSendThroughput {

    private KannelSendThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(Path.of(args[0]).resolve("kannel-" + System.nanoTime()));
        int subscribers = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int window = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Path campaign = SendThroughput.campaign(work, subscribers);
        List<Process> boxes = new ArrayList<>();
        try (LoopbackSmsc smsc = new LoopbackSmsc("bench", "bench", false)) {
            int box = freePort();
            int sendsms = freePort();
            Path config = Files.writeString(work.resolve("kannel.conf"), """
                    group = core
                    admin-port = %d
                    admin-password = bench
                    admin-allow-ip = 127.0.0.1
                    smsbox-port = %d
                    box-allow-ip = 127.0.0.1
                    log-file = "%3$s/bearerbox.log"
                    log-level = 2

                    group = smsc
                    smsc = smpp
                    host = 127.0.0.1
                    port = %4$d
                    transceiver-mode = true
                    smsc-username = bench
                    smsc-password = bench
                    system-type = VMA

                    group = smsbox
                    bearerbox-host = 127.0.0.1
                    sendsms-port = %5$d
                    sendsms-interface = 127.0.0.1
                    log-file = "%3$s/smsbox.log"
                    log-level = 2

                    group = sendsms-user
                    username = bench
                    password = bench
                    user-allow-ip = 127.0.0.1
                    max-messages = 1
                    """.formatted(freePort(), box, work, smsc.port(), sendsms));
            boxes.add(start("/usr/sbin/bearerbox", config, work));
            await(box);
            boxes.add(start("/usr/sbin/smsbox", config, work));
            await(sendsms);
            long started = System.nanoTime();
            CampaignSender.Result result = new KannelSender(new KannelSender.Options(campaign, URI.create("http://127.0.0.1:" + sendsms),
                    "bench", "bench", window, 0, true, "2000", line -> { })).send();
            double accepted = (System.nanoTime() - started) / 1e9;
            while (smsc.submits() < result.sent()) {
                Thread.sleep(5);
            }
            double delivered = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "%,d sendsms requests accepted in %.1f s: %,.0f/s (window %d); the SMSC had all %,d after %.1f s:"
                    + " %,.0f submit_sm/s%n", result.sent(), accepted, result.sent() / accepted, window, smsc.submits(), delivered,
                    smsc.submits() / delivered);
        } finally {
            for (Process process : boxes.reversed()) {
                process.destroy();
                process.waitFor();
            }
        }
    }

    private static Process start(String program, Path config, Path work) throws IOException {
        String name = Path.of(program).getFileName().toString();
        return new ProcessBuilder(program, config.toString()).redirectErrorStream(true).redirectOutput(work.resolve(name + ".out").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
    }

    private static void await(int port) throws InterruptedException {
        for (int tries = 0; tries < 600; tries++) {
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("Kannel did not open port " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
