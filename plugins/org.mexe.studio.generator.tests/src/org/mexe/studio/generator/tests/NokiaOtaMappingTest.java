package org.mexe.studio.generator.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mexe.studio.codec.push.PushDocumentType;
import org.mexe.studio.codec.push.PushXml;
import org.mexe.studio.codec.wbxml.WbxmlElement;
import org.mexe.studio.model.payload.Mapped;
import org.mexe.studio.model.payload.NokiaOtaMapping;
import org.mexe.studio.model.payload.NotCarried;
import org.mexe.studio.model.provisioning.DeliveryFormat;
import org.mexe.studio.model.provisioning.ParameterSet;

/** The Nokia OTA mapping: what the browser settings format carries, and everything it cannot. */
class NokiaOtaMappingTest {

    @TempDir
    Path folder;

    private Mapped<WbxmlElement> map(String text, String... sets) {
        ProvSources sources = ProvSources.load(folder, text);
        List<ParameterSet> list = java.util.Arrays.stream(sets).map(name -> sources.element(name, ParameterSet.class)).toList();
        return NokiaOtaMapping.map(list, OmaCpMappingTest.SECRETS);
    }

    @Test
    void theBriefBecomesBrowserSettingsThroughTheWapGateway() {
        Mapped<WbxmlElement> mapped = map(BriefSets.BRIEF, "Brief");
        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE CHARACTERISTIC-LIST SYSTEM "/DTD/characteristic_list.xml">
                <CHARACTERISTIC-LIST>
                  <CHARACTERISTIC TYPE="ADDRESS">
                    <PARM NAME="BEARER" VALUE="GPRS"/>
                    <PARM NAME="PROXY" VALUE="10.10.0.9"/>
                    <PARM NAME="PORT" VALUE="9201"/>
                    <PARM NAME="GPRS_ACCESSPOINTNAME" VALUE="internet.brief.example"/>
                    <PARM NAME="PPP_AUTHTYPE" VALUE="CHAP"/>
                    <PARM NAME="PPP_AUTHNAME" VALUE="web"/>
                    <PARM NAME="PPP_AUTHSECRET" VALUE="secret:GPRS_PASSWORD"/>
                  </CHARACTERISTIC>
                  <CHARACTERISTIC TYPE="ADDRESS">
                    <PARM NAME="BEARER" VALUE="GSM/CSD"/>
                    <PARM NAME="PROXY" VALUE="10.10.0.9"/>
                    <PARM NAME="PORT" VALUE="9201"/>
                    <PARM NAME="CSD_DIALSTRING" VALUE="+447700900100"/>
                    <PARM NAME="PPP_AUTHTYPE" VALUE="PAP"/>
                    <PARM NAME="PPP_AUTHNAME" VALUE="csd"/>
                    <PARM NAME="PPP_AUTHSECRET" VALUE="secret:CSD_PASSWORD"/>
                    <PARM NAME="CSD_CALLTYPE" VALUE="ISDN"/>
                    <PARM NAME="CSD_CALLSPEED" VALUE="9600"/>
                  </CHARACTERISTIC>
                  <CHARACTERISTIC TYPE="URL" VALUE="http://wap.brief.example/"/>
                  <CHARACTERISTIC TYPE="NAME">
                    <PARM NAME="NAME" VALUE="Brief"/>
                  </CHARACTERISTIC>
                  <CHARACTERISTIC TYPE="BOOKMARK">
                    <PARM NAME="NAME" VALUE="Setup"/>
                    <PARM NAME="URL" VALUE="http://setup.brief.example/"/>
                  </CHARACTERISTIC>
                  <CHARACTERISTIC TYPE="BOOKMARK">
                    <PARM NAME="NAME" VALUE="News"/>
                    <PARM NAME="URL" VALUE="http://wap.brief.example/news"/>
                  </CHARACTERISTIC>
                  <CHARACTERISTIC TYPE="BOOKMARK">
                    <PARM NAME="NAME" VALUE="Setup"/>
                    <PARM NAME="URL" VALUE="http://www.brief.example/setup"/>
                  </CHARACTERISTIC>
                  <CHARACTERISTIC TYPE="BOOKMARK">
                    <PARM NAME="NAME" VALUE="Search"/>
                    <PARM NAME="URL" VALUE="http://search.brief.example/"/>
                  </CHARACTERISTIC>
                </CHARACTERISTIC-LIST>
                """, PushXml.write(PushDocumentType.NOKIA_OTA_SETTINGS, mapped.document()));
        assertEquals(List.of("the www proxy", "the www homepage \"http://www.brief.example/\"", "gprs dns", "gprs linger", "mail",
                "ipv4", "ipv6", "public-keys", "default-classmark"), mapped.notCarried().stream().map(NotCarried::parameter).toList());
        assertEquals("The Nokia OTA document cannot carry mail of the parameter set 'Brief': Nokia OTA browser settings have no"
                + " mail settings; deliver them with format oma-cp.", mapped.notCarried().get(4).message(DeliveryFormat.NOKIA_OTA));
    }

    @Test
    void aGatewayByNameOrOffTheWapPortsIsReported() {
        Mapped<WbxmlElement> mapped = map("""
                namespace test.nokia
                parameters Named { wap { gateway "wap.example.com" service cl-wsp } gprs { apn "internet" } }
                parameters OddPort { wap { gateway "10.0.0.1" port 8080 service cl-sec-wsp } gsm-csd { number "+447700900100" speed 4800 } }
                """, "Named", "OddPort");
        assertEquals(List.of("the wap gateway \"wap.example.com\"", "the gprs access point", "wap port 8080", "gsm-csd speed 4800"),
                mapped.notCarried().stream().map(NotCarried::parameter).toList());
        String xml = PushXml.write(PushDocumentType.NOKIA_OTA_SETTINGS, mapped.document());
        assertEquals(1, xml.split("TYPE=\"ADDRESS\"", -1).length - 1, xml);
        assertEquals(true, xml.contains("<PARM NAME=\"PORT\" VALUE=\"9202\"/>"), "cl-sec-wsp's port stands in: " + xml);
        assertEquals(true, xml.contains("<PARM NAME=\"NAME\" VALUE=\"Named+OddPort\"/>"), xml);
    }
}
