package org.mexe.studio.codec.push;

import java.util.Set;

import org.mexe.studio.codec.wbxml.WbxmlLanguage;

/**
 * Token tables of the push content languages. SI and SL are WAP-167 clause 8.3 and WAP-168
 * clause 9.3; Nokia/Ericsson OTA Settings ("OTA_settings_general_7_0") is the table libwbxml
 * (wbxml_tables.c, sv_ota_settings_*) and Qtopia's QOtaReader agree on. Byte-checked against
 * libwbxml's xml2wbxml in the peer tests.
 */
public final class PushLanguages {

    /** SI 1.0: URL prefix tokens may start an href, the domain suffix tokens stand anywhere in it. */
    public static final WbxmlLanguage SI_1_0 = WbxmlLanguage.fromTable("SI 1.0", 0x05,
            "-//WAPFORUM//DTD SI 1.0//EN", Set.of(), """
            tag 0 05 si
            tag 0 06 indication
            tag 0 07 info
            tag 0 08 item
            text indication
            text item
            attr 0 05 action signal-none
            attr 0 06 action signal-low
            attr 0 07 action signal-medium
            attr 0 08 action signal-high
            attr 0 09 action delete
            attr 0 0A created
            attr 0 0B href
            attr-prefix 0 0C href http://
            attr-prefix 0 0D href http://www.
            attr-prefix 0 0E href https://
            attr-prefix 0 0F href https://www.
            attr 0 10 si-expires
            attr 0 11 si-id
            attr 0 12 class
            datetime created
            datetime si-expires
            value-inline 0 85 .com/
            value-inline 0 86 .edu/
            value-inline 0 87 .net/
            value-inline 0 88 .org/
            """);

    /** SL 1.0: a single empty element; execute-high makes the handset fetch the URL at once. */
    public static final WbxmlLanguage SL_1_0 = WbxmlLanguage.fromTable("SL 1.0", 0x06,
            "-//WAPFORUM//DTD SL 1.0//EN", Set.of(), """
            tag 0 05 sl
            attr 0 05 action execute-low
            attr 0 06 action execute-high
            attr 0 07 action cache
            attr 0 08 href
            attr-prefix 0 09 href http://
            attr-prefix 0 0A href http://www.
            attr-prefix 0 0B href https://
            attr-prefix 0 0C href https://www.
            value-inline 0 85 .com/
            value-inline 0 86 .edu/
            value-inline 0 87 .net/
            value-inline 0 88 .org/
            """);

    /**
     * Nokia/Ericsson OTA Settings, public id 0x01 ("unknown": the format has no registered one).
     * Every value token is an attribute start carrying a whole value; the phones compare whole
     * strings, so none of them is used as a prefix.
     */
    public static final WbxmlLanguage NOKIA_OTA_SETTINGS = WbxmlLanguage.fromTable("Nokia OTA Settings", 0x01,
            "-//NOKIA//DTD OTA SETTINGS 7.0//EN", Set.of(), """
            tag 0 05 CHARACTERISTIC-LIST
            tag 0 06 CHARACTERISTIC
            tag 0 07 PARM
            attr 0 06 TYPE ADDRESS
            attr 0 07 TYPE URL
            attr 0 08 TYPE NAME
            attr 0 10 NAME
            attr 0 11 VALUE
            attr 0 12 NAME BEARER
            attr 0 13 NAME PROXY
            attr 0 14 NAME PORT
            attr 0 15 NAME NAME
            attr 0 16 NAME PROXY_TYPE
            attr 0 17 NAME URL
            attr 0 18 NAME PROXY_AUTHNAME
            attr 0 19 NAME PROXY_AUTHSECRET
            attr 0 1A NAME SMS_SMSC_ADDRESS
            attr 0 1B NAME USSD_SERVICE_CODE
            attr 0 1C NAME GPRS_ACCESSPOINTNAME
            attr 0 1D NAME PPP_LOGINTYPE
            attr 0 1E NAME PROXY_LOGINTYPE
            attr 0 21 NAME CSD_DIALSTRING
            attr 0 22 NAME PPP_AUTHTYPE
            attr 0 23 NAME PPP_AUTHNAME
            attr 0 24 NAME PPP_AUTHSECRET
            attr 0 28 NAME CSD_CALLTYPE
            attr 0 29 NAME CSD_CALLSPEED
            attr 0 45 VALUE GSM/CSD
            attr 0 46 VALUE GSM/SMS
            attr 0 47 VALUE GSM/USSD
            attr 0 48 VALUE IS-136/CSD
            attr 0 49 VALUE GPRS
            attr 0 60 VALUE 9200
            attr 0 61 VALUE 9201
            attr 0 62 VALUE 9202
            attr 0 63 VALUE 9203
            attr 0 64 VALUE AUTOMATIC
            attr 0 65 VALUE MANUAL
            attr 0 6A VALUE AUTO
            attr 0 6B VALUE 9600
            attr 0 6C VALUE 14400
            attr 0 6D VALUE 19200
            attr 0 6E VALUE 28800
            attr 0 6F VALUE 38400
            attr 0 70 VALUE PAP
            attr 0 71 VALUE CHAP
            attr 0 72 VALUE ANALOGUE
            attr 0 73 VALUE ISDN
            attr 0 74 VALUE 43200
            attr 0 75 VALUE 57600
            attr 0 76 VALUE MSISDN_NO
            attr 0 77 VALUE IPV4
            attr 0 78 VALUE MS_CHAP
            attr 0 7C TYPE MMSURL
            attr 0 7D TYPE ID
            attr 0 7E NAME ISP_NAME
            attr 0 7F TYPE BOOKMARK
            """);

    private PushLanguages() {
    }
}
