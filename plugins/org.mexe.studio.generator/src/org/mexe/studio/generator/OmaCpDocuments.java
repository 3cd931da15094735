package org.mexe.studio.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.mexe.studio.codec.cp.Characteristic;
import org.mexe.studio.codec.cp.Parm;
import org.mexe.studio.codec.cp.ProvisioningDocument;
import org.mexe.studio.model.provisioning.AuthenticationType;
import org.mexe.studio.model.provisioning.GprsAccessPoint;
import org.mexe.studio.model.provisioning.ParameterSet;
import org.mexe.studio.model.provisioning.SecretRef;
import org.mexe.studio.model.provisioning.Www;
import org.mexe.studio.security.Secret;

/**
 * Maps parameter sets onto an OMA Client Provisioning document (OMA-WAP-ProvCont 1.1): a GPRS
 * access point becomes a NAPDEF, a proxy a PXLOGICAL whose PXPHYSICAL routes over that NAPDEF, and
 * a home page the browser APPLICATION (APPID w2) with a start-page RESOURCE.
 */
final class OmaCpDocuments {

    /** Reads a secret named by the model; the caller decides where relative files are. */
    @FunctionalInterface
    interface SecretReader {
        Secret read(SecretRef reference) throws GenerationException;
    }

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
    private static final String BROWSER_APPID = "w2";

    private OmaCpDocuments() {
    }

    static ProvisioningDocument of(List<ParameterSet> sets, SecretReader secrets) throws GenerationException {
        List<Characteristic> proxies = new ArrayList<>();
        List<Characteristic> accessPoints = new ArrayList<>();
        List<Characteristic> applications = new ArrayList<>();
        for (ParameterSet set : sets) {
            String napId = set.getName() + "-NAP";
            String proxyId = set.getName() + "-PROXY";
            if (set.getGprs() != null) {
                accessPoints.add(napdef(set.getName(), napId, set.getGprs(), secrets));
            }
            Www www = set.getWww();
            if (www != null && www.getProxy() != null) {
                proxies.add(pxlogical(set.getName(), www, proxyId, set.getGprs() != null ? napId : null));
            }
            if (www != null && www.getHomePage() != null) {
                applications.add(browser(set.getName(), www.getHomePage(), www.getProxy() != null ? proxyId : null));
            }
        }
        // Proxies first, then access points, then applications: the order of ProvCont's examples.
        List<Characteristic> all = new ArrayList<>(proxies);
        all.addAll(accessPoints);
        all.addAll(applications);
        return new ProvisioningDocument(ProvisioningDocument.VERSION_1_0, all);
    }

    private static Characteristic napdef(String name, String napId, GprsAccessPoint gprs, SecretReader secrets)
            throws GenerationException {
        List<Parm> parms = List.of(
                new Parm("NAPID", napId),
                new Parm("BEARER", "GSM-GPRS"),
                new Parm("NAME", name),
                new Parm("NAP-ADDRESS", gprs.getApn()),
                new Parm("NAP-ADDRTYPE", "APN"));
        if (gprs.getAuthentication() == null || gprs.getAuthentication() == AuthenticationType.NONE) {
            return new Characteristic("NAPDEF", parms);
        }
        List<Parm> auth = new ArrayList<>();
        auth.add(new Parm("AUTHTYPE", gprs.getAuthentication().getName()));
        if (gprs.getUserName() != null) {
            auth.add(new Parm("AUTHNAME", gprs.getUserName()));
        }
        if (gprs.getPassword() != null) {
            // The handset needs the access point password to connect: it travels in the payload.
            try (Secret password = secrets.read(gprs.getPassword())) {
                auth.add(new Parm("AUTHSECRET", password.reveal()));
            }
        }
        return new Characteristic("NAPDEF", parms, List.of(new Characteristic("NAPAUTHINFO", auth)));
    }

    private static Characteristic pxlogical(String name, Www proxy, String proxyId, String napId) {
        List<Parm> physicalParms = new ArrayList<>();
        physicalParms.add(new Parm("PHYSICAL-PROXY-ID", proxyId + "-PHYSICAL"));
        physicalParms.addAll(proxyAddress(proxy.getProxy()));
        if (napId != null) {
            physicalParms.add(new Parm("TO-NAPID", napId));
        }
        Characteristic port = new Characteristic("PORT", List.of(new Parm("PORTNBR", Integer.toString(proxy.getPort()))));
        List<Parm> logicalParms = new ArrayList<>();
        logicalParms.add(new Parm("PROXY-ID", proxyId));
        logicalParms.add(new Parm("NAME", name));
        if (proxy.getHomePage() != null) {
            logicalParms.add(new Parm("STARTPAGE", proxy.getHomePage()));
        }
        return new Characteristic("PXLOGICAL", logicalParms,
                List.of(new Characteristic("PXPHYSICAL", physicalParms, List.of(port))));
    }

    private static List<Parm> proxyAddress(String address) {
        if (IPV4.matcher(address).matches()) {
            return List.of(new Parm("PXADDR", address), new Parm("PXADDRTYPE", "IPV4"));
        }
        if (address.contains(":")) {
            return List.of(new Parm("PXADDR", address), new Parm("PXADDRTYPE", "IPV6"));
        }
        // A host name: ProvCont 1.1 carries it as PXADDR-FQDN.
        return List.of(new Parm("PXADDR-FQDN", address));
    }

    private static Characteristic browser(String name, String homePage, String proxyId) {
        List<Parm> parms = new ArrayList<>();
        parms.add(new Parm("APPID", BROWSER_APPID));
        if (proxyId != null) {
            parms.add(new Parm("TO-PROXY", proxyId));
        }
        parms.add(new Parm("NAME", name));
        Characteristic resource = new Characteristic("RESOURCE", List.of(
                new Parm("URI", homePage),
                new Parm("NAME", name),
                Parm.flag("STARTPAGE")));
        return new Characteristic("APPLICATION", parms, List.of(resource));
    }
}
