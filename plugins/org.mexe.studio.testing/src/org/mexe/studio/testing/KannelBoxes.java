package org.mexe.studio.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Kannel's bearerbox and smsbox as processes of a test, with one kannel.conf: started in order,
 * each waited for until it listens (a bound, not a measurement), restarted, and stopped at the end.
 * Their output and logs stay in the work folder and are quoted when a box fails.
 */
public final class KannelBoxes implements AutoCloseable {

    /** Kannel starts in about a second; this only bounds a box that never comes up. */
    private static final long START_SECONDS = 60;

    private final Path work;
    private final Path config;
    private final List<Process> running = new ArrayList<>();
    private Process bearerbox;
    private Process smsbox;

    /** Checks {@code config} with Kannel's test_cfg; nothing runs yet. */
    public KannelBoxes(Path work, Path config) {
        this.work = work;
        this.config = config;
        PeerTools.kannelTestCfg(config);
    }

    /** An OS-picked free port on loopback, for the configuration's admin, smsbox and sendsms ports. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Starts bearerbox and waits for its smsbox port. */
    public KannelBoxes startBearerbox(int smsboxPort) throws Exception {
        bearerbox = start(PeerTools.kannelBox("bearerbox"), "bearerbox");
        awaitPort(smsboxPort, bearerbox, "bearerbox");
        return this;
    }

    /** Starts smsbox and waits for its sendsms port. */
    public KannelBoxes startSmsbox(int sendsmsPort) throws Exception {
        smsbox = start(PeerTools.kannelBox("smsbox"), "smsbox");
        awaitPort(sendsmsPort, smsbox, "smsbox");
        return this;
    }

    /** Stops smsbox (SIGTERM, as an operator's restart does) and waits for it to end. */
    public void stopSmsbox() throws InterruptedException {
        stop(smsbox);
        running.remove(smsbox);
    }

    private Process start(Path program, String name) throws IOException {
        Process process = new ProcessBuilder(program.toString(), config.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve(name + ".out").toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        running.add(process);
        return process;
    }

    private void awaitPort(int port, Process process, String name) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_SECONDS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail(name + " stopped with exit code " + process.exitValue() + ":\n" + logs());
            }
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        fail(name + " did not open port " + port + " within " + START_SECONDS + " s:\n" + logs());
    }

    /** The last lines of every box's output and log, for a failure message. */
    public String logs() throws IOException {
        StringBuilder text = new StringBuilder();
        try (var files = Files.list(work)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".log") || f.toString().endsWith(".out")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
                text.append("== ").append(file.getFileName()).append('\n')
                        .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()))).append('\n');
            }
        }
        return text.toString();
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : running.reversed()) {
            stop(process);
        }
        running.clear();
    }
}
