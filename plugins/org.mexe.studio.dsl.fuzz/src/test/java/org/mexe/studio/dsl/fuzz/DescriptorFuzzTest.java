package org.mexe.studio.dsl.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.mexe.studio.security.MidletSuiteSigner.Jad;
import org.mexe.studio.security.SignatureInvalidException;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * A MIDlet suite's descriptor as a handset's installer reads it off the network (prov run's
 * {@code OtaInstaller}, prov jad verify): refused with a reason, or attributes that read back the
 * same once written. Here, beside the parser's targets, because this module has the security
 * bundle on its class path.
 */
class DescriptorFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void jadParse(byte[] input) {
        Jad jad;
        try {
            jad = Jad.parse(new String(input, StandardCharsets.UTF_8));
        } catch (SignatureInvalidException rejected) {
            return;
        }
        try {
            assertEquals(jad, Jad.parse(jad.write()));
        } catch (SignatureInvalidException e) {
            throw new AssertionError("a descriptor the parser took does not read back once written: " + e.getMessage(), e);
        }
    }
}
