package org.mexe.studio.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import org.mexe.studio.security.SecretResolver;

/** {@code prov ARGS} in this JVM, as the command-line tests run it: the exit code and what it printed. */
record ProvRun(int exitCode, String out, String err) {

    /** With no environment variables and empty standard input. */
    static ProvRun prov(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Prov.run(args, new PrintWriter(out, true), new PrintWriter(err, true), new SecretResolver(Map.of()));
        return new ProvRun(exitCode, out.toString(), err.toString());
    }
}
