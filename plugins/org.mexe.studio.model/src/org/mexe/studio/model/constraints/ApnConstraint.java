package org.mexe.studio.model.constraints;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.emf.common.util.BasicDiagnostic;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.DiagnosticChain;
import org.mexe.studio.model.provisioning.GprsAccessPoint;
import org.mexe.studio.model.provisioning.ParameterSet;
import org.mexe.studio.model.provisioning.ProvisioningPackage;

/**
 * The APN rule of 3GPP TS 23.003 clause 9.1: dot-separated labels of letters, digits and
 * hyphens, each starting and ending with a letter or digit, at most 100 octets in all.
 * Called from the generated {@code GprsAccessPoint.hasValidApn} invariant.
 */
public final class ApnConstraint {

    /** Diagnostic source of every constraint of this metamodel. */
    public static final String SOURCE = "org.mexe.studio.model";
    /** Stable code of this rule; Xtext shows it as the issue code. */
    public static final int INVALID_APN = 1;
    public static final int MAX_LENGTH = 100;

    private static final Pattern LABELS = Pattern.compile(
            "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*");

    private ApnConstraint() {
    }

    /** Returns why {@code apn} is not a valid APN, or {@code null} when it is. */
    public static String problem(String apn) {
        if (apn == null || apn.isEmpty()) {
            return "The APN is empty: give the access point name, for example \"internet.operator.example\".";
        }
        if (apn.length() > MAX_LENGTH) {
            return "The APN \"" + apn + "\" has " + apn.length() + " characters; 3GPP TS 23.003 allows at most " + MAX_LENGTH
                    + ": give a shorter name.";
        }
        if (!LABELS.matcher(apn).matches()) {
            return "The APN \"" + apn + "\" is not valid: use dot-separated labels of letters, digits and hyphens"
                    + " that start and end with a letter or digit (3GPP TS 23.003 clause 9.1).";
        }
        if (apn.toLowerCase(java.util.Locale.ROOT).endsWith(".gprs")) {
            return "The APN \"" + apn + "\" ends in \".gprs\", which is reserved for the operator identifier: give only the network identifier.";
        }
        return null;
    }

    /**
     * A gprs block of a set that extends another may leave the APN to the set it extends. An
     * unresolved extends counts as inheriting: the missing set is reported at the reference.
     */
    private static boolean inheritsApn(GprsAccessPoint accessPoint) {
        if (!(accessPoint.eContainer() instanceof ParameterSet set)) {
            return false;
        }
        Set<ParameterSet> seen = new HashSet<>();
        for (ParameterSet base = set.getBase(); base != null && seen.add(base); base = base.getBase()) {
            if (base.eIsProxy() || (base.getGprs() != null && base.getGprs().getApn() != null)) {
                return true;
            }
        }
        return false;
    }

    public static boolean check(GprsAccessPoint accessPoint, DiagnosticChain diagnostics, Map<Object, Object> context) {
        String problem;
        if (accessPoint.getApn() == null) {
            if (inheritsApn(accessPoint)) {
                return true;
            }
            problem = "The " + Places.of(accessPoint) + " has no APN and inherits none: give the access point name, for example"
                    + " 'apn \"internet.operator.example\"'.";
        } else {
            problem = problem(accessPoint.getApn());
        }
        if (problem == null) {
            return true;
        }
        if (diagnostics != null) {
            diagnostics.add(new BasicDiagnostic(Diagnostic.ERROR, SOURCE, INVALID_APN, problem,
                    new Object[] { accessPoint, ProvisioningPackage.Literals.GPRS_ACCESS_POINT__APN }));
        }
        return false;
    }
}
