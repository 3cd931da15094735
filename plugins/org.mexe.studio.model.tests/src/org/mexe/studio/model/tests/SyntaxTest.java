package org.mexe.studio.model.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mexe.studio.model.constraints.Syntax;

/** The value syntaxes the invariants and the language share. */
class SyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = { "10.0.0.1", "0.0.0.0", "255.255.255.255", "192.168.100.200" })
    void ipv4Literals(String value) {
        assertTrue(Syntax.isIpv4(value));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "10.0.0", "10.0.0.1.2", "256.0.0.1", "01.2.3.4", "a.b.c.d", "10.0.0.1 ", "1..2.3" })
    void notIpv4Literals(String value) {
        assertFalse(Syntax.isIpv4(value));
    }

    @ParameterizedTest
    @ValueSource(strings = { "2001:db8::1", "::", "::1", "1::", "fe80::1:2", "1:2:3:4:5:6:7:8", "::ffff:192.0.2.1",
            "1:2:3:4:5:6:1.2.3.4", "2001:DB8:0:0:8:800:200C:417A", "1:2:3:4:5:6:7::" })
    void ipv6Literals(String value) {
        assertTrue(Syntax.isIpv6(value));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", ":", ":1", "1:", "2001:db8:::1", "1::2::3", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9",
            "1:2:3:4:5:6:7:8::", "12345::", "g::1", "1.2.3.4::", "::1.2.3", "2001:db8::1/64", "fe80::1%eth0", "10.0.0.1" })
    void notIpv6Literals(String value) {
        assertFalse(Syntax.isIpv6(value));
    }

    @ParameterizedTest
    @ValueSource(strings = { "localhost", "wap.operator.example", "a-b.example", "x1.example", "10.0.0.1", "2001:db8::1" })
    void hosts(String value) {
        assertTrue(Syntax.isHost(value));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "bad host", "-x.example", "x-.example", "x_y.example", "a..b", "a.", "10.0.0.300", "1.2.3" })
    void notHosts(String value) {
        assertFalse(Syntax.isHost(value));
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://wap.operator.example/", "https://a.example:8443/x?y=1#z", "http://10.0.0.1/", "http://[2001:db8::1]/",
            "HTTP://A.EXAMPLE" })
    void httpUrls(String value) {
        assertTrue(Syntax.isHttpUrl(value));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "wap.operator", "ftp://a.example/", "http://", "http:///x", "http://bad host/", "http://a.example:70000/",
            " http://a.example/", "http://x_y.example/" })
    void notHttpUrls(String value) {
        assertFalse(Syntax.isHttpUrl(value));
    }

    @ParameterizedTest
    @ValueSource(strings = { "+447700900123", "2000", "0800123456", "123456789012345", "+123456789012345" })
    void phoneNumbers(String value) {
        assertTrue(Syntax.isPhoneNumber(value));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "+", "+0123", "+44 7700 900123", "1234567890123456", "+1234567890123456", "call me", "44-77" })
    void notPhoneNumbers(String value) {
        assertFalse(Syntax.isPhoneNumber(value));
    }

    @ParameterizedTest
    @ValueSource(strings = { "user@mail.example", "first.last+tag@a-b.example" })
    void mailAddresses(String value) {
        assertTrue(Syntax.isEmailAddress(value));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "user", "user@", "@mail.example", "a b@mail.example", "a..b@mail.example", "user@bad host" })
    void notMailAddresses(String value) {
        assertFalse(Syntax.isEmailAddress(value));
    }
}
