package org.mexe.studio.codec.push;

/** Documents the push tests share; each exercises the tokens of its language. */
final class PushDocuments {

    /** The WAP-167 clause 9 example (its dates trim to 7 and 4 OPAQUE octets). */
    static final String SI_EXAMPLE = """
            <?xml version="1.0"?>
            <!DOCTYPE si PUBLIC "-//WAPFORUM//DTD SI 1.0//EN" "http://www.wapforum.org/DTD/si.dtd">
            <si>
              <indication href="http://www.xyz.com/email/123/abc.wml" created="1999-06-25T15:23:15Z" si-expires="1999-06-30T00:00:00Z">
                You have 4 new emails
              </indication>
            </si>
            """;

    /** libwbxml's test/tools/si/si-001.xml: the same document laid out with tabs and line breaks. */
    static final String SI_LIBWBXML_001 = "<?xml version=\"1.0\"?>\n"
            + "<!DOCTYPE si PUBLIC \"-//WAPFORUM//DTD SI 1.0//EN\"\n\t\t\t\t\t\"http://www.wapforum.org/DTD/si.dtd\">\n"
            + "<si>\n\t<indication href=\"http://www.xyz.com/email/123/abc.wml\"\n\t\t\t\tcreated=\"1999-06-25T15:23:15Z\"\n"
            + "\t\t\t\tsi-expires=\"1999-06-30T00:00:00Z\">\n\t\tYou have 4 new emails\n\t</indication>\n</si>";

    /** Every SI attribute and the info/item elements, with suffix tokens mid-URL and an entity. */
    static final String SI_FULL = """
            <?xml version="1.0"?>
            <!DOCTYPE si PUBLIC "-//WAPFORUM//DTD SI 1.0//EN" "http://www.wapforum.org/DTD/si.dtd">
            <si>
              <indication href="https://www.shop.net/deals.org/x.edu/" si-id="id&amp;1" action="signal-high" created="2026-01-01T00:00:00Z">Ünïcødé &lt;sale&gt; €</indication>
              <info>
                <item class="x">one</item>
                <item class="x">two</item>
              </info>
            </si>
            """;

    static final String SL_EXAMPLE = """
            <?xml version="1.0"?>
            <!DOCTYPE sl PUBLIC "-//WAPFORUM//DTD SL 1.0//EN" "http://www.wapforum.org/DTD/sl.dtd">
            <sl href="https://www.example.org/a.com/x" action="execute-high"/>
            """;

    static final String SL_CACHE = """
            <?xml version="1.0"?>
            <!DOCTYPE sl PUBLIC "-//WAPFORUM//DTD SL 1.0//EN" "http://www.wapforum.org/DTD/sl.dtd">
            <sl href="ftp://files.example.edu/" action="cache"/>
            """;

    /** Browser settings with a bookmark: whole-value tokens, a value without a token, repeated strings. */
    static final String OTA_SETTINGS = """
            <?xml version="1.0"?>
            <!DOCTYPE CHARACTERISTIC-LIST SYSTEM "/DTD/characteristic_list.xml">
            <CHARACTERISTIC-LIST>
              <CHARACTERISTIC TYPE="ADDRESS">
                <PARM NAME="BEARER" VALUE="GPRS"/>
                <PARM NAME="GPRS_ACCESSPOINTNAME" VALUE="internet"/>
                <PARM NAME="PROXY" VALUE="10.0.0.1"/>
                <PARM NAME="PORT" VALUE="9201"/>
                <PARM NAME="PPP_AUTHTYPE" VALUE="PAP"/>
                <PARM NAME="PPP_AUTHNAME" VALUE="wap"/>
                <PARM NAME="PPP_AUTHSECRET" VALUE="wap"/>
                <PARM NAME="PPP_LOGINTYPE" VALUE="AUTOMATIC"/>
              </CHARACTERISTIC>
              <CHARACTERISTIC TYPE="URL" VALUE="http://wap.example.com/"/>
              <CHARACTERISTIC TYPE="NAME">
                <PARM NAME="NAME" VALUE="Example WAP"/>
              </CHARACTERISTIC>
              <CHARACTERISTIC TYPE="BOOKMARK">
                <PARM NAME="NAME" VALUE="Example"/>
                <PARM NAME="URL" VALUE="http://wap.example.com/"/>
              </CHARACTERISTIC>
              <CHARACTERISTIC TYPE="ID">
                <PARM NAME="NAME" VALUE="12345678"/>
              </CHARACTERISTIC>
            </CHARACTERISTIC-LIST>
            """;

    private PushDocuments() {
    }
}
