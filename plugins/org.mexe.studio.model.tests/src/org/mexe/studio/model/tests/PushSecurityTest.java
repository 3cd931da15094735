package org.mexe.studio.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.mexe.studio.codec.cp.CpSecurity;
import org.mexe.studio.model.payload.PushSecurity;
import org.mexe.studio.model.payload.PushSecurity.Pin;
import org.mexe.studio.model.payload.PushSecurity.UnusablePinException;
import org.mexe.studio.model.provisioning.SecurityMethod;

/** The one mapping from a security method and its key material to the codec's CpSecurity. */
class PushSecurityTest {

    // Test material: made-up PIN and IMSI.
    private static final String IMSI = "001010123456789";
    private static final byte[] WBXML = { 0x03, 0x0B, 0x6A, 0x00, 0x45, 0x01 };

    @Test
    void everyMethodOfTheModelHasItsWireMethodAndNoneHasNone() {
        assertEquals(Optional.empty(), PushSecurity.onTheWire(SecurityMethod.NONE));
        for (var wire : org.mexe.studio.codec.wsp.SecurityMethod.values()) {
            assertEquals(Optional.of(wire), PushSecurity.onTheWire(SecurityMethod.getByName(wire.name())));
        }
        assertEquals(Optional.empty(), PushSecurity.signing(SecurityMethod.NONE, Optional.of(IMSI), Optional.empty()).forDocument(WBXML));
    }

    @Test
    void methodsNeedAPinOrAnImsiAsProvBootKeysThem() {
        assertTrue(PushSecurity.needsPin(SecurityMethod.USERPIN) && PushSecurity.needsPin(SecurityMethod.USERNETWPIN)
                && PushSecurity.needsPin(SecurityMethod.USERPINMAC));
        assertFalse(PushSecurity.needsPin(SecurityMethod.NETWPIN) || PushSecurity.needsPin(SecurityMethod.NONE));
        assertTrue(PushSecurity.needsImsi(SecurityMethod.NETWPIN) && PushSecurity.needsImsi(SecurityMethod.USERNETWPIN));
        assertFalse(PushSecurity.needsImsi(SecurityMethod.USERPIN) || PushSecurity.needsImsi(SecurityMethod.USERPINMAC)
                || PushSecurity.needsImsi(SecurityMethod.NONE));
    }

    @Test
    void keysAreTheCodecsForTheMethod() {
        Optional<Pin> pin = Optional.of(new Pin.Given("1234"));
        assertEquals(Optional.of(new CpSecurity.UserPin("1234")),
                PushSecurity.signing(SecurityMethod.USERPIN, Optional.empty(), pin).forDocument(WBXML));
        assertEquals(Optional.of(new CpSecurity.NetworkPin(IMSI)),
                PushSecurity.signing(SecurityMethod.NETWPIN, Optional.of(IMSI), Optional.empty()).forDocument(WBXML));
        assertEquals(Optional.of(new CpSecurity.UserNetworkPin(IMSI, "1234")),
                PushSecurity.signing(SecurityMethod.USERNETWPIN, Optional.of(IMSI), pin).forDocument(WBXML));
        assertThrows(IllegalArgumentException.class,
                () -> PushSecurity.signing(SecurityMethod.NETWPIN, Optional.empty(), Optional.empty()).forDocument(WBXML));
    }

    @Test
    void aMadeUserPinMacIsCompletedByTheDocumentAndAGivenOneMustBeTheOneMadeForIt() {
        var made = PushSecurity.signing(SecurityMethod.USERPINMAC, Optional.empty(), Optional.of(new Pin.Made("4711"))).forDocument(WBXML);
        CpSecurity.UserPinMac expected = CpSecurity.UserPinMac.forDocument("4711", WBXML);
        assertEquals(Optional.of(expected), made);
        assertEquals(Optional.of(expected.pin()), PushSecurity.userPin(expected));

        var given = PushSecurity.signing(SecurityMethod.USERPINMAC, Optional.empty(), Optional.of(new Pin.Given(expected.pin())));
        assertEquals(Optional.of(expected), given.forDocument(WBXML));
        byte[] otherDocument = WBXML.clone();
        otherDocument[5] = 0x02;
        var notForIt = assertThrows(UnusablePinException.class, () -> given.forDocument(otherDocument));
        assertEquals(UnusablePinException.Fault.NOT_MADE_FOR_THIS_DOCUMENT, notForIt.fault());
        assertFalse(notForIt.getMessage().contains(expected.pin()), notForIt.getMessage());

        var odd = assertThrows(UnusablePinException.class, () -> PushSecurity
                .signing(SecurityMethod.USERPINMAC, Optional.empty(), Optional.of(new Pin.Given("12345"))).forDocument(WBXML));
        assertEquals(UnusablePinException.Fault.NOT_WELL_FORMED, odd.fault());
    }

    @Test
    void madePinsHaveEightDigitsOrFourForUserPinMac() {
        Random random = new Random(7);
        assertTrue(Pin.make(org.mexe.studio.codec.wsp.SecurityMethod.USERPIN, random).randomDigits().matches("[0-9]{8}"));
        assertTrue(Pin.make(org.mexe.studio.codec.wsp.SecurityMethod.USERPINMAC, random).randomDigits().matches("[0-9]{4}"));
    }
}
