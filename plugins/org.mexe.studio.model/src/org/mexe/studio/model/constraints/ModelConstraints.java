package org.mexe.studio.model.constraints;

import org.eclipse.emf.common.util.BasicDiagnostic;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.DiagnosticChain;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;

/**
 * The stable codes of the metamodel's invariants. Every diagnostic has the source {@link #SOURCE}
 * and one of these codes; a code is never reused for another rule. Xtext shows a diagnostic under
 * the issue code {@code SOURCE + "." + code} ({@link #issueCode(int)}), for example
 * {@code org.mexe.studio.model.1} for an invalid APN; the language keeps its own older codes for
 * the four rules that moved here from it (port, home page, destination, IMSI).
 */
public final class ModelConstraints {

    public static final String SOURCE = ApnConstraint.SOURCE;

    public static final int INVALID_APN = ApnConstraint.INVALID_APN;
    public static final int INVALID_IPV4_ADDRESS = 2;
    public static final int INVALID_IPV6_ADDRESS = 3;
    public static final int INVALID_DNS_SERVER = 4;
    public static final int INVALID_HOST = 5;
    public static final int INVALID_URL = 6;
    public static final int INVALID_HOME_PAGE = 7;
    public static final int INVALID_PORT = 8;
    public static final int INVALID_PHONE_NUMBER = 9;
    public static final int INVALID_DESTINATION = 10;
    public static final int INVALID_IMSI = 11;
    public static final int INVALID_CLASSMARK = 12;
    public static final int INVALID_CSD_SPEED = 13;
    public static final int INVALID_LINGER = 14;
    public static final int IPV6_NOT_ENABLED = 15;
    public static final int SIX_TO_FOUR_WITHOUT_IPV4 = 16;
    public static final int INVALID_CERTIFICATE_SOURCE = 17;
    public static final int INCOMPLETE_KEYSTORE = 18;
    public static final int INVALID_SEGMENT_LIMIT = 19;
    public static final int INVALID_EMAIL_ADDRESS = 20;
    public static final int INVALID_SECRET_LOCATION = 21;

    /**
     * Optional third element of a diagnostic's data: the position of the offending value in a
     * many-valued attribute, so that an editor can point at the second DNS server, not the first.
     */
    public static final int DATA_INDEX = 2;

    private ModelConstraints() {
    }

    /** The issue code under which Xtext shows a diagnostic of this metamodel with {@code code} by default. */
    public static String issueCode(int code) {
        return SOURCE + "." + code;
    }

    /** Adds an error about {@code feature} of {@code object}; returns {@code false} for the invariant. */
    static boolean error(DiagnosticChain diagnostics, int code, String message, EObject object, EStructuralFeature feature) {
        if (diagnostics != null) {
            diagnostics.add(new BasicDiagnostic(Diagnostic.ERROR, SOURCE, code, message, new Object[] { object, feature }));
        }
        return false;
    }

    /** As {@link #error(DiagnosticChain, int, String, EObject, EStructuralFeature)}, about the value at {@code index}. */
    static boolean error(DiagnosticChain diagnostics, int code, String message, EObject object, EStructuralFeature feature, int index) {
        if (diagnostics != null) {
            diagnostics.add(new BasicDiagnostic(Diagnostic.ERROR, SOURCE, code, message, new Object[] { object, feature, index }));
        }
        return false;
    }
}
