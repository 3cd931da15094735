package org.mexe.studio.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

import org.mexe.studio.server.ProvisioningServer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code prov serve}: the embedded provisioning server ({@link ProvisioningServer}) until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serves a generated server folder (servers/<Name>, its htdocs) over HTTP on loopback: JAD, JAR, WML and XHTML"
                + " with their content types, MIDP install notifications logged. Stops with Ctrl-C.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "A generated server folder (out/servers/<Name>) or a folder to serve.")
    Path folder;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}); another than loopback makes it reachable from the network.")
    String bind;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
            description = "TCP port (default: 0, a free port the system picks; the URL is printed).")
    int port;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            err.println("prov serve: --bind " + bind + " is not an address of this machine: " + e.getMessage());
            return Prov.EXIT_USAGE;
        }
        if (port < 0 || port > 65535) {
            err.println("prov serve: --port " + port + " is not a TCP port (0-65535).");
            return Prov.EXIT_USAGE;
        }
        try (ProvisioningServer server = ProvisioningServer.start(folder, new InetSocketAddress(address, port), line -> {
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        })) {
            if (!address.isLoopbackAddress()) {
                err.println("prov serve: listening on " + address.getHostAddress() + ", which other machines can reach.");
            }
            out.println("Serving " + server.root() + " at " + server.url() + " (Ctrl-C stops)");
            out.flush();
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }));
            stopped.await();
            return 0;
        } catch (IOException e) {
            err.println("prov serve: " + e.getMessage());
            return Prov.EXIT_GENERATION_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
