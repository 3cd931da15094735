package org.mexe.studio.generator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.codec.cp.ProvXml;
import org.mexe.studio.codec.cp.ProvisioningDocument;
import org.mexe.studio.model.payload.Mapped;
import org.mexe.studio.model.payload.NotCarried;
import org.mexe.studio.model.payload.OmaCpMapping;
import org.mexe.studio.model.payload.SecretReader;
import org.mexe.studio.model.provisioning.DeliveryFormat;
import org.mexe.studio.model.provisioning.ParameterSet;

/** The OMA CP mapping of every parameter, and what it says it cannot carry. */
class OmaCpMappingTest {

    /** Test stand-ins that show which secret went where. */
    static final SecretReader<RuntimeException> SECRETS = ref -> "secret:" + ref.getLocation();

    @TempDir
    Path folder;

    private Mapped<ProvisioningDocument> map(String text, String... sets) {
        ProvSources sources = ProvSources.load(folder, text);
        List<ParameterSet> list = java.util.Arrays.stream(sets).map(name -> sources.element(name, ParameterSet.class)).toList();
        return OmaCpMapping.map(list, SECRETS);
    }

    @Test
    void switchingIpv6WithoutAddressesIsReportedAsNotCarried() {
        Mapped<ProvisioningDocument> mapped = map("""
                namespace test.ipv6

                parameters Off {
                	gprs {
                		apn "internet"
                	}
                	ipv6 {
                		enabled no
                	}
                }
                """, "Off");
        assertEquals(List.of("ipv6 enabled"), mapped.notCarried().stream().map(NotCarried::parameter).toList());
    }

    @Test
    void everyParameterOfTheBriefMapsToProvCont() {
        Mapped<ProvisioningDocument> mapped = map(BriefSets.BRIEF, "Brief");
        assertEquals(BriefSets.BRIEF_OMA_CP, ProvXml.write(mapped.document()));
    }

    @Test
    void whatProvContCannotCarryIsReportedNotDropped() {
        Mapped<ProvisioningDocument> mapped = map(BriefSets.BRIEF, "Brief");
        // 'ipv6 enabled yes' is not among them: the IPv6 address that is carried says as much.
        assertEquals(List.of("ipv6 six-to-four", "the address \"2001:db8::1\"", "public-keys", "default-classmark"),
                mapped.notCarried().stream().map(NotCarried::parameter).toList());
        NotCarried keys = mapped.notCarried().get(2);
        assertEquals("Brief", keys.set().getName());
        assertEquals("The OMA Client Provisioning document cannot carry public-keys of the parameter set 'Brief': ProvCont 1.1 has"
                + " no characteristic for certificates; the handset gets them with the trust stage (preloaded or on the (U)SIM).",
                keys.message(DeliveryFormat.OMA_CP));
    }

    @Test
    void aSetWithoutUncarriableParametersReportsNothing() {
        Mapped<ProvisioningDocument> mapped = map("""
                namespace test.plain
                parameters Plain {
                	gprs { apn "internet.example" auth pap user "web" }
                	www { proxy "10.0.0.8" port 8080 homepage "http://wap.example/" }
                	ipv4 { enabled yes address "10.1.1.1" }
                }
                """, "Plain");
        assertEquals(List.of(), mapped.notCarried());
    }

    @Test
    void anInheritedValueIsMappedAndReportedForTheListedSet() {
        Mapped<ProvisioningDocument> mapped = map("""
                namespace test.regional
                parameters National { gprs { apn "internet.example" linger 60 } default-classmark 2 }
                parameters London extends National { gprs { apn "london.example" } }
                """, "London");
        String xml = ProvXml.write(mapped.document());
        assertTrue(xml.contains("<parm name=\"NAP-ADDRESS\" value=\"london.example\"/>"), xml);
        assertTrue(xml.contains("<parm name=\"LINGER\" value=\"60\"/>"), xml);
        assertTrue(xml.contains("<parm name=\"NAPID\" value=\"London-NAP\"/>"), xml);
        assertEquals(1, mapped.notCarried().size());
        assertEquals("London", mapped.notCarried().get(0).set().getName());
        assertEquals("default-classmark", mapped.notCarried().get(0).parameter());
    }

    @Test
    void addressesWithoutAnAccessPointAndCredentialsWithoutAnAuthTypeAreReported() {
        Mapped<ProvisioningDocument> mapped = map("""
                namespace test.partial
                parameters Partial {
                	gsm-csd { number "+447700900100" user "csd" }
                	mail { from "user@example.com" }
                }
                parameters AddressOnly { ipv4 { address "10.1.1.1" } }
                """, "Partial", "AddressOnly");
        assertEquals(List.of("gsm-csd user and password", "mail from", "the ipv4/ipv6 addresses and DNS servers"),
                mapped.notCarried().stream().map(NotCarried::parameter).toList());
        String xml = ProvXml.write(mapped.document());
        assertTrue(!xml.contains("NAPAUTHINFO") && !xml.contains("APPLICATION"), xml);
    }
}
