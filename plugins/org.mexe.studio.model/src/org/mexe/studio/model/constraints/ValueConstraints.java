package org.mexe.studio.model.constraints;

import static org.mexe.studio.model.constraints.ModelConstraints.error;

import java.util.Map;
import java.util.Set;

import org.eclipse.emf.common.util.DiagnosticChain;
import org.mexe.studio.model.provisioning.Application;
import org.mexe.studio.model.provisioning.GprsAccessPoint;
import org.mexe.studio.model.provisioning.GsmCsd;
import org.mexe.studio.model.provisioning.HandsetProfile;
import org.mexe.studio.model.provisioning.ParameterSet;
import org.mexe.studio.model.provisioning.ProvisioningPackage.Literals;
import org.mexe.studio.model.provisioning.SecretRef;
import org.mexe.studio.model.provisioning.SecretSource;

/** Invariants on numeric values with a fixed range or set, and on where a secret is read from. */
public final class ValueConstraints {

    /** MExE classmarks (3GPP TS 23.057): 1 WAP, 2 PersonalJava, 3 J2ME CLDC/MIDP, 4 CLI. */
    public static final int MIN_CLASSMARK = 1;
    public static final int MAX_CLASSMARK = 4;
    /**
     * GSM circuit-switched user rates in bit/s: the full-rate channels (2400, 4800, 9600, 14400)
     * and the HSCSD multislot rates (2, 3 or 4 slots of 9600 or 14400).
     */
    public static final Set<Integer> CSD_SPEEDS = Set.of(2400, 4800, 9600, 14400, 19200, 28800, 38400, 43200, 57600);
    /** Our bound on the GPRS idle time: a day; anything longer keeps a context open for nothing. */
    public static final int MAX_LINGER = 86_400;
    /** The concatenation header counts segments in one octet (3GPP TS 23.040 clause 9.2.3.24.1). */
    public static final int MAX_SEGMENTS = 255;

    private ValueConstraints() {
    }

    public static boolean isClassmark(int classmark) {
        return classmark >= MIN_CLASSMARK && classmark <= MAX_CLASSMARK;
    }

    public static boolean hasValidClassmark(Application application, DiagnosticChain diagnostics, Map<Object, Object> context) {
        int classmark = application.getClassmark();
        if (isClassmark(classmark)) {
            return true;
        }
        String problem = classmark == 0 ? "has no classmark" : "has the classmark " + classmark + ", which MExE does not define";
        return error(diagnostics, ModelConstraints.INVALID_CLASSMARK, "The " + Places.of(application) + " " + problem
                + ": give 'classmark 1' (WAP), 2 (PersonalJava), 3 (J2ME MIDP) or 4 (CLI).",
                application, Literals.APPLICATION__CLASSMARK);
    }

    public static boolean hasValidClassmarks(HandsetProfile handset, DiagnosticChain diagnostics, Map<Object, Object> context) {
        boolean ok = true;
        for (int i = 0; i < handset.getClassmarks().size(); i++) {
            int classmark = handset.getClassmarks().get(i);
            if (!isClassmark(classmark)) {
                ok = error(diagnostics, ModelConstraints.INVALID_CLASSMARK, "The " + Places.of(handset) + " lists the classmark "
                        + classmark + ", which MExE does not define: give classmarks from 1 to 4.",
                        handset, Literals.HANDSET_PROFILE__CLASSMARKS, i);
            }
        }
        return ok;
    }

    public static boolean hasValidDefaultClassmark(ParameterSet set, DiagnosticChain diagnostics, Map<Object, Object> context) {
        if (!set.isSetDefaultClassmark() || isClassmark(set.getDefaultClassmark())) {
            return true;
        }
        return error(diagnostics, ModelConstraints.INVALID_CLASSMARK, "The default classmark " + set.getDefaultClassmark() + " of "
                + Places.of(set) + " is not a MExE classmark: give 1, 2, 3 or 4.", set, Literals.PARAMETER_SET__DEFAULT_CLASSMARK);
    }

    public static boolean hasValidSpeed(GsmCsd csd, DiagnosticChain diagnostics, Map<Object, Object> context) {
        if (!csd.isSetSpeed() || CSD_SPEEDS.contains(csd.getSpeed())) {
            return true;
        }
        return error(diagnostics, ModelConstraints.INVALID_CSD_SPEED, "The speed " + csd.getSpeed() + " of " + Places.of(csd)
                + " is not a GSM data rate: give 2400, 4800, 9600 or 14400 bit/s, or an HSCSD rate of 19200, 28800, 38400,"
                + " 43200 or 57600.", csd, Literals.GSM_CSD__SPEED);
    }

    public static boolean hasValidLinger(GprsAccessPoint gprs, DiagnosticChain diagnostics, Map<Object, Object> context) {
        if (!gprs.isSetLinger() || (gprs.getLinger() >= 1 && gprs.getLinger() <= MAX_LINGER)) {
            return true;
        }
        return error(diagnostics, ModelConstraints.INVALID_LINGER, "The linger " + gprs.getLinger() + " of " + Places.of(gprs)
                + " is out of range: give the seconds an idle connection stays up, from 1 to " + MAX_LINGER + " (a day).",
                gprs, Literals.GPRS_ACCESS_POINT__LINGER);
    }

    public static boolean hasValidSegmentLimit(HandsetProfile handset, DiagnosticChain diagnostics, Map<Object, Object> context) {
        if (!handset.isSetSegmentLimit() || (handset.getSegmentLimit() >= 1 && handset.getSegmentLimit() <= MAX_SEGMENTS)) {
            return true;
        }
        return error(diagnostics, ModelConstraints.INVALID_SEGMENT_LIMIT, "The segment limit " + handset.getSegmentLimit() + " of "
                + Places.of(handset) + " is out of range: a concatenated SMS has 1 to " + MAX_SEGMENTS
                + " segments, so give 'max N segments' with N in that range.",
                handset, Literals.HANDSET_PROFILE__SEGMENT_LIMIT);
    }

    public static boolean hasValidLocation(SecretRef secret, DiagnosticChain diagnostics, Map<Object, Object> context) {
        String location = secret.getLocation();
        if (secret.getSource() == SecretSource.ENV && !Syntax.isEnvironmentVariable(location)) {
            return error(diagnostics, ModelConstraints.INVALID_SECRET_LOCATION, "\"" + location + "\" in " + Places.of(secret)
                    + " is not an environment variable name: give letters, digits and underscores, not starting with a digit,"
                    + " for example env \"GPRS_PASSWORD\".", secret, Literals.SECRET_REF__LOCATION);
        }
        if (secret.getSource() == SecretSource.FILE && (location == null || location.isBlank())) {
            return error(diagnostics, ModelConstraints.INVALID_SECRET_LOCATION, "The file of " + Places.of(secret)
                    + " is empty: give the path of the file that holds the secret, for example file \"secrets/gprs.txt\".",
                    secret, Literals.SECRET_REF__LOCATION);
        }
        return true;
    }
}
