package org.mexe.studio.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.mexe.studio.security.DemoPki;
import org.mexe.studio.security.KeystoreException;
import org.mexe.studio.security.Keystores;
import org.mexe.studio.security.Secret;
import org.mexe.studio.security.SecretLocation;
import org.mexe.studio.security.SecretResolver;
import org.mexe.studio.security.SecretUnavailableException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code prov keys}: the demo PKI and a look into keystores. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Keys and certificates.",
        subcommands = { Keys.Init.class, Keys.ListEntries.class })
final class Keys implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Prov.missingCommand(spec);
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Creates a DEMO-ONLY PKI in DIR: manufacturer root, operator root CA with a code-signing key, third-party CA.")
    static final class Init implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "A folder without a demo PKI.")
        Path folder;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                DemoPki.Files files = DemoPki.create(folder);
                out.println("Created a DEMO-ONLY PKI (test material, never for production):");
                out.println("  keystore " + files.keystore() + " (aliases " + DemoPki.MANUFACTURER_ROOT + ", " + DemoPki.OPERATOR_ROOT + ", "
                        + DemoPki.OPERATOR_SIGNING + ", " + DemoPki.THIRD_PARTY_CA + ")");
                out.println("  its password in " + files.passwordFile());
                files.certificates().forEach(c -> out.println("  certificate " + c));
                return 0;
            } catch (IOException | KeystoreException e) {
                spec.commandLine().getErr().println("prov keys init: " + e.getMessage());
                return Prov.EXIT_GENERATION_FAILED;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the entries of a PKCS#12 keystore (never the keys).")
    static final class ListEntries implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "P12", description = "The keystore.")
        Path keystore;

        @Option(names = "--password-env", paramLabel = "VARIABLE", description = "The environment variable that holds the password.")
        String passwordVariable;

        @Option(names = "--password-file", paramLabel = "FILE", description = "The file that holds the password.")
        Path passwordFile;

        private final SecretResolver secrets;

        ListEntries(SecretResolver secrets) {
            this.secrets = secrets;
        }

        @Override
        public Integer call() {
            try (Secret password = secrets.resolve(SecretLocation.exactlyOne(passwordVariable, passwordFile,
                    "the keystore's password", "--password-env", "--password-file"))) {
                for (Keystores.Entry entry : Keystores.list(keystore, password)) {
                    if (entry.notAfter() == null) {
                        // A secret key (a SIM OTA KIc/KID) has no certificate, so no issuer and no expiry.
                        spec.commandLine().getOut().printf("%-20s secret key%n", entry.alias());
                    } else {
                        spec.commandLine().getOut().printf("%-20s %-11s %s (issuer %s, until %tF)%n", entry.alias(),
                                entry.hasKey() ? "key" : "certificate", entry.subject(), entry.issuer(), entry.notAfter());
                    }
                }
                return 0;
            } catch (KeystoreException | SecretUnavailableException e) {
                spec.commandLine().getErr().println("prov keys list: " + e.getMessage());
                return Prov.EXIT_INVALID_INPUT;
            }
        }
    }
}
