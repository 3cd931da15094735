package org.mexe.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mexe.studio.cli.ProvRun.prov;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code prov serve}'s command line; the server itself is tested in org.mexe.studio.server.tests. */
class ServeCommandTest {

    @TempDir
    Path folder;

    @Test
    void aFolderThatDoesNotExistIsNamed() {
        ProvRun run = prov("serve", folder.resolve("missing").toString());
        assertEquals(Prov.EXIT_GENERATION_FAILED, run.exitCode());
        assertTrue(run.err().contains("missing is not a folder: give a generated server folder"), run.err());
    }

    @Test
    void aWrongAddressOrPortIsAUsageError() {
        ProvRun address = prov("serve", folder.toString(), "--bind", "no-such-host.invalid");
        assertEquals(Prov.EXIT_USAGE, address.exitCode());
        assertTrue(address.err().contains("--bind no-such-host.invalid is not an address of this machine"), address.err());
        ProvRun port = prov("serve", folder.toString(), "--port", "70000");
        assertEquals(Prov.EXIT_USAGE, port.exitCode());
        assertTrue(port.err().contains("--port 70000 is not a TCP port"), port.err());
    }

    @Test
    void helpSaysItServesOnLoopback() {
        ProvRun help = prov("serve", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("default: 127.0.0.1"), help.out());
    }
}
