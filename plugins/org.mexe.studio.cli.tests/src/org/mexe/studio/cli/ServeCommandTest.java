package org.mexe.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.security.SecretResolver;

/** {@code prov serve}'s command line; the server itself is tested in org.mexe.studio.server.tests. */
class ServeCommandTest {

    @TempDir
    Path folder;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run prov(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Prov.run(args, new PrintWriter(out, true), new PrintWriter(err, true), new SecretResolver(Map.of()));
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void aFolderThatDoesNotExistIsNamed() {
        Run run = prov("serve", folder.resolve("missing").toString());
        assertEquals(Prov.EXIT_GENERATION_FAILED, run.exitCode());
        assertTrue(run.err().contains("missing is not a folder: give a generated server folder"), run.err());
    }

    @Test
    void aWrongAddressOrPortIsAUsageError() {
        Run address = prov("serve", folder.toString(), "--bind", "no-such-host.invalid");
        assertEquals(Prov.EXIT_USAGE, address.exitCode());
        assertTrue(address.err().contains("--bind no-such-host.invalid is not an address of this machine"), address.err());
        Run port = prov("serve", folder.toString(), "--port", "70000");
        assertEquals(Prov.EXIT_USAGE, port.exitCode());
        assertTrue(port.err().contains("--port 70000 is not a TCP port"), port.err());
    }

    @Test
    void helpSaysItServesOnLoopback() {
        Run help = prov("serve", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("default: 127.0.0.1"), help.out());
    }
}
