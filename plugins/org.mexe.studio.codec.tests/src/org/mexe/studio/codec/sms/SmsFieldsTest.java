package org.mexe.studio.codec.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mexe.studio.codec.Hex;
import org.mexe.studio.codec.WireFormat;
import org.mexe.studio.codec.internal.ByteReader;
import org.mexe.studio.codec.sms.DataCodingScheme.Alphabet;
import org.mexe.studio.codec.sms.InformationElement.EightBitApplicationPorts;
import org.mexe.studio.codec.sms.InformationElement.SimToolkitSecurityHeader;

/** TP-DCS, TP-SCTS, TP-VP and the user data header elements, field by field. */
class SmsFieldsTest {

    @ParameterizedTest
    @CsvSource({
        // TS 23.038 clause 4: general data coding, message waiting and data coding/message class groups.
        "00, GSM_7BIT, ",
        "04, EIGHT_BIT, ",
        "08, UCS2, ",
        "10, GSM_7BIT, CLASS_0",
        "16, EIGHT_BIT, CLASS_2",
        "19, UCS2, CLASS_1",
        "4A, UCS2, ",
        "5A, UCS2, CLASS_2",
        "C0, GSM_7BIT, ",
        "D8, GSM_7BIT, ",
        "E0, UCS2, ",
        "F0, GSM_7BIT, CLASS_0",
        "F5, EIGHT_BIT, CLASS_1",
        "F6, EIGHT_BIT, CLASS_2",
        "F7, EIGHT_BIT, CLASS_3",
    })
    void readsDataCodingSchemes(String hex, Alphabet alphabet, MessageClass messageClass) {
        DataCodingScheme dcs = new DataCodingScheme(Integer.parseInt(hex, 16));
        assertEquals(alphabet, dcs.alphabet());
        assertEquals(Optional.ofNullable(messageClass), dcs.messageClass());
    }

    @Test
    void buildsDataCodingSchemesAndRejectsWhatCannotBeDecoded() {
        assertEquals(0xF5, DataCodingScheme.messageClassGroup(Alphabet.EIGHT_BIT, MessageClass.CLASS_1).value());
        assertEquals(0xF6, DataCodingScheme.messageClassGroup(Alphabet.EIGHT_BIT, MessageClass.CLASS_2).value());
        assertEquals(0xF0, DataCodingScheme.messageClassGroup(Alphabet.GSM_7BIT, MessageClass.CLASS_0).value());
        assertEquals(0x15, DataCodingScheme.general(Alphabet.EIGHT_BIT, Optional.of(MessageClass.CLASS_1)).value());
        assertEquals(0x18, DataCodingScheme.general(Alphabet.UCS2, Optional.of(MessageClass.CLASS_0)).value());
        assertEquals(0x08, DataCodingScheme.general(Alphabet.UCS2, Optional.empty()).value());
        assertThrows(IllegalArgumentException.class, () -> DataCodingScheme.messageClassGroup(Alphabet.UCS2, MessageClass.CLASS_1));
        for (int reserved : new int[] {0x0C, 0x20, 0x24, 0x80, 0xBF, 0xF8, 0x100, -1}) {
            assertFalse(DataCodingScheme.isSupported(reserved), Integer.toHexString(reserved));
            assertThrows(IllegalArgumentException.class, () -> new DataCodingScheme(reserved));
        }
    }

    @ParameterizedTest
    @CsvSource({
        // python-gsmmodem test/test_pdu.py TestTimestamp (absolute validity period / SCTS encoding).
        "2015-11-27T00:00:00Z, 51117200000000",
        "2015-11-27T00:00:00+02:00, 51117200000080",
        "2007-04-12T23:25:42+08:00, 70402132522423",
        "2007-04-12T23:25:42-08:00, 7040213252242B",
        // Quarter hours: +05:45 (Nepal) is 23 quarters, -03:30 (Newfoundland) 14.
        "2099-12-31T23:59:59+05:45, 99211332959532",
        "2000-01-01T00:00:00-03:30, 00101000000049",
    })
    void encodesAndDecodesTimestamps(String time, String hex) {
        OffsetDateTime timestamp = OffsetDateTime.parse(time);
        assertEquals(hex, Hex.encode(SmsTimestamp.encode(timestamp)));
        assertEquals(timestamp, SmsTimestamp.read(new ByteReader(WireFormat.SMS_TPDU, Hex.decode(hex)), "TP-SCTS"));
    }

    @Test
    void rejectsTimestampsItCannotWrite() {
        assertThrows(IllegalArgumentException.class,
                () -> SmsTimestamp.encode(OffsetDateTime.of(1999, 12, 31, 0, 0, 0, 0, ZoneOffset.UTC)));
        assertThrows(IllegalArgumentException.class,
                () -> SmsTimestamp.encode(OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 1, ZoneOffset.UTC)));
        assertThrows(IllegalArgumentException.class,
                () -> SmsTimestamp.encode(OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHoursMinutes(1, 10))));
    }

    @ParameterizedTest
    @CsvSource({
        // TS 23.040 clause 9.2.3.12.1 at each range boundary.
        "0, PT5M", "143, PT12H", "144, PT12H30M", "167, PT24H", "168, P2D", "196, P30D", "197, P35D", "255, P441D",
        // python-gsmmodem test/test_pdu.py TestRelativeValidityPeriod.
        "5, PT30M", "151, PT16H", "169, P3D",
    })
    void convertsRelativeValidityPeriods(int octet, Duration duration) {
        assertEquals(duration, new ValidityPeriod.Relative(octet).duration());
        assertEquals(new ValidityPeriod.Relative(octet), ValidityPeriod.Relative.atLeast(duration));
    }

    @Test
    void roundsRelativeValidityPeriodsUp() {
        assertEquals(1, ValidityPeriod.Relative.atLeast(Duration.ofMinutes(6)).octet());
        assertEquals(144, ValidityPeriod.Relative.atLeast(Duration.ofHours(12).plusSeconds(1)).octet());
        assertEquals(0, ValidityPeriod.Relative.atLeast(Duration.ZERO).octet());
        assertThrows(IllegalArgumentException.class, () -> ValidityPeriod.Relative.atLeast(Duration.ofDays(442)));
    }

    @Test
    void writesSubmitValidityPeriods() {
        // python-gsmmodem test_encodeSmsSubmit vectors, with TP-DCS 04 instead of 00 (SmsSubmit carries 8-bit data):
        // relative A9 (3 days) after TP-DCS with TP-VPF 10, absolute 2013-07-10 13:39 +02:00 with TP-VPF 11.
        SmsSubmit relative = new SmsSubmit(0x0D, SmsAddress.national("0126541234"), 0, 4, UserDataHeader.NONE,
                Hex.decode("AB"), ValidityPeriod.Relative.atLeast(Duration.ofDays(3)));
        assertEquals("11 0D 0A A1 10 62 45 21 43 00 04 A9 01 AB", Hex.encodeSpaced(SmsSubmitCodec.encode(relative)));
        assertEquals(relative, SmsSubmitCodec.decode(SmsSubmitCodec.encode(relative)));

        SmsSubmit absolute = new SmsSubmit(0, SmsAddress.international("27820001111"), 0, 4, UserDataHeader.NONE,
                Hex.decode("AB"), new ValidityPeriod.Absolute(OffsetDateTime.parse("2013-07-10T13:39:00+02:00")));
        assertEquals("19 00 0B 91 72 28 00 10 11 F1 00 04 31 70 01 31 93 00 80 01 AB",
                Hex.encodeSpaced(SmsSubmitCodec.encode(absolute)));
        assertEquals(absolute, SmsSubmitCodec.decode(SmsSubmitCodec.encode(absolute)));

        SmsSubmit enhanced = SmsSubmitCodec.decode(Hex.decode("09 00 02 81 21 00 04 41 0A 00 00 00 00 00 00"));
        assertEquals(new ValidityPeriod.Enhanced(Hex.decode("41 0A 00 00 00 00 00")), enhanced.validityPeriod());
        assertEquals("09 00 02 81 21 00 04 41 0A 00 00 00 00 00 00", Hex.encodeSpaced(SmsSubmitCodec.encode(enhanced)));
    }

    @Test
    void readsAndWritesPortAndSimToolkitElements() {
        // python-gsmmodem TestUdhPortAddress: 8-bit ports 04 02 64 32 (destination 100, source 50).
        UserDataHeader header = new UserDataHeader(List.of(new EightBitApplicationPorts(100, 50),
                SimToolkitSecurityHeader.RESPONSE, SimToolkitSecurityHeader.COMMAND));
        assertEquals("08 04 02 64 32 71 00 70 00", Hex.encodeSpaced(header.encode()));
        assertEquals(header, UserDataHeader.read(new ByteReader(WireFormat.SMS_TPDU, header.encode())));
        assertThrows(IllegalArgumentException.class, () -> new EightBitApplicationPorts(256, 0));
    }
}
