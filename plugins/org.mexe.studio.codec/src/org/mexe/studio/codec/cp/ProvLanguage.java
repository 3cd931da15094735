package org.mexe.studio.codec.cp;

import java.util.Set;

import org.mexe.studio.codec.wbxml.WbxmlLanguage;

/**
 * OMA Client Provisioning content (WAP-183 ProvCont, OMA ProvCont 1.1): XML identifiers and WBXML
 * token tables. Page 1 holds the APPLICATION-related tokens; because the encoder takes the lowest
 * page defining a token, it switches to page 1 only for those (e.g. {@code type=APPLICATION},
 * {@code APPID}, {@code APPSRV}) and back to page 0 for {@code value=}, exactly like libwbxml.
 */
public final class ProvLanguage {

    public static final String ROOT_ELEMENT = "wap-provisioningdoc";
    public static final String FORMAL_PUBLIC_IDENTIFIER = "-//WAPFORUM//DTD PROV 1.0//EN";
    public static final String SYSTEM_IDENTIFIER = "http://www.wapforum.org/DTD/prov.dtd";
    public static final String DOCTYPE = "<!DOCTYPE %s PUBLIC \"%s\" \"%s\">"
            .formatted(ROOT_ELEMENT, FORMAL_PUBLIC_IDENTIFIER, SYSTEM_IDENTIFIER);

    /** WBXML public identifier token of PROV 1.0. */
    public static final int PUBLIC_ID = 0x0B;

    /*
     * Names and codes follow ProvCont 1.1 clause 8 as Wireshark and libwbxml carry them, except:
     * spec spellings TETRA-SDS/TETRA-PACKET and CDMA2000-1X-* (libwbxml: TRETRA-*, Wireshark:
     * CDMA2000-IX-*); APPSRV/OBEX only on page 1, as the spec has them (libwbxml adds them to page 0);
     * the page-1 AAUTHTYPE fragments are decode-only because Wireshark does not know them, so
     * "HTTP-BASIC" is encoded with the page-0 token the way libwbxml does.
     */
    private static final String TOKENS = """
            tag   00 05 wap-provisioningdoc
            tag   00 06 characteristic
            tag   00 07 parm
            tag   01 06 characteristic
            tag   01 07 parm

            attr  00 05 name
            attr  00 06 value
            attr  00 07 name NAME
            attr  00 08 name NAP-ADDRESS
            attr  00 09 name NAP-ADDRTYPE
            attr  00 0A name CALLTYPE
            attr  00 0B name VALIDUNTIL
            attr  00 0C name AUTHTYPE
            attr  00 0D name AUTHNAME
            attr  00 0E name AUTHSECRET
            attr  00 0F name LINGER
            attr  00 10 name BEARER
            attr  00 11 name NAPID
            attr  00 12 name COUNTRY
            attr  00 13 name NETWORK
            attr  00 14 name INTERNET
            attr  00 15 name PROXY-ID
            attr  00 16 name PROXY-PROVIDER-ID
            attr  00 17 name DOMAIN
            attr  00 18 name PROVURL
            attr  00 19 name PXAUTH-TYPE
            attr  00 1A name PXAUTH-ID
            attr  00 1B name PXAUTH-PW
            attr  00 1C name STARTPAGE
            attr  00 1D name BASAUTH-ID
            attr  00 1E name BASAUTH-PW
            attr  00 1F name PUSHENABLED
            attr  00 20 name PXADDR
            attr  00 21 name PXADDRTYPE
            attr  00 22 name TO-NAPID
            attr  00 23 name PORTNBR
            attr  00 24 name SERVICE
            attr  00 25 name LINKSPEED
            attr  00 26 name DNLINKSPEED
            attr  00 27 name LOCAL-ADDR
            attr  00 28 name LOCAL-ADDRTYPE
            attr  00 29 name CONTEXT-ALLOW
            attr  00 2A name TRUST
            attr  00 2B name MASTER
            attr  00 2C name SID
            attr  00 2D name SOC
            attr  00 2E name WSP-VERSION
            attr  00 2F name PHYSICAL-PROXY-ID
            attr  00 30 name CLIENT-ID
            attr  00 31 name DELIVERY-ERR-SDU
            attr  00 32 name DELIVERY-ORDER
            attr  00 33 name TRAFFIC-CLASS
            attr  00 34 name MAX-SDU-SIZE
            attr  00 35 name MAX-BITRATE-UPLINK
            attr  00 36 name MAX-BITRATE-DNLINK
            attr  00 37 name RESIDUAL-BER
            attr  00 38 name SDU-ERROR-RATIO
            attr  00 39 name TRAFFIC-HANDL-PRIO
            attr  00 3A name TRANSFER-DELAY
            attr  00 3B name GUARANTEED-BITRATE-UPLINK
            attr  00 3C name GUARANTEED-BITRATE-DNLINK
            attr  00 3D name PXADDR-FQDN
            attr  00 3E name PROXY-PW
            attr  00 3F name PPGAUTH-TYPE
            attr  00 45 version
            attr  00 46 version 1.0
            attr  00 47 name PULLENABLED
            attr  00 48 name DNS-ADDR
            attr  00 49 name MAX-NUM-RETRY
            attr  00 4A name FIRST-RETRY-TIMEOUT
            attr  00 4B name REREG-THRESHOLD
            attr  00 4C name T-BIT
            attr  00 4E name AUTH-ENTITY
            attr  00 4F name SPI
            attr  00 50 type
            attr  00 51 type PXLOGICAL
            attr  00 52 type PXPHYSICAL
            attr  00 53 type PORT
            attr  00 54 type VALIDITY
            attr  00 55 type NAPDEF
            attr  00 56 type BOOTSTRAP
            attr  00 57 type VENDORCONFIG
            attr  00 58 type CLIENTIDENTITY
            attr  00 59 type PXAUTHINFO
            attr  00 5A type NAPAUTHINFO
            attr  00 5B type ACCESS

            attr  01 05 name
            attr  01 06 value
            attr  01 07 name NAME
            attr  01 14 name INTERNET
            attr  01 1C name STARTPAGE
            attr  01 22 name TO-NAPID
            attr  01 23 name PORTNBR
            attr  01 24 name SERVICE
            attr  01 2E name AACCEPT
            attr  01 2F name AAUTHDATA
            attr  01 30 name AAUTHLEVEL
            attr  01 31 name AAUTHNAME
            attr  01 32 name AAUTHSECRET
            attr  01 33 name AAUTHTYPE
            attr  01 34 name ADDR
            attr  01 35 name ADDRTYPE
            attr  01 36 name APPID
            attr  01 37 name APROTOCOL
            attr  01 38 name PROVIDER-ID
            attr  01 39 name TO-PROXY
            attr  01 3A name URI
            attr  01 3B name RULE
            attr  01 50 type
            attr  01 53 type PORT
            attr  01 55 type APPLICATION
            attr  01 56 type APPADDR
            attr  01 57 type APPAUTH
            attr  01 58 type CLIENTIDENTITY
            attr  01 59 type RESOURCE

            value 00 85 IPV4
            value 00 86 IPV6
            value 00 87 E164
            value 00 88 ALPHA
            value 00 89 APN
            value 00 8A SCODE
            value 00 8B TETRA-ITSI
            value 00 8C MAN
            value 00 90 ANALOG-MODEM
            value 00 91 V.120
            value 00 92 V.110
            value 00 93 X.31
            value 00 94 BIT-TRANSPARENT
            value 00 95 DIRECT-ASYNCHRONOUS-DATA-SERVICE
            value 00 9A PAP
            value 00 9B CHAP
            value 00 9C HTTP-BASIC
            value 00 9D HTTP-DIGEST
            value 00 9E WTLS-SS
            value 00 9F MD5
            value 00 A2 GSM-USSD
            value 00 A3 GSM-SMS
            value 00 A4 ANSI-136-GUTS
            value 00 A5 IS-95-CDMA-SMS
            value 00 A6 IS-95-CDMA-CSD
            value 00 A7 IS-95-CDMA-PACKET
            value 00 A8 ANSI-136-CSD
            value 00 A9 ANSI-136-GPRS
            value 00 AA GSM-CSD
            value 00 AB GSM-GPRS
            value 00 AC AMPS-CDPD
            value 00 AD PDC-CSD
            value 00 AE PDC-PACKET
            value 00 AF IDEN-SMS
            value 00 B0 IDEN-CSD
            value 00 B1 IDEN-PACKET
            value 00 B2 FLEX/REFLEX
            value 00 B3 PHS-SMS
            value 00 B4 PHS-CSD
            value 00 B5 TETRA-SDS
            value 00 B6 TETRA-PACKET
            value 00 B7 ANSI-136-GHOST
            value 00 B8 MOBITEX-MPAK
            value 00 B9 CDMA2000-1X-SIMPLE-IP
            value 00 BA CDMA2000-1X-MOBILE-IP
            value 00 C5 AUTOBAUDING
            value 00 CA CL-WSP
            value 00 CB CO-WSP
            value 00 CC CL-SEC-WSP
            value 00 CD CO-SEC-WSP
            value 00 CE CL-SEC-WTA
            value 00 CF CO-SEC-WTA
            value 00 D0 OTA-HTTP-TO
            value 00 D1 OTA-HTTP-TLS-TO
            value 00 D2 OTA-HTTP-PO
            value 00 D3 OTA-HTTP-TLS-PO
            value 00 E0 AAA
            value 00 E1 HA

            value 01 86 IPV6
            value 01 87 E164
            value 01 88 ALPHA
            value 01 8D APPSRV
            value 01 8E OBEX
            value-decode-only 01 90 ,
            value-decode-only 01 91 HTTP-
            value-decode-only 01 92 BASIC
            value-decode-only 01 93 DIGEST
            """;

    /** Root and characteristic always carry the content flag: Appendix C encodes an empty ACCESS as C6 5B 01 01. */
    public static final WbxmlLanguage PROV_1_0 = WbxmlLanguage.fromTable("PROV 1.0", PUBLIC_ID,
            FORMAL_PUBLIC_IDENTIFIER, Set.of(ROOT_ELEMENT, "characteristic"), TOKENS);

    private ProvLanguage() {
    }
}
