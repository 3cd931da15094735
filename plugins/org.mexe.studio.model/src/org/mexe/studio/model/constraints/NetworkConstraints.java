package org.mexe.studio.model.constraints;

import static org.mexe.studio.model.constraints.ModelConstraints.error;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.eclipse.emf.common.util.DiagnosticChain;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.mexe.studio.model.provisioning.Bookmark;
import org.mexe.studio.model.provisioning.Connect;
import org.mexe.studio.model.provisioning.GprsAccessPoint;
import org.mexe.studio.model.provisioning.GsmCsd;
import org.mexe.studio.model.provisioning.Ipv4;
import org.mexe.studio.model.provisioning.Ipv6;
import org.mexe.studio.model.provisioning.Mail;
import org.mexe.studio.model.provisioning.MailServer;
import org.mexe.studio.model.provisioning.ParameterDelivery;
import org.mexe.studio.model.provisioning.ProvisioningPackage.Literals;
import org.mexe.studio.model.provisioning.ProvisioningRequest;
import org.mexe.studio.model.provisioning.Server;
import org.mexe.studio.model.provisioning.Wap;
import org.mexe.studio.model.provisioning.Www;

/**
 * Invariants on the syntax of addresses, host names, ports, URLs and numbers; each is called
 * from the generated EOperation of the same name.
 */
public final class NetworkConstraints {

    private NetworkConstraints() {
    }

    // ---- addresses -------------------------------------------------------------------------

    public static boolean hasValidAddresses(Ipv4 ipv4, DiagnosticChain diagnostics, Map<Object, Object> context) {
        return each(ipv4.getAddresses(), Syntax::isIpv4, ipv4, Literals.IPV4__ADDRESSES, diagnostics,
                ModelConstraints.INVALID_IPV4_ADDRESS, "IPv4 address", "a dotted quad such as \"10.0.0.1\"")
                & each(ipv4.getDnsServers(), Syntax::isIpv4, ipv4, Literals.IPV4__DNS_SERVERS, diagnostics,
                        ModelConstraints.INVALID_IPV4_ADDRESS, "IPv4 DNS server", "a dotted quad such as \"10.0.0.53\"");
    }

    public static boolean hasValidAddresses(Ipv6 ipv6, DiagnosticChain diagnostics, Map<Object, Object> context) {
        return each(ipv6.getAddresses(), Syntax::isIpv6, ipv6, Literals.IPV6__ADDRESSES, diagnostics,
                ModelConstraints.INVALID_IPV6_ADDRESS, "IPv6 address", "an RFC 4291 address such as \"2001:db8::1\"")
                & each(ipv6.getDnsServers(), Syntax::isIpv6, ipv6, Literals.IPV6__DNS_SERVERS, diagnostics,
                        ModelConstraints.INVALID_IPV6_ADDRESS, "IPv6 DNS server", "an RFC 4291 address such as \"2001:db8::53\"");
    }

    public static boolean hasValidDnsServers(GprsAccessPoint gprs, DiagnosticChain diagnostics, Map<Object, Object> context) {
        return each(gprs.getDnsServers(), v -> Syntax.isIpv4(v) || Syntax.isIpv6(v), gprs, Literals.GPRS_ACCESS_POINT__DNS_SERVERS,
                diagnostics, ModelConstraints.INVALID_DNS_SERVER, "DNS server",
                "an IPv4 or IPv6 address such as \"10.0.0.53\" (the phone cannot look up a DNS server by name)");
    }

    // ---- hosts and ports -------------------------------------------------------------------

    public static boolean hasValidGateway(Wap wap, DiagnosticChain diagnostics, Map<Object, Object> context) {
        return host(wap.getGateway(), "WAP gateway", wap, Literals.WAP__GATEWAY, diagnostics);
    }

    public static boolean hasValidProxy(Www www, DiagnosticChain diagnostics, Map<Object, Object> context) {
        return host(www.getProxy(), "HTTP proxy", www, Literals.WWW__PROXY, diagnostics);
    }

    public static boolean hasValidHost(MailServer server, DiagnosticChain diagnostics, Map<Object, Object> context) {
        return host(server.getHost(), "mail server", server, Literals.MAIL_SERVER__HOST, diagnostics);
    }

    public static boolean hasValidPort(Wap wap, DiagnosticChain diagnostics, Map<Object, Object> context) {
        return port(wap.isSetPort(), wap.getPort(), "WAP gateway port", wap, Literals.WAP__PORT, diagnostics);
    }

    public static boolean hasValidPort(Www www, DiagnosticChain diagnostics, Map<Object, Object> context) {
        return port(www.isSetPort(), www.getPort(), "proxy port", www, Literals.WWW__PORT, diagnostics);
    }

    public static boolean hasValidPort(MailServer server, DiagnosticChain diagnostics, Map<Object, Object> context) {
        return port(server.isSetPort(), server.getPort(), "mail server port", server, Literals.MAIL_SERVER__PORT, diagnostics);
    }

    private static boolean host(String host, String what, EObject object, EStructuralFeature feature, DiagnosticChain diagnostics) {
        if (host == null || Syntax.isHost(host)) {
            return true;
        }
        return error(diagnostics, ModelConstraints.INVALID_HOST, "The " + what + " \"" + host + "\" of " + Places.of(object)
                + " is neither a host name nor an IP address: give a name such as \"proxy.operator.example\""
                + " (letters, digits, hyphens and dots) or an address such as \"10.0.0.1\".", object, feature);
    }

    private static boolean port(boolean set, int port, String what, EObject object, EStructuralFeature feature, DiagnosticChain diagnostics) {
        if (!set || Syntax.isPort(port)) {
            return true;
        }
        return error(diagnostics, ModelConstraints.INVALID_PORT, "The " + what + " " + port + " of " + Places.of(object)
                + " is out of range: give a port from " + Syntax.MIN_PORT + " to " + Syntax.MAX_PORT + ".", object, feature);
    }

    // ---- URLs ------------------------------------------------------------------------------

    public static boolean hasValidUrls(Wap wap, DiagnosticChain diagnostics, Map<Object, Object> context) {
        return url(wap.getSetupUrl(), "setup URL", wap, Literals.WAP__SETUP_URL, ModelConstraints.INVALID_URL, diagnostics)
                & url(wap.getHomePage(), "home page", wap, Literals.WAP__HOME_PAGE, ModelConstraints.INVALID_HOME_PAGE, diagnostics);
    }

    public static boolean hasValidUrls(Www www, DiagnosticChain diagnostics, Map<Object, Object> context) {
        return url(www.getSetupUrl(), "setup URL", www, Literals.WWW__SETUP_URL, ModelConstraints.INVALID_URL, diagnostics)
                & url(www.getHomePage(), "home page", www, Literals.WWW__HOME_PAGE, ModelConstraints.INVALID_HOME_PAGE, diagnostics);
    }

    public static boolean hasValidUrl(Bookmark bookmark, DiagnosticChain diagnostics, Map<Object, Object> context) {
        return url(bookmark.getUrl(), "bookmark URL", bookmark, Literals.BOOKMARK__URL, ModelConstraints.INVALID_URL, diagnostics);
    }

    public static boolean hasValidUrls(Server server, DiagnosticChain diagnostics, Map<Object, Object> context) {
        return url(server.getBaseUrl(), "base URL", server, Literals.SERVER__BASE_URL, ModelConstraints.INVALID_URL, diagnostics)
                & url(server.getHomePage(), "home page", server, Literals.SERVER__HOME_PAGE, ModelConstraints.INVALID_URL, diagnostics);
    }

    public static boolean hasValidUrl(Connect connect, DiagnosticChain diagnostics, Map<Object, Object> context) {
        return url(connect.getUrl(), "URL", connect, Literals.CONNECT__URL, ModelConstraints.INVALID_URL, diagnostics);
    }

    private static boolean url(String url, String what, EObject object, EStructuralFeature feature, int code, DiagnosticChain diagnostics) {
        if (url == null || Syntax.isHttpUrl(url)) {
            return true;
        }
        return error(diagnostics, code, "The " + what + " \"" + url + "\" of " + Places.of(object)
                + " is not an http:// or https:// URL with a valid host: give one such as \"http://wap.operator.example/start\".",
                object, feature);
    }

    // ---- numbers and addresses of people ----------------------------------------------------

    public static boolean hasValidNumber(GsmCsd csd, DiagnosticChain diagnostics, Map<Object, Object> context) {
        return phoneNumber(csd.getNumber(), "dial-up number", csd, Literals.GSM_CSD__NUMBER, ModelConstraints.INVALID_PHONE_NUMBER, diagnostics);
    }

    public static boolean hasValidNumber(ProvisioningRequest request, DiagnosticChain diagnostics, Map<Object, Object> context) {
        return phoneNumber(request.getNumber(), "number", request, Literals.PROVISIONING_REQUEST__NUMBER,
                ModelConstraints.INVALID_PHONE_NUMBER, diagnostics);
    }

    public static boolean hasValidDestination(ParameterDelivery delivery, DiagnosticChain diagnostics, Map<Object, Object> context) {
        return phoneNumber(delivery.getDestination(), "destination", delivery, Literals.PARAMETER_DELIVERY__DESTINATION,
                ModelConstraints.INVALID_DESTINATION, diagnostics);
    }

    private static boolean phoneNumber(String number, String what, EObject object, EStructuralFeature feature, int code,
            DiagnosticChain diagnostics) {
        if (number == null || Syntax.isPhoneNumber(number)) {
            return true;
        }
        return error(diagnostics, code, "The " + what + " \"" + number + "\" of " + Places.of(object)
                + " is not a phone number: give up to 15 digits without spaces, in the international format with a"
                + " leading + and the country code (E.164), for example \"+447700900123\", or a short code such as \"2000\".",
                object, feature);
    }

    public static boolean hasValidImsi(ParameterDelivery delivery, DiagnosticChain diagnostics, Map<Object, Object> context) {
        String imsi = delivery.getImsi();
        if (imsi == null || Syntax.isImsi(imsi)) {
            return true;
        }
        return error(diagnostics, ModelConstraints.INVALID_IMSI, "The IMSI \"" + imsi + "\" of " + Places.of(delivery)
                + " is not valid: give 6 to 15 digits, the MCC, MNC and MSIN of the subscriber (3GPP TS 23.003), for example"
                + " \"234150999999999\".", delivery, Literals.PARAMETER_DELIVERY__IMSI);
    }

    public static boolean hasValidSenderAddress(Mail mail, DiagnosticChain diagnostics, Map<Object, Object> context) {
        String from = mail.getSenderAddress();
        if (from == null || Syntax.isEmailAddress(from)) {
            return true;
        }
        return error(diagnostics, ModelConstraints.INVALID_EMAIL_ADDRESS, "The sender address \"" + from + "\" of "
                + Places.of(mail) + " is not a mail address: give one such as \"subscriber@mail.operator.example\".",
                mail, Literals.MAIL__SENDER_ADDRESS);
    }

    private static boolean each(List<String> values, Predicate<String> valid, EObject object, EStructuralFeature feature,
            DiagnosticChain diagnostics, int code, String what, String example) {
        boolean ok = true;
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (!valid.test(value)) {
                ok = error(diagnostics, code, "The " + what + " \"" + value + "\" of " + Places.of(object) + " is not valid: give "
                        + example + ".", object, feature, i);
            }
        }
        return ok;
    }
}
