package org.mexe.studio.model.payload;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.mexe.studio.codec.wbxml.WbxmlAttribute;
import org.mexe.studio.codec.wbxml.WbxmlElement;
import org.mexe.studio.model.constraints.Syntax;
import org.mexe.studio.model.provisioning.AuthenticationType;
import org.mexe.studio.model.provisioning.Bookmark;
import org.mexe.studio.model.provisioning.GprsAccessPoint;
import org.mexe.studio.model.provisioning.GsmCsd;
import org.mexe.studio.model.provisioning.ParameterSet;
import org.mexe.studio.model.provisioning.SecretRef;
import org.mexe.studio.model.provisioning.Wap;
import org.mexe.studio.model.provisioning.Www;

/**
 * Maps parameter sets onto one Nokia/Ericsson OTA browser settings document (Over The Air
 * Settings Specification 7.0, the {@code CHARACTERISTIC-LIST} that Kannel's sendota and gammu
 * send): an ADDRESS per bearer ({@code gprs}, {@code gsm-csd}) through the set's WAP gateway, the
 * home page as URL, the sets' names as NAME, the setup URL and the favourites as BOOKMARKs.
 * <p>
 * The format is a WAP browser's: it has no HTTP proxy, no mail, no IP or DNS settings, no
 * certificates and no classmark, and a gateway must be an IPv4 address on one of the WAP ports
 * 9200-9203. Whatever it cannot carry is reported as {@link NotCarried}.
 */
public final class NokiaOtaMapping {

    /** The CSD_CALLSPEED values with a token of their own; the specification lists no others. */
    private static final Set<Integer> CALL_SPEEDS = Set.of(9600, 14400, 19200, 28800, 38400, 43200, 57600);

    private final List<WbxmlElement> addresses = new ArrayList<>();
    private final List<WbxmlElement> bookmarks = new ArrayList<>();
    private final List<NotCarried> notCarried = new ArrayList<>();
    private String homePage;
    private ParameterSet homePageSet;

    private NokiaOtaMapping() {
    }

    /** The settings document for {@code sets}, in their order; {@code secrets} supplies the passwords the handset needs. */
    public static <X extends Exception> Mapped<WbxmlElement> map(List<ParameterSet> sets, SecretReader<X> secrets) throws X {
        NokiaOtaMapping mapping = new NokiaOtaMapping();
        for (ParameterSet set : sets) {
            mapping.add(set, secrets);
        }
        List<WbxmlElement> characteristics = new ArrayList<>(mapping.addresses);
        if (mapping.homePage != null) {
            characteristics.add(element("CHARACTERISTIC", List.of(attribute("TYPE", "URL"), attribute("VALUE", mapping.homePage)),
                    List.of()));
        }
        String name = sets.stream().map(ParameterSet::getName).collect(Collectors.joining("+"));
        characteristics.add(element("CHARACTERISTIC", List.of(attribute("TYPE", "NAME")), List.of(parm("NAME", name))));
        characteristics.addAll(mapping.bookmarks);
        return new Mapped<>(element("CHARACTERISTIC-LIST", List.of(), characteristics), mapping.notCarried);
    }

    private <X extends Exception> void add(ParameterSet set, SecretReader<X> secrets) throws X {
        EffectiveParameters effective = EffectiveParameters.of(set);
        ParameterSet p = effective.merged();
        Wap wap = p.getWap();
        String gateway = null;
        String port = null;
        if (wap != null) {
            if (wap.getGateway() != null && Syntax.isIpv4(wap.getGateway())) {
                gateway = wap.getGateway();
            } else if (wap.getGateway() != null) {
                notCarried.add(new NotCarried(set, "the wap gateway \"" + wap.getGateway() + "\"",
                        "Nokia OTA names a gateway by its IPv4 address; give one, or deliver with format oma-cp."));
            }
            port = port(set, wap);
            homePage(set, "wap homepage", wap.getHomePage());
            bookmark(wap.getSetupUrl(), "Setup");
            wap.getBookmarks().forEach(this::bookmark);
        }
        Www www = p.getWww();
        if (www != null) {
            if (www.getProxy() != null || www.isSetPort()) {
                notCarried.add(new NotCarried(set, "the www proxy", "Nokia OTA settings have no HTTP proxy, only a WAP gateway (wap { gateway })."));
            }
            homePage(set, "www homepage", www.getHomePage());
            bookmark(www.getSetupUrl(), "Setup");
            www.getBookmarks().forEach(this::bookmark);
        }
        if (p.getGprs() != null) {
            gprs(set, p.getGprs(), gateway, port, ref -> secrets.read(effective.origin(ref)));
        }
        if (p.getGsmCsd() != null) {
            gsmCsd(set, p.getGsmCsd(), gateway, port, ref -> secrets.read(effective.origin(ref)));
        }
        if (p.getMail() != null) {
            notCarried.add(new NotCarried(set, "mail", "Nokia OTA browser settings have no mail settings; deliver them with format oma-cp."));
        }
        if (p.getIpv4() != null) {
            notCarried.add(new NotCarried(set, "ipv4", "Nokia OTA settings have no IP address or DNS parameters."));
        }
        if (p.getIpv6() != null) {
            notCarried.add(new NotCarried(set, "ipv6", "Nokia OTA settings have no IPv6 parameters."));
        }
        if (!p.getPublicKeys().isEmpty()) {
            notCarried.add(new NotCarried(set, "public-keys", "Nokia OTA settings have no certificates."));
        }
        if (p.isSetDefaultClassmark()) {
            notCarried.add(new NotCarried(set, "default-classmark", "Nokia OTA settings have no MExE classmark."));
        }
    }

    @FunctionalInterface
    private interface Secrets<X extends Exception> {
        String read(SecretRef copied) throws X;
    }

    /** PORT says which WAP stack to use: 9200 connectionless, 9201 connection-oriented, 9202/9203 the same over WTLS. */
    private String port(ParameterSet set, Wap wap) {
        if (wap.isSetPort()) {
            if (wap.getPort() >= 9200 && wap.getPort() <= 9203) {
                return Integer.toString(wap.getPort());
            }
            notCarried.add(new NotCarried(set, "wap port " + wap.getPort(),
                    "Nokia OTA knows only the WAP ports 9200 to 9203" + (wap.isSetService() ? "; the port of the service is sent instead." : ".")));
        }
        if (!wap.isSetService()) {
            return null;
        }
        return switch (wap.getService()) {
            case CL_WSP -> "9200";
            case CO_WSP -> "9201";
            case CL_SEC_WSP -> "9202";
            case CO_SEC_WSP -> "9203";
        };
    }

    private void homePage(ParameterSet set, String parameter, String url) {
        if (url == null) {
            return;
        }
        if (homePage == null) {
            homePage = url;
            homePageSet = set;
        } else if (!homePage.equals(url)) {
            notCarried.add(new NotCarried(set, "the " + parameter + " \"" + url + "\"", "Nokia OTA settings have one home page, and \""
                    + homePage + "\" of '" + homePageSet.getName() + "' comes first."));
        }
    }

    private void bookmark(Bookmark bookmark) {
        bookmark(bookmark.getUrl(), bookmark.getTitle());
    }

    private void bookmark(String url, String title) {
        if (url != null) {
            bookmarks.add(element("CHARACTERISTIC", List.of(attribute("TYPE", "BOOKMARK")),
                    List.of(parm("NAME", title), parm("URL", url))));
        }
    }

    private <X extends Exception> void gprs(ParameterSet set, GprsAccessPoint gprs, String gateway, String port, Secrets<X> secrets)
            throws X {
        if (gateway == null) {
            notCarried.add(noGateway(set, "gprs"));
            return;
        }
        List<WbxmlElement> parms = new ArrayList<>();
        parms.add(parm("BEARER", "GPRS"));
        parms.add(parm("PROXY", gateway));
        if (port != null) {
            parms.add(parm("PORT", port));
        }
        if (gprs.getApn() != null) {
            parms.add(parm("GPRS_ACCESSPOINTNAME", gprs.getApn()));
        }
        authentication(set, "gprs", parms, gprs.isSetAuthentication(), gprs.getAuthentication(), gprs.getUserName(),
                gprs.getPassword(), secrets);
        if (!gprs.getDnsServers().isEmpty()) {
            notCarried.add(new NotCarried(set, "gprs dns", "Nokia OTA settings have no DNS parameter."));
        }
        if (gprs.isSetLinger()) {
            notCarried.add(new NotCarried(set, "gprs linger", "Nokia OTA settings have no linger time."));
        }
        addresses.add(element("CHARACTERISTIC", List.of(attribute("TYPE", "ADDRESS")), parms));
    }

    private <X extends Exception> void gsmCsd(ParameterSet set, GsmCsd csd, String gateway, String port, Secrets<X> secrets)
            throws X {
        if (gateway == null) {
            notCarried.add(noGateway(set, "gsm-csd"));
            return;
        }
        List<WbxmlElement> parms = new ArrayList<>();
        parms.add(parm("BEARER", "GSM/CSD"));
        parms.add(parm("PROXY", gateway));
        if (port != null) {
            parms.add(parm("PORT", port));
        }
        if (csd.getNumber() != null) {
            parms.add(parm("CSD_DIALSTRING", csd.getNumber()));
        }
        authentication(set, "gsm-csd", parms, csd.isSetAuthentication(), csd.getAuthentication(), csd.getUserName(),
                csd.getPassword(), secrets);
        if (csd.isSetCallType()) {
            // The format knows analogue and ISDN; V.110 and V.120 are both ISDN data calls.
            parms.add(parm("CSD_CALLTYPE", switch (csd.getCallType()) {
                case ANALOG -> "ANALOGUE";
                case V110, V120 -> "ISDN";
            }));
        }
        if (csd.isSetSpeed()) {
            if (CALL_SPEEDS.contains(csd.getSpeed())) {
                parms.add(parm("CSD_CALLSPEED", Integer.toString(csd.getSpeed())));
            } else {
                notCarried.add(new NotCarried(set, "gsm-csd speed " + csd.getSpeed(),
                        "Nokia OTA knows the call speeds 9600, 14400, 19200, 28800, 38400, 43200 and 57600."));
            }
        }
        addresses.add(element("CHARACTERISTIC", List.of(attribute("TYPE", "ADDRESS")), parms));
    }

    private static NotCarried noGateway(ParameterSet set, String block) {
        return new NotCarried(set, "the " + block + " access point", "a Nokia OTA ADDRESS connects through a WAP gateway;"
                + " give the set a wap { gateway \"a.b.c.d\" }.");
    }

    private <X extends Exception> void authentication(ParameterSet set, String block, List<WbxmlElement> parms, boolean typeSet,
            AuthenticationType type, String user, SecretRef password, Secrets<X> secrets) throws X {
        if (!typeSet || type == AuthenticationType.NONE) {
            if (user != null || password != null) {
                notCarried.add(new NotCarried(set, block + " user and password",
                        "PPP authentication needs a type: add 'auth pap' or 'auth chap'."));
            }
            return;
        }
        parms.add(parm("PPP_AUTHTYPE", type.getName()));
        if (user != null) {
            parms.add(parm("PPP_AUTHNAME", user));
        }
        if (password != null) {
            // The handset needs the password to dial in: it travels in the payload.
            parms.add(parm("PPP_AUTHSECRET", secrets.read(password)));
        }
    }

    private static WbxmlElement parm(String name, String value) {
        return element("PARM", List.of(attribute("NAME", name), attribute("VALUE", value)), List.of());
    }

    private static WbxmlAttribute attribute(String name, String value) {
        return new WbxmlAttribute(name, value);
    }

    private static WbxmlElement element(String name, List<WbxmlAttribute> attributes, List<WbxmlElement> children) {
        return new WbxmlElement(name, attributes, children);
    }
}
