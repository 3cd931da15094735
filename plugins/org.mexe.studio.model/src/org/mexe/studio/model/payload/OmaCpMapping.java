package org.mexe.studio.model.payload;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.mexe.studio.codec.cp.Characteristic;
import org.mexe.studio.codec.cp.Parm;
import org.mexe.studio.codec.cp.ProvisioningDocument;
import org.mexe.studio.model.constraints.Syntax;
import org.mexe.studio.model.provisioning.AuthenticationType;
import org.mexe.studio.model.provisioning.Bookmark;
import org.mexe.studio.model.provisioning.GprsAccessPoint;
import org.mexe.studio.model.provisioning.GsmCsd;
import org.mexe.studio.model.provisioning.Ipv4;
import org.mexe.studio.model.provisioning.Ipv6;
import org.mexe.studio.model.provisioning.Mail;
import org.mexe.studio.model.provisioning.MailServer;
import org.mexe.studio.model.provisioning.ParameterSet;
import org.mexe.studio.model.provisioning.SecretRef;
import org.mexe.studio.model.provisioning.Wap;
import org.mexe.studio.model.provisioning.Www;

/**
 * Maps parameter sets onto an OMA Client Provisioning document (OMA-WAP-ProvCont 1.1), each set
 * with its inherited values ({@link EffectiveParameters}):
 * <ul>
 * <li>{@code gprs} and {@code gsm-csd}: a NAPDEF each ({@code <set>-NAP}, {@code <set>-CSD}) with
 * NAPAUTHINFO; {@code ipv4}/{@code ipv6} addresses and DNS servers go into every NAPDEF of the set;</li>
 * <li>{@code wap} and {@code www}: a PXLOGICAL each ({@code <set>-WAP}, {@code <set>-PROXY}) whose
 * PXPHYSICAL routes over the set's NAPDEFs, and a browser APPLICATION (APPID w2) with the home
 * page, the setup URL and the bookmarks as RESOURCEs;</li>
 * <li>{@code mail}: the SMTP (APPID 25), POP3 (110) and IMAP4 (143) APPLICATIONs of the OMNA
 * registry, tied together by one PROVIDER-ID, with APPADDR/PORT/SERVICE and APPAUTH.</li>
 * </ul>
 * What ProvCont cannot carry is reported as {@link NotCarried}, never dropped silently.
 * Characteristics come proxies first, then access points, then applications, the order of the
 * ProvCont examples; identifiers derive from set names, so the output is the same on every run.
 */
public final class OmaCpMapping {

    public static final String BROWSER_APPID = "w2";
    /** OMNA's registered APPIDs for mail are the IANA ports ("w4" is MMS). */
    public static final String SMTP_APPID = "25";
    public static final String POP3_APPID = "110";
    public static final String IMAP_APPID = "143";


    private final List<Characteristic> proxies = new ArrayList<>();
    private final List<Characteristic> accessPoints = new ArrayList<>();
    private final List<Characteristic> applications = new ArrayList<>();
    private final List<NotCarried> notCarried = new ArrayList<>();

    private OmaCpMapping() {
    }

    /** The document for {@code sets}, in their order; {@code secrets} supplies the passwords the handset needs. */
    public static <X extends Exception> Mapped<ProvisioningDocument> map(List<ParameterSet> sets, SecretReader<X> secrets)
            throws X {
        OmaCpMapping mapping = new OmaCpMapping();
        for (ParameterSet set : sets) {
            mapping.add(set, secrets);
        }
        List<Characteristic> all = new ArrayList<>(mapping.proxies);
        all.addAll(mapping.accessPoints);
        all.addAll(mapping.applications);
        return new Mapped<>(new ProvisioningDocument(ProvisioningDocument.VERSION_1_0, all), mapping.notCarried);
    }

    private <X extends Exception> void add(ParameterSet set, SecretReader<X> secrets) throws X {
        EffectiveParameters effective = EffectiveParameters.of(set);
        ParameterSet p = effective.merged();
        String name = set.getName();
        Secrets<X> secretsOfSet = ref -> secrets.read(effective.origin(ref));

        IpSettings ip = ipSettings(set, p.getIpv4(), p.getIpv6());
        List<String> napIds = new ArrayList<>();
        if (p.getGprs() != null) {
            napIds.add(name + "-NAP");
            accessPoints.add(gprs(set, name + "-NAP", p.getGprs(), ip, secretsOfSet));
        }
        if (p.getGsmCsd() != null) {
            napIds.add(name + "-CSD");
            accessPoints.add(gsmCsd(set, name + "-CSD", p.getGsmCsd(), ip, secretsOfSet));
        }
        if (napIds.isEmpty() && (ip.localAddress != null || !ip.dns.isEmpty())) {
            notCarried.add(new NotCarried(set, "the ipv4/ipv6 addresses and DNS servers",
                    "ProvCont puts them into an access point (NAPDEF), and the set has no gprs or gsm-csd block."));
        }

        Wap wap = p.getWap();
        if (wap != null) {
            String proxyId = name + "-WAP";
            boolean proxy = wap.getGateway() != null;
            if (proxy) {
                proxies.add(pxlogical(proxyId, name + " WAP", wap.getGateway(), wap.isSetPort() ? Integer.toString(wap.getPort()) : null,
                        wap.isSetService() ? service(wap) : null, wap.getHomePage(), napIds));
            } else if (wap.isSetPort() || wap.isSetService()) {
                notCarried.add(new NotCarried(set, "wap port and service",
                        "ProvCont gives them to a proxy (PXPHYSICAL), and the wap block has no gateway."));
            }
            browser(name + " WAP", proxy ? proxyId : null, wap.getHomePage(), wap.getSetupUrl(), wap.getBookmarks());
        }
        Www www = p.getWww();
        if (www != null) {
            String proxyId = name + "-PROXY";
            boolean proxy = www.getProxy() != null;
            if (proxy) {
                proxies.add(pxlogical(proxyId, name, www.getProxy(), www.isSetPort() ? Integer.toString(www.getPort()) : null,
                        null, www.getHomePage(), napIds));
            } else if (www.isSetPort()) {
                notCarried.add(new NotCarried(set, "www port", "the www block has no proxy for the port to belong to."));
            }
            browser(name, proxy ? proxyId : null, www.getHomePage(), www.getSetupUrl(), www.getBookmarks());
        }
        if (p.getMail() != null) {
            mail(set, name, p.getMail(), napIds, secretsOfSet);
        }
        if (!p.getPublicKeys().isEmpty()) {
            notCarried.add(new NotCarried(set, "public-keys", "ProvCont 1.1 has no characteristic for certificates;"
                    + " the handset gets them with the trust stage (preloaded or on the (U)SIM)."));
        }
        if (p.isSetDefaultClassmark()) {
            notCarried.add(new NotCarried(set, "default-classmark",
                    "ProvCont 1.1 has no MExE classmark parameter; set it with the bootstrap application instead."));
        }
    }

    /** Reads a secret of the merged set through its original reference. */
    @FunctionalInterface
    private interface Secrets<X extends Exception> {
        String read(SecretRef copied) throws X;
    }

    /** What ipv4/ipv6 add to every NAPDEF of a set: at most one LOCAL-ADDR, and DNS servers. */
    private record IpSettings(String localAddress, String localAddressType, List<String> dns) {
    }

    private IpSettings ipSettings(ParameterSet set, Ipv4 ipv4, Ipv6 ipv6) {
        List<String[]> addresses = new ArrayList<>();
        List<String> dns = new ArrayList<>();
        if (ipv4 != null) {
            if (ipv4.isSetEnabled() && !ipv4.isEnabled()) {
                notCarried.add(new NotCarried(set, "ipv4 enabled no", "ProvCont 1.1 cannot switch IPv4 off;"
                        + " the set's ipv4 addresses and DNS servers are left out as well."));
            } else {
                ipv4.getAddresses().forEach(address -> addresses.add(new String[] { address, "IPV4" }));
                dns.addAll(ipv4.getDnsServers());
            }
        }
        if (ipv6 != null) {
            // IPv6 addresses tell the handset that IPv6 is on, so 'enabled yes' with addresses loses nothing.
            boolean addressesCarryIt = ipv6.isEnabled() && !(ipv6.getAddresses().isEmpty() && ipv6.getDnsServers().isEmpty());
            if (ipv6.isSetEnabled() && !addressesCarryIt) {
                notCarried.add(new NotCarried(set, "ipv6 enabled", "ProvCont 1.1 has no parameter that switches IPv6 on or off"
                        + " (the handset keeps its own setting); only IPv6 addresses and DNS servers are carried."));
            }
            if (ipv6.isSetSixToFour()) {
                notCarried.add(new NotCarried(set, "ipv6 six-to-four", "ProvCont 1.1 has no 6-to-4 parameter."));
            }
            if (!(ipv6.isSetEnabled() && !ipv6.isEnabled())) {
                ipv6.getAddresses().forEach(address -> addresses.add(new String[] { address, "IPV6" }));
                dns.addAll(ipv6.getDnsServers());
            }
        }
        for (String[] extra : addresses.subList(Math.min(1, addresses.size()), addresses.size())) {
            notCarried.add(new NotCarried(set, "the address \"" + extra[0] + "\"",
                    "a NAPDEF holds one LOCAL-ADDR, and \"" + addresses.get(0)[0] + "\" comes first."));
        }
        return addresses.isEmpty() ? new IpSettings(null, null, dns) : new IpSettings(addresses.get(0)[0], addresses.get(0)[1], dns);
    }

    private <X extends Exception> Characteristic gprs(ParameterSet set, String napId, GprsAccessPoint gprs, IpSettings ip,
            Secrets<X> secrets) throws X {
        List<Parm> parms = new ArrayList<>();
        parms.add(new Parm("NAPID", napId));
        parms.add(new Parm("BEARER", "GSM-GPRS"));
        parms.add(new Parm("NAME", set.getName()));
        if (gprs.getApn() != null) {
            parms.add(new Parm("NAP-ADDRESS", gprs.getApn()));
            parms.add(new Parm("NAP-ADDRTYPE", "APN"));
        }
        LinkedHashSet<String> dns = new LinkedHashSet<>(gprs.getDnsServers());
        dns.addAll(ip.dns);
        dns.forEach(server -> parms.add(new Parm("DNS-ADDR", server)));
        localAddress(parms, ip);
        if (gprs.isSetLinger()) {
            parms.add(new Parm("LINGER", Integer.toString(gprs.getLinger())));
        }
        return new Characteristic("NAPDEF", parms, napAuthInfo(set, "gprs", gprs.isSetAuthentication(), gprs.getAuthentication(),
                gprs.getUserName(), gprs.getPassword(), secrets));
    }

    private <X extends Exception> Characteristic gsmCsd(ParameterSet set, String napId, GsmCsd csd, IpSettings ip,
            Secrets<X> secrets) throws X {
        List<Parm> parms = new ArrayList<>();
        parms.add(new Parm("NAPID", napId));
        parms.add(new Parm("BEARER", "GSM-CSD"));
        parms.add(new Parm("NAME", set.getName() + " CSD"));
        if (csd.getNumber() != null) {
            parms.add(new Parm("NAP-ADDRESS", csd.getNumber()));
            parms.add(new Parm("NAP-ADDRTYPE", "E164"));
        }
        new LinkedHashSet<>(ip.dns).forEach(server -> parms.add(new Parm("DNS-ADDR", server)));
        if (csd.isSetCallType()) {
            parms.add(new Parm("CALLTYPE", switch (csd.getCallType()) {
                case ANALOG -> "ANALOG-MODEM";
                case V110 -> "V.110";
                case V120 -> "V.120";
            }));
        }
        localAddress(parms, ip);
        if (csd.isSetSpeed()) {
            parms.add(new Parm("LINKSPEED", Integer.toString(csd.getSpeed())));
        }
        return new Characteristic("NAPDEF", parms, napAuthInfo(set, "gsm-csd", csd.isSetAuthentication(), csd.getAuthentication(),
                csd.getUserName(), csd.getPassword(), secrets));
    }

    private static void localAddress(List<Parm> parms, IpSettings ip) {
        if (ip.localAddress != null) {
            parms.add(new Parm("LOCAL-ADDR", ip.localAddress));
            parms.add(new Parm("LOCAL-ADDRTYPE", ip.localAddressType));
        }
    }

    private <X extends Exception> List<Characteristic> napAuthInfo(ParameterSet set, String block, boolean typeSet,
            AuthenticationType type, String user, SecretRef password, Secrets<X> secrets) throws X {
        if (!typeSet || type == AuthenticationType.NONE) {
            if (user != null || password != null) {
                notCarried.add(new NotCarried(set, block + " user and password",
                        "NAPAUTHINFO needs an authentication type: add 'auth pap' or 'auth chap'."));
            }
            return List.of();
        }
        List<Parm> auth = new ArrayList<>();
        auth.add(new Parm("AUTHTYPE", type.getName()));
        if (user != null) {
            auth.add(new Parm("AUTHNAME", user));
        }
        if (password != null) {
            // The handset needs the access point password to connect: it travels in the payload.
            auth.add(new Parm("AUTHSECRET", secrets.read(password)));
        }
        return List.of(new Characteristic("NAPAUTHINFO", auth));
    }

    private static String service(Wap wap) {
        return switch (wap.getService()) {
            case CO_WSP -> "CO-WSP";
            case CL_WSP -> "CL-WSP";
            case CO_SEC_WSP -> "CO-SEC-WSP";
            case CL_SEC_WSP -> "CL-SEC-WSP";
        };
    }

    private static Characteristic pxlogical(String proxyId, String name, String address, String port, String service,
            String startPage, List<String> napIds) {
        List<Parm> physicalParms = new ArrayList<>();
        physicalParms.add(new Parm("PHYSICAL-PROXY-ID", proxyId + "-PHYSICAL"));
        physicalParms.addAll(proxyAddress(address));
        napIds.forEach(napId -> physicalParms.add(new Parm("TO-NAPID", napId)));
        List<Parm> portParms = new ArrayList<>();
        if (port != null) {
            portParms.add(new Parm("PORTNBR", port));
        }
        if (service != null) {
            portParms.add(new Parm("SERVICE", service));
        }
        List<Characteristic> ports = portParms.isEmpty() ? List.of() : List.of(new Characteristic("PORT", portParms));
        List<Parm> logicalParms = new ArrayList<>();
        logicalParms.add(new Parm("PROXY-ID", proxyId));
        logicalParms.add(new Parm("NAME", name));
        if (startPage != null) {
            logicalParms.add(new Parm("STARTPAGE", startPage));
        }
        return new Characteristic("PXLOGICAL", logicalParms, List.of(new Characteristic("PXPHYSICAL", physicalParms, ports)));
    }

    private static List<Parm> proxyAddress(String address) {
        if (Syntax.isIpv4(address)) {
            return List.of(new Parm("PXADDR", address), new Parm("PXADDRTYPE", "IPV4"));
        }
        if (address.contains(":")) {
            return List.of(new Parm("PXADDR", address), new Parm("PXADDRTYPE", "IPV6"));
        }
        // A host name: ProvCont 1.1 carries it as PXADDR-FQDN.
        return List.of(new Parm("PXADDR-FQDN", address));
    }

    /** The browser application: home page first (marked STARTPAGE), then the setup URL, then the bookmarks. */
    private void browser(String name, String proxyId, String homePage, String setupUrl, List<Bookmark> bookmarks) {
        if (homePage == null && setupUrl == null && bookmarks.isEmpty()) {
            return;
        }
        List<Parm> parms = new ArrayList<>();
        parms.add(new Parm("APPID", BROWSER_APPID));
        if (proxyId != null) {
            parms.add(new Parm("TO-PROXY", proxyId));
        }
        parms.add(new Parm("NAME", name));
        List<Characteristic> resources = new ArrayList<>();
        if (homePage != null) {
            resources.add(new Characteristic("RESOURCE", List.of(new Parm("URI", homePage), new Parm("NAME", name),
                    Parm.flag("STARTPAGE"))));
        }
        if (setupUrl != null) {
            resources.add(new Characteristic("RESOURCE", List.of(new Parm("URI", setupUrl), new Parm("NAME", "Setup"))));
        }
        for (Bookmark bookmark : bookmarks) {
            resources.add(new Characteristic("RESOURCE", List.of(new Parm("URI", bookmark.getUrl()), new Parm("NAME", bookmark.getTitle()))));
        }
        applications.add(new Characteristic("APPLICATION", parms, resources));
    }

    private <X extends Exception> void mail(ParameterSet set, String name, Mail mail, List<String> napIds, Secrets<X> secrets)
            throws X {
        String providerId = name + "-MAIL";
        String password = mail.getPassword() == null ? null : secrets.read(mail.getPassword());
        if (mail.getSmtp() != null) {
            applications.add(mailApplication(SMTP_APPID, providerId, name, napIds, mail.getSenderAddress(), mail.getSmtp(),
                    mail.getUserName(), password, "25", "465"));
        } else if (mail.getSenderAddress() != null) {
            notCarried.add(new NotCarried(set, "mail from", "the sender address belongs to the SMTP application, and the mail block has no smtp server."));
        }
        if (mail.getPop3() != null) {
            applications.add(mailApplication(POP3_APPID, providerId, name, napIds, null, mail.getPop3(),
                    mail.getUserName(), password, "110", "995"));
        }
        if (mail.getImap() != null) {
            applications.add(mailApplication(IMAP_APPID, providerId, name, napIds, null, mail.getImap(),
                    mail.getUserName(), password, "143", "993"));
        }
        if (mail.getSmtp() == null && mail.getPop3() == null && mail.getImap() == null
                && (mail.getUserName() != null || mail.getPassword() != null)) {
            notCarried.add(new NotCarried(set, "mail user and password", "they belong to a mail server, and the mail block names none."));
        }
    }

    /**
     * One mail application. SERVICE follows the OMNA registrations: the plain port for no security,
     * STARTTLS, or the port of the protocol over SSL/TLS (SMTP 465, POP3 995, IMAP4 993).
     */
    private static Characteristic mailApplication(String appId, String providerId, String name, List<String> napIds, String from,
            MailServer server, String user, String password, String plainService, String sslService) {
        List<Parm> parms = new ArrayList<>();
        parms.add(new Parm("APPID", appId));
        parms.add(new Parm("PROVIDER-ID", providerId));
        parms.add(new Parm("NAME", name));
        if (!napIds.isEmpty()) {
            parms.add(new Parm("TO-NAPID", napIds.get(0)));
        }
        if (from != null) {
            parms.add(new Parm("FROM", from));
        }
        List<Parm> portParms = new ArrayList<>();
        if (server.isSetPort()) {
            portParms.add(new Parm("PORTNBR", Integer.toString(server.getPort())));
        }
        if (server.isSetSecurity()) {
            portParms.add(new Parm("SERVICE", switch (server.getSecurity()) {
                case NONE -> plainService;
                case STARTTLS -> "STARTTLS";
                case SSL -> sslService;
            }));
        }
        List<Characteristic> address = portParms.isEmpty() ? List.of() : List.of(new Characteristic("PORT", portParms));
        List<Characteristic> nested = new ArrayList<>();
        if (server.getHost() != null) {
            nested.add(new Characteristic("APPADDR", List.of(new Parm("ADDR", server.getHost())), address));
        }
        List<Parm> auth = new ArrayList<>();
        if (user != null) {
            auth.add(new Parm("AAUTHNAME", user));
        }
        if (password != null) {
            auth.add(new Parm("AAUTHSECRET", password));
        }
        if (!auth.isEmpty()) {
            nested.add(new Characteristic("APPAUTH", auth));
        }
        return new Characteristic("APPLICATION", parms, nested);
    }
}
