package org.mexe.studio.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.Diagnostician;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mexe.studio.model.constraints.ModelConstraints;
import org.mexe.studio.model.provisioning.BootstrapApplication;
import org.mexe.studio.model.provisioning.Certificate;
import org.mexe.studio.model.provisioning.Connect;
import org.mexe.studio.model.provisioning.GprsAccessPoint;
import org.mexe.studio.model.provisioning.GsmCsd;
import org.mexe.studio.model.provisioning.HandsetProfile;
import org.mexe.studio.model.provisioning.Ipv4;
import org.mexe.studio.model.provisioning.Ipv6;
import org.mexe.studio.model.provisioning.Keystore;
import org.mexe.studio.model.provisioning.Mail;
import org.mexe.studio.model.provisioning.MailServer;
import org.mexe.studio.model.provisioning.ParameterDelivery;
import org.mexe.studio.model.provisioning.ParameterSet;
import org.mexe.studio.model.provisioning.ProvisioningFactory;
import org.mexe.studio.model.provisioning.ProvisioningPackage.Literals;
import org.mexe.studio.model.provisioning.ProvisioningRequest;
import org.mexe.studio.model.provisioning.SecretRef;
import org.mexe.studio.model.provisioning.SecretSource;
import org.mexe.studio.model.provisioning.Server;
import org.mexe.studio.model.provisioning.Wap;
import org.mexe.studio.model.provisioning.Www;

/**
 * Every invariant of the metamodel, on both sides, run by EMF's Diagnostician alone, as an XMI
 * user would run it. Each failing case asserts the rule's stable code.
 */
class ModelConstraintsTest {

    private static final ProvisioningFactory F = ProvisioningFactory.eINSTANCE;

    /** The findings of this metamodel's rules about {@code root} and everything it contains. */
    private static List<Diagnostic> findings(EObject root) {
        return Diagnostician.INSTANCE.validate(root).getChildren().stream()
                .filter(d -> ModelConstraints.SOURCE.equals(d.getSource())).toList();
    }

    private static void assertValid(EObject root) {
        Diagnostic result = Diagnostician.INSTANCE.validate(root);
        assertEquals(Diagnostic.OK, result.getSeverity(), () -> result.getChildren().toString());
    }

    /** Exactly one finding, an error with {@code code}, whose message names {@code value} and says what to give. */
    private static Diagnostic assertOnly(EObject root, int code, String value) {
        List<Diagnostic> findings = findings(root);
        assertEquals(1, findings.size(), findings::toString);
        Diagnostic finding = findings.get(0);
        assertEquals(code, finding.getCode(), finding::getMessage);
        assertEquals(Diagnostic.ERROR, finding.getSeverity());
        assertTrue(finding.getMessage().contains(value), finding.getMessage());
        assertTrue(finding.getMessage().matches("(?s).*\\b(give|add|write|keep)\\b.*"), finding.getMessage());
        return finding;
    }

    private static ParameterSet set(String name, Consumer<ParameterSet> content) {
        ParameterSet set = F.createParameterSet();
        set.setName(name);
        content.accept(set);
        return set;
    }

    // ---- the APN with extends -------------------------------------------------------------

    @Test
    void aGprsBlockMayInheritItsApnFromTheSetItExtends() {
        GprsAccessPoint national = F.createGprsAccessPoint();
        national.setApn("internet.operator.example");
        GprsAccessPoint regional = F.createGprsAccessPoint();
        regional.setLinger(60);
        ParameterSet region = set("North", s -> s.setGprs(regional));
        assertOnly(region, ModelConstraints.INVALID_APN, "inherits none");
        region.setBase(set("National", s -> s.setGprs(national)));
        assertValid(region);
        // An extends that does not resolve is reported at the reference, not here.
        ParameterSet unresolved = F.createParameterSet();
        ((org.eclipse.emf.ecore.InternalEObject) unresolved).eSetProxyURI(org.eclipse.emf.common.util.URI.createURI("memory:/x.prov#//@elements.0"));
        region.setBase(unresolved);
        assertTrue(findings(region).isEmpty(), () -> findings(region).toString());
    }

    // ---- addresses ----------------------------------------------------------------------

    @Test
    void ipv4AddressesAndDnsServersAreDottedQuads() {
        Ipv4 ipv4 = F.createIpv4();
        ipv4.getAddresses().addAll(List.of("10.1.1.1", "192.168.0.1"));
        ipv4.getDnsServers().add("10.0.0.53");
        assertValid(ipv4);
        ipv4.getAddresses().set(1, "192.168.0.256");
        Diagnostic finding = assertOnly(ipv4, ModelConstraints.INVALID_IPV4_ADDRESS, "\"192.168.0.256\"");
        assertEquals(List.of(ipv4, Literals.IPV4__ADDRESSES, 1), finding.getData());
    }

    @Test
    void ipv6AddressesAreRfc4291Literals() {
        Ipv6 ipv6 = F.createIpv6();
        ipv6.setEnabled(true);
        ipv6.getAddresses().add("2001:db8::1");
        ipv6.getDnsServers().add("2001:db8::53");
        assertValid(ipv6);
        ipv6.getDnsServers().set(0, "2001:db8:::53");
        assertOnly(ipv6, ModelConstraints.INVALID_IPV6_ADDRESS, "\"2001:db8:::53\"");
    }

    @Test
    void gprsDnsServersAreAddressesNotNames() {
        GprsAccessPoint gprs = F.createGprsAccessPoint();
        gprs.setApn("internet");
        gprs.getDnsServers().addAll(List.of("10.0.0.53", "2001:db8::53"));
        assertValid(gprs);
        gprs.getDnsServers().add("dns.operator.example");
        assertEquals(2, assertOnly(gprs, ModelConstraints.INVALID_DNS_SERVER, "dns.operator.example").getData().get(2));
    }

    // ---- hosts and ports -------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = { "bad host", "-x.example", "x_y.example", "10.0.0.300" })
    void gatewaysProxiesAndMailServersAreHosts(String host) {
        Wap wap = F.createWap();
        wap.setGateway("10.10.0.9");
        Www www = F.createWww();
        www.setProxy("proxy.operator.example");
        MailServer smtp = F.createMailServer();
        smtp.setHost("2001:db8::25");
        List.of(wap, www, smtp).forEach(ModelConstraintsTest::assertValid);

        wap.setGateway(host);
        www.setProxy(host);
        smtp.setHost(host);
        for (EObject object : List.of(wap, www, smtp)) {
            assertOnly(object, ModelConstraints.INVALID_HOST, "\"" + host + "\"");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, 65536, 70000 })
    void portsAreFrom1To65535(int port) {
        Wap wap = F.createWap();
        Www www = F.createWww();
        MailServer pop3 = F.createMailServer();
        for (int good : new int[] { 1, 9201, 65535 }) {
            wap.setPort(good);
            www.setPort(good);
            pop3.setPort(good);
            List.of(wap, www, pop3).forEach(ModelConstraintsTest::assertValid);
        }
        wap.setPort(port);
        www.setPort(port);
        pop3.setPort(port);
        for (EObject object : List.of(wap, www, pop3)) {
            assertOnly(object, ModelConstraints.INVALID_PORT, String.valueOf(port));
        }
    }

    // ---- URLs -----------------------------------------------------------------------------

    @Test
    void setupUrlsBookmarksServersAndConnectsAreHttpUrls() {
        Wap wap = F.createWap();
        wap.setSetupUrl("http://setup.operator.example/");
        var bookmark = F.createBookmark();
        bookmark.setTitle("News");
        bookmark.setUrl("https://news.example/today?x=1");
        wap.getBookmarks().add(bookmark);
        Server server = F.createServer();
        server.setName("Prov");
        server.setBaseUrl("http://10.0.0.80:8080/prov/");
        server.setHomePage("http://prov.operator.example/start");
        Connect connect = F.createConnect();
        connect.setUrl("http://[2001:db8::80]/");
        List.of(wap, server, connect).forEach(ModelConstraintsTest::assertValid);

        wap.setSetupUrl("setup.operator.example");
        assertOnly(wap, ModelConstraints.INVALID_URL, "\"setup.operator.example\"");
        wap.setSetupUrl(null);
        bookmark.setUrl("ftp://news.example/");
        assertOnly(wap, ModelConstraints.INVALID_URL, "ftp://news.example/");
        server.setBaseUrl("http://prov.operator.example:70000/");
        assertOnly(server, ModelConstraints.INVALID_URL, ":70000");
        connect.setUrl("http://bad host/");
        assertOnly(connect, ModelConstraints.INVALID_URL, "bad host");
    }

    @Test
    void homePagesAreHttpUrls() {
        Wap wap = F.createWap();
        Www www = F.createWww();
        wap.setHomePage("http://wap.operator.example/");
        www.setHomePage("https://www.operator.example/");
        assertValid(wap);
        assertValid(www);
        wap.setHomePage("wap.operator");
        www.setHomePage("www.operator.example");
        assertOnly(wap, ModelConstraints.INVALID_HOME_PAGE, "\"wap.operator\"");
        assertOnly(www, ModelConstraints.INVALID_HOME_PAGE, "\"www.operator.example\"");
    }

    // ---- numbers ----------------------------------------------------------------------------

    @Test
    void dialUpAndRequestNumbersArePhoneNumbers() {
        GsmCsd csd = F.createGsmCsd();
        csd.setNumber("+447700900100");
        ProvisioningRequest request = F.createProvisioningRequest();
        request.setNumber("2000");
        assertValid(csd);
        assertValid(request);
        csd.setNumber("+44 7700 900100");
        request.setNumber("two thousand");
        assertOnly(csd, ModelConstraints.INVALID_PHONE_NUMBER, "\"+44 7700 900100\"");
        assertOnly(request, ModelConstraints.INVALID_PHONE_NUMBER, "\"two thousand\"");
    }

    @Test
    void aDeliveryGoesToAPhoneNumberWithAValidImsi() {
        ParameterDelivery delivery = F.createParameterDelivery();
        delivery.getParameterSets().add(set("Home", s -> {
        }));
        delivery.setDestination("+447700900123");
        delivery.setImsi("234150999999999");
        assertTrue(findings(delivery).isEmpty(), () -> findings(delivery).toString());
        delivery.setDestination("call me");
        assertOnly(delivery, ModelConstraints.INVALID_DESTINATION, "\"call me\"");
        delivery.setDestination("+447700900123");
        delivery.setImsi("12ab");
        assertOnly(delivery, ModelConstraints.INVALID_IMSI, "\"12ab\"");
        delivery.setImsi("1234567890123456");
        assertOnly(delivery, ModelConstraints.INVALID_IMSI, "1234567890123456");
    }

    @Test
    void theSenderAddressIsAMailAddress() {
        Mail mail = F.createMail();
        mail.setSenderAddress("user@mail.operator.example");
        assertValid(mail);
        mail.setSenderAddress("user at operator");
        assertOnly(mail, ModelConstraints.INVALID_EMAIL_ADDRESS, "\"user at operator\"");
    }

    // ---- values with a range ---------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = { 0, 5, -1 })
    void classmarksAre1To4(int bad) {
        BootstrapApplication app = F.createBootstrapApplication();
        app.setName("Boot");
        HandsetProfile handset = F.createHandsetProfile();
        handset.setName("Series60");
        ParameterSet set = set("Multi", s -> s.setDefaultClassmark(3));
        for (int good = 1; good <= 4; good++) {
            app.setClassmark(good);
            handset.getClassmarks().add(good);
            assertValid(app);
        }
        assertValid(handset);
        assertValid(set);

        app.setClassmark(bad);
        assertOnly(app, ModelConstraints.INVALID_CLASSMARK, "'Boot'");
        handset.getClassmarks().add(bad);
        assertEquals(4, assertOnly(handset, ModelConstraints.INVALID_CLASSMARK, String.valueOf(bad)).getData().get(2));
        set.setDefaultClassmark(bad);
        assertOnly(set, ModelConstraints.INVALID_CLASSMARK, String.valueOf(bad));
    }

    @Test
    void csdSpeedsAreGsmDataRates() {
        GsmCsd csd = F.createGsmCsd();
        for (int speed : new int[] { 2400, 9600, 14400, 43200, 57600 }) {
            csd.setSpeed(speed);
            assertValid(csd);
        }
        csd.setSpeed(9601);
        assertOnly(csd, ModelConstraints.INVALID_CSD_SPEED, "9601");
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, 86401 })
    void lingerIsASecondToADay(int bad) {
        GprsAccessPoint gprs = F.createGprsAccessPoint();
        gprs.setApn("internet");
        gprs.setLinger(1);
        assertValid(gprs);
        gprs.setLinger(86400);
        assertValid(gprs);
        gprs.setLinger(bad);
        assertOnly(gprs, ModelConstraints.INVALID_LINGER, String.valueOf(bad));
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, 256 })
    void segmentLimitsAre1To255(int bad) {
        HandsetProfile handset = F.createHandsetProfile();
        handset.setName("Old");
        handset.setConcatenatedSms(true);
        handset.setSegmentLimit(255);
        assertValid(handset);
        handset.setSegmentLimit(bad);
        assertOnly(handset, ModelConstraints.INVALID_SEGMENT_LIMIT, String.valueOf(bad));
    }

    @Test
    void secretsComeFromAnEnvironmentVariableOrAFile() {
        SecretRef env = F.createSecretRef();
        env.setSource(SecretSource.ENV);
        env.setLocation("GPRS_PASSWORD");
        SecretRef file = F.createSecretRef();
        file.setSource(SecretSource.FILE);
        file.setLocation("secrets/gprs.txt");
        assertValid(env);
        assertValid(file);
        env.setLocation("GPRS-PASSWORD");
        assertOnly(env, ModelConstraints.INVALID_SECRET_LOCATION, "\"GPRS-PASSWORD\"");
        file.setLocation(" ");
        assertOnly(file, ModelConstraints.INVALID_SECRET_LOCATION, "empty");
    }

    // ---- IPv4 and IPv6 together -------------------------------------------------------------

    @Test
    void ipv6SettingsNeedIpv6EnabledInTheSetOrItsBase() {
        Ipv6 ipv6 = F.createIpv6();
        ipv6.getAddresses().add("2001:db8::1");
        ParameterSet regional = set("Regional", s -> s.setIpv6(ipv6));
        assertOnly(regional, ModelConstraints.IPV6_NOT_ENABLED, "'enabled yes'");
        ipv6.setEnabled(false);
        assertOnly(regional, ModelConstraints.IPV6_NOT_ENABLED, "'enabled no'");
        ipv6.unsetEnabled();
        Ipv6 national = F.createIpv6();
        national.setEnabled(true);
        regional.setBase(set("National", s -> s.setIpv6(national)));
        assertValid(regional);
        ipv6.setEnabled(true);
        national.setEnabled(false);
        assertValid(regional);
    }

    @Test
    void sixToFourNeedsTheSetsIpv4() {
        Ipv6 ipv6 = F.createIpv6();
        ipv6.setEnabled(true);
        ipv6.setSixToFour(true);
        ParameterSet set = set("Tunnel", s -> s.setIpv6(ipv6));
        assertValid(set);
        Ipv4 ipv4 = F.createIpv4();
        ipv4.setEnabled(false);
        set.setIpv4(ipv4);
        Diagnostic finding = assertOnly(set, ModelConstraints.SIX_TO_FOUR_WITHOUT_IPV4, "'Tunnel'");
        assertSame(ipv6, finding.getData().get(0));

        // The base disables IPv4; the regional set that adds 6-to-4 is the one in error.
        set.setIpv6(null);
        Ipv6 regional6 = F.createIpv6();
        regional6.setEnabled(true);
        regional6.setSixToFour(true);
        ParameterSet regional = set("Regional", s -> s.setIpv6(regional6));
        regional.setBase(set);
        assertValid(set);
        assertOnly(regional, ModelConstraints.SIX_TO_FOUR_WITHOUT_IPV4, "'Regional'");
        ipv4.setEnabled(true);
        assertValid(regional);
    }

    @Test
    void effectiveValuesSurviveAnExtendsCycle() {
        Ipv6 ipv6 = F.createIpv6();
        ipv6.getAddresses().add("2001:db8::1");
        ParameterSet a = set("A", s -> s.setIpv6(ipv6));
        ParameterSet b = set("B", s -> s.setBase(a));
        a.setBase(b);
        assertOnly(a, ModelConstraints.IPV6_NOT_ENABLED, "'A'");
    }

    // ---- key material ----------------------------------------------------------------------

    @Test
    void aCertificateComesFromAKeystoreEntryOrAFile() {
        Keystore keystore = F.createKeystore();
        keystore.setName("Keys");
        Certificate certificate = F.createCertificate();
        certificate.setName("OperatorRoot");
        certificate.setKeystore(keystore);
        certificate.setAlias("operator-root");
        assertTrue(findings(certificate).isEmpty());
        certificate.setFile("certs/root.pem");
        assertOnly(certificate, ModelConstraints.INVALID_CERTIFICATE_SOURCE, "both");
        certificate.setKeystore(null);
        certificate.setAlias(null);
        assertTrue(findings(certificate).isEmpty());
        certificate.setFile(null);
        assertOnly(certificate, ModelConstraints.INVALID_CERTIFICATE_SOURCE, "nowhere");
        certificate.setKeystore(keystore);
        assertOnly(certificate, ModelConstraints.INVALID_CERTIFICATE_SOURCE, "no alias");
    }

    @Test
    void aKeystoreHasAFileAndAPasswordSource() {
        Keystore keystore = F.createKeystore();
        keystore.setName("Keys");
        keystore.setPath("keys/operator.p12");
        SecretRef password = F.createSecretRef();
        password.setSource(SecretSource.ENV);
        password.setLocation("KEYSTORE_PASSWORD");
        keystore.setPassword(password);
        assertValid(keystore);
        keystore.setPassword(null);
        assertOnly(keystore, ModelConstraints.INCOMPLETE_KEYSTORE, "no password");
        keystore.setPassword(password);
        keystore.setPath(null);
        assertOnly(keystore, ModelConstraints.INCOMPLETE_KEYSTORE, "no file");
    }

    @Test
    void issueCodesAreTheSourceAndTheNumber() {
        assertEquals("org.mexe.studio.model.1", ModelConstraints.issueCode(ModelConstraints.INVALID_APN));
        assertEquals("org.mexe.studio.model.8", ModelConstraints.issueCode(ModelConstraints.INVALID_PORT));
    }
}
