package org.mexe.studio.dsl.validation;

import java.util.regex.Pattern;

import org.eclipse.xtext.validation.Check;
import org.eclipse.xtext.validation.ComposedChecks;
import org.mexe.studio.model.provisioning.ParameterDelivery;
import org.mexe.studio.model.provisioning.ParameterSet;
import org.mexe.studio.model.provisioning.ProvisioningPackage.Literals;
import org.mexe.studio.model.provisioning.SecurityMethod;
import org.mexe.studio.model.provisioning.Www;

/**
 * Checks that only the text knows or that need more than one object; the metamodel's own
 * invariants (such as the APN syntax) run through its EMF validator.
 */
@ComposedChecks(validators = { PayloadValidator.class, TrustValidator.class })
public class ProvValidator extends AbstractProvValidator {

    public static final String MISSING_PIN = "org.mexe.studio.dsl.missingPin";
    public static final String MISSING_IMSI = "org.mexe.studio.dsl.missingImsi";
    public static final String INVALID_IMSI = "org.mexe.studio.dsl.invalidImsi";
    public static final String INVALID_DESTINATION = "org.mexe.studio.dsl.invalidDestination";
    public static final String INVALID_PORT = "org.mexe.studio.dsl.invalidPort";
    public static final String INVALID_HOME_PAGE = "org.mexe.studio.dsl.invalidHomePage";
    public static final String EMPTY_PARAMETER_SET = "org.mexe.studio.dsl.emptyParameterSet";

    private static final Pattern IMSI = Pattern.compile("[0-9]{6,15}");
    /** E.164: an optional +, then up to 15 digits (3GPP TS 23.040 allows 20 semi-octets). */
    private static final Pattern PHONE_NUMBER = Pattern.compile("\\+?[0-9]{1,15}");
    private static final Pattern HTTP_URL = Pattern.compile("https?://[^\\s/?#]+[^\\s]*");

    @Check
    public void securityHasWhatItNeeds(ParameterDelivery delivery) {
        if (delivery.getSecurity() == SecurityMethod.USERPIN && delivery.getPin() == null) {
            error("USERPIN security needs a PIN: add 'pin env \"VARIABLE\"' or 'pin file \"path\"'.",
                    Literals.PARAMETER_DELIVERY__SECURITY, MISSING_PIN);
        }
        if (delivery.getSecurity() == SecurityMethod.NETWPIN) {
            if (delivery.getImsi() == null) {
                error("NETWPIN security is keyed by the subscriber's IMSI: add 'imsi \"...\"'.",
                        Literals.PARAMETER_DELIVERY__SECURITY, MISSING_IMSI);
            } else if (!IMSI.matcher(delivery.getImsi()).matches()) {
                error("The IMSI \"" + delivery.getImsi() + "\" is not valid: give 6 to 15 digits (3GPP TS 23.003).",
                        Literals.PARAMETER_DELIVERY__IMSI, INVALID_IMSI);
            }
        }
    }

    @Check
    public void destinationIsAPhoneNumber(ParameterDelivery delivery) {
        String to = delivery.getDestination();
        if (to != null && !PHONE_NUMBER.matcher(to).matches()) {
            error("The destination \"" + to + "\" is not a phone number: give up to 15 digits, with a leading + for"
                    + " the international format, for example \"+447700900123\".",
                    Literals.PARAMETER_DELIVERY__DESTINATION, INVALID_DESTINATION);
        }
    }

    @Check
    public void proxyPortInRange(Www www) {
        if (www.isSetPort() && (www.getPort() < 1 || www.getPort() > 65535)) {
            error("The proxy port " + www.getPort() + " is out of range: give a port from 1 to 65535.",
                    Literals.WWW__PORT, INVALID_PORT);
        }
    }

    @Check
    public void homePageIsAnHttpUrl(Www www) {
        if (www.getHomePage() != null && !HTTP_URL.matcher(www.getHomePage()).matches()) {
            error("The home page \"" + www.getHomePage() + "\" is not an http:// or https:// URL.",
                    Literals.WWW__HOME_PAGE, INVALID_HOME_PAGE);
        }
    }

    @Check
    public void parameterSetNotEmpty(ParameterSet set) {
        if (set.getBase() == null && set.eContents().isEmpty() && set.getPublicKeys().isEmpty() && !set.isSetDefaultClassmark()) {
            warning("The parameter set '" + set.getName() + "' is empty: it would deliver nothing.",
                    Literals.ELEMENT__NAME, EMPTY_PARAMETER_SET);
        }
    }
}
