package org.mexe.studio.dsl.validation;

import org.eclipse.xtext.validation.ComposedChecks;

/**
 * Checks that need cross-references, several objects or the text, composed of one validator per
 * concern; the issue codes of the language's own checks are here. Rules about one object's own
 * values are invariants of the metamodel ({@code org.mexe.studio.model.constraints}), which EMF's
 * Diagnostician runs for the language and for XMI alike; {@link ProvDiagnosticConverter} gives
 * them their issue codes.
 */
@ComposedChecks(validators = { DeliveryValidator.class, HandsetValidator.class, StageOrderValidator.class,
        ParameterSetValidator.class, NameValidator.class, StatementValidator.class, PayloadValidator.class, TrustValidator.class,
        ServerValidator.class, BootstrapValidator.class, SimOtaValidator.class })
public class ProvValidator extends AbstractProvValidator {

    private static final String PREFIX = "org.mexe.studio.dsl.";

    // Codes of the first release; rules that moved into the metamodel keep theirs (ProvDiagnosticConverter).
    public static final String MISSING_PIN = PREFIX + "missingPin";
    public static final String MISSING_IMSI = PREFIX + "missingImsi";
    public static final String INVALID_IMSI = PREFIX + "invalidImsi";
    public static final String INVALID_DESTINATION = PREFIX + "invalidDestination";
    public static final String INVALID_PORT = PREFIX + "invalidPort";
    public static final String INVALID_HOME_PAGE = PREFIX + "invalidHomePage";
    public static final String EMPTY_PARAMETER_SET = PREFIX + "emptyParameterSet";

    public static final String MISSING_SECURITY = PREFIX + "missingSecurity";
    public static final String MISSING_DESTINATION = PREFIX + "missingDestination";
    public static final String NO_SUBSCRIBER_SOURCE = PREFIX + "noSubscriberSource";
    public static final String UNAUTHENTICATED_DELIVERY = PREFIX + "unauthenticatedDelivery";
    public static final String NOKIA_OTA_SECURITY = PREFIX + "nokiaOtaSecurity";
    public static final String UNSUPPORTED_CLASSMARK = PREFIX + "unsupportedClassmark";
    public static final String UNSUPPORTED_FORMAT = PREFIX + "unsupportedFormat";
    public static final String CONNECT_BEFORE_PARAMETERS = PREFIX + "connectBeforeParameters";
    public static final String DOWNLOAD_BEFORE_CONNECT = PREFIX + "downloadBeforeConnect";
    public static final String RUN_BEFORE_DOWNLOAD = PREFIX + "runBeforeDownload";
    public static final String COMPONENT_BEFORE_CONNECT = PREFIX + "componentBeforeConnect";
    public static final String TRUST_AFTER_DOWNLOAD = PREFIX + "trustAfterDownload";
    public static final String UNUSED_PARAMETER_SET = PREFIX + "unusedParameterSet";
    public static final String DUPLICATE_NAME = PREFIX + "duplicateName";
    public static final String DUPLICATE_STATEMENT = PREFIX + "duplicateStatement";
    public static final String EXTENDS_CYCLE = PREFIX + "extendsCycle";
}
