package org.mexe.studio.model.payload;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.mexe.studio.model.provisioning.Certificate;
import org.mexe.studio.model.provisioning.DomainKind;
import org.mexe.studio.model.provisioning.ParameterSet;
import org.mexe.studio.model.provisioning.ProvisioningModel;
import org.mexe.studio.model.provisioning.SecurityDomain;

/**
 * What an {@code update-sim} writes to the (U)SIM and where, and what it cannot write and why: the
 * one mapping that validation warns from and the SIM update generator writes by.
 *
 * <p>The card files are those of DF_MExE (3GPP TS 31.102 clause 4.4.4, under ADF_USIM; TS 51.011
 * has the same files under DF_GSM): a root certificate of an operator security domain gets a
 * descriptor record in EF_ORPK (4F41), one of a third-party domain a record in EF_TPRPK (4F43);
 * the certificate itself goes into an EF_TKCDF, whose identifier TS 31.102 leaves to the card
 * issuer ('4FXX'): we assume 4F44 upwards, one file per certificate, in the order of the sets.
 * Nothing else a parameter set holds has a (U)SIM file.
 */
public final class SimFilePlan {

    /** The current application's ADF in a path (ETSI TS 102 221): the USIM for USIM remote file management. */
    public static final int CURRENT_ADF = 0x7FFF;
    public static final int DF_MEXE = 0x5F3C;
    /** Where the first certificate goes: the first identifier after EF_TPRPK (an assumption, see the class comment). */
    public static final int FIRST_KEY_DATA_FILE = 0x4F44;
    /** TS 31.102 EF_ORPK: "X + 10" octets a record; with a 20-octet SHA-1 key identifier, 30. */
    public static final int KEY_IDENTIFIER_LENGTH = 20;

    /** The DF_MExE files of root public keys that an update writes descriptors into. */
    public enum RootFile {
        ORPK(0x4F41, "EF_ORPK", "operator"), TPRPK(0x4F43, "EF_TPRPK", "third-party");

        private final int fid;
        private final String fileName;
        private final String domainKind;

        RootFile(int fid, String fileName, String domainKind) {
            this.fid = fid;
            this.fileName = fileName;
            this.domainKind = domainKind;
        }

        public int fid() {
            return fid;
        }

        public String fileName() {
            return fileName;
        }

        public String domainKind() {
            return domainKind;
        }

        public int[] path() {
            return new int[] { CURRENT_ADF, DF_MEXE, fid };
        }
    }

    /** A root certificate for the card: its descriptor is record {@code record} of {@code file}, its DER the EF_TKCDF {@code dataFile}. */
    public record Root(Certificate certificate, RootFile file, int record, int dataFile) {

        public int[] dataFilePath() {
            return new int[] { CURRENT_ADF, DF_MEXE, dataFile };
        }
    }

    /** A setting of a parameter set that no (U)SIM file holds, and why. */
    public record Unwritten(ParameterSet set, String setting, String reason) {

        /** For the generation summary: {@code National gprs: not written to the SIM because …}. */
        public String line() {
            return set.getName() + " " + setting + ": not written to the SIM because " + reason;
        }
    }

    /** What goes where. */
    public record Plan(List<Root> roots, List<Unwritten> unwritten) {

        public Plan {
            roots = List.copyOf(roots);
            unwritten = List.copyOf(unwritten);
        }

        public boolean writesNothing() {
            return roots.isEmpty();
        }
    }

    private static final String HANDSET_KEEPS = "; the handset keeps it: send it with 'deliver' or 'update-phone'";

    private SimFilePlan() {
    }

    /**
     * The plan for the sets of one {@code update-sim}, each with {@code extends} merged.
     * {@code rootOf} tells the kind of the security domain a certificate is a root of, if any.
     */
    public static Plan of(List<ParameterSet> sets, Function<Certificate, Optional<DomainKind>> rootOf) {
        List<Root> roots = new ArrayList<>();
        List<Unwritten> unwritten = new ArrayList<>();
        Set<Certificate> placed = new LinkedHashSet<>();
        Map<RootFile, Integer> records = new HashMap<>();
        for (ParameterSet set : sets) {
            if (set == null || set.eIsProxy()) {
                continue;
            }
            ParameterSet merged = EffectiveParameters.of(set).merged();
            if (merged.getGsmCsd() != null) {
                unwritten.add(new Unwritten(set, "gsm-csd", "no (U)SIM file holds circuit-switched data settings" + HANDSET_KEEPS));
            }
            if (merged.getGprs() != null) {
                unwritten.add(new Unwritten(set, "gprs", "no (U)SIM file holds access point settings (EF_ACL, 6F57, is a list of allowed"
                        + " APNs, not their settings)" + HANDSET_KEEPS));
            }
            for (var browsing : List.of(Map.entry("wap", merged.getWap() != null), Map.entry("www", merged.getWww() != null))) {
                if (browsing.getValue()) {
                    unwritten.add(new Unwritten(set, browsing.getKey(), "OMA smartcard provisioning keeps browser settings in a PKCS#15"
                            + " application whose files the card issuer places, with no standard file identifier to write to" + HANDSET_KEEPS));
                }
            }
            if (merged.getMail() != null) {
                unwritten.add(new Unwritten(set, "mail", "no (U)SIM file holds mail settings" + HANDSET_KEEPS));
            }
            for (var ip : List.of(Map.entry("ipv4", merged.getIpv4() != null), Map.entry("ipv6", merged.getIpv6() != null))) {
                if (ip.getValue()) {
                    unwritten.add(new Unwritten(set, ip.getKey(), "no (U)SIM file holds IP settings" + HANDSET_KEEPS));
                }
            }
            if (merged.isSetDefaultClassmark()) {
                unwritten.add(new Unwritten(set, "default-classmark", "the default classmark is a setting of the handset's MExE"
                        + " environment (TS 23.057) that no (U)SIM file holds" + HANDSET_KEEPS));
            }
            for (Certificate certificate : merged.getPublicKeys()) {
                if (certificate == null || certificate.eIsProxy() || !placed.add(certificate)) {
                    continue;
                }
                Optional<DomainKind> kind = rootOf.apply(certificate);
                Optional<RootFile> file = kind.flatMap(SimFilePlan::fileFor);
                if (file.isPresent()) {
                    int record = records.merge(file.get(), 1, Integer::sum);
                    roots.add(new Root(certificate, file.get(), record, FIRST_KEY_DATA_FILE + roots.size()));
                } else {
                    unwritten.add(new Unwritten(set, "public key " + certificate.getName(), kind.isPresent()
                            ? "it is a root of a manufacturer domain, which the handset keeps preloaded; DF_MExE holds operator (EF_ORPK),"
                                    + " administrator (EF_ARPK) and third-party (EF_TPRPK) roots"
                            : "it is the root of no operator or third-party security domain ('roots' of a 'domain'), so neither EF_ORPK"
                                    + " nor EF_TPRPK fits it"));
                }
            }
        }
        return new Plan(roots, unwritten);
    }

    private static Optional<RootFile> fileFor(DomainKind kind) {
        return switch (kind) {
            case OPERATOR -> Optional.of(RootFile.ORPK);
            case THIRD_PARTY -> Optional.of(RootFile.TPRPK);
            case MANUFACTURER -> Optional.empty();
        };
    }

    /**
     * For each certificate, the kind of the domain it is a root of among {@code models}; an
     * operator domain wins over a third-party one, either over a manufacturer's.
     */
    public static Function<Certificate, Optional<DomainKind>> rootsIn(Collection<ProvisioningModel> models) {
        return rootsIn(() -> models);
    }

    /**
     * As {@link #rootsIn(Collection)}, with the models read on the first question only: most
     * updates carry no public key and never ask, and reading every model of a large workspace for
     * each update made validating it quadratic.
     */
    public static Function<Certificate, Optional<DomainKind>> rootsIn(java.util.function.Supplier<? extends Collection<ProvisioningModel>> models) {
        var kinds = new Object() {
            Map<Certificate, DomainKind> byCertificate;
        };
        return certificate -> {
            if (kinds.byCertificate == null) {
                kinds.byCertificate = domainKinds(models.get());
            }
            return Optional.ofNullable(kinds.byCertificate.get(certificate));
        };
    }

    private static Map<Certificate, DomainKind> domainKinds(Collection<ProvisioningModel> models) {
        Map<Certificate, DomainKind> kinds = new HashMap<>();
        for (ProvisioningModel model : models) {
            for (var element : model.getElements()) {
                if (element instanceof SecurityDomain domain && domain.getKind() != null) {
                    for (Certificate root : domain.getRoots()) {
                        kinds.merge(root, domain.getKind(), (a, b) -> rank(a) <= rank(b) ? a : b);
                    }
                }
            }
        }
        return kinds;
    }

    private static int rank(DomainKind kind) {
        return switch (kind) {
            case OPERATOR -> 0;
            case THIRD_PARTY -> 1;
            case MANUFACTURER -> 2;
        };
    }

    /**
     * An EF_ORPK/EF_TPRPK record (TS 31.102 clause 4.4.4.2): parameter indicator FE (descriptor
     * valid, no optional parameter), flags 01 (an authority's certificate), type of certificate
     * 01 (X.509), the EF_TKCDF identifier, offset 0, the certificate's length, the key
     * identifier's length and the key identifier.
     */
    public static byte[] descriptor(int dataFile, int certificateLength, byte[] keyIdentifier) {
        if (keyIdentifier.length != KEY_IDENTIFIER_LENGTH) {
            throw new IllegalArgumentException("the key identifier is a SHA-1 hash of 20 octets, got " + keyIdentifier.length);
        }
        if (certificateLength < 1 || certificateLength > 0xFFFF) {
            throw new IllegalArgumentException("a certificate of " + certificateLength + " octets has no two-octet length");
        }
        byte[] record = new byte[10 + KEY_IDENTIFIER_LENGTH];
        record[0] = (byte) 0xFE;
        record[1] = 0x01;
        record[2] = 0x01;
        record[3] = (byte) (dataFile >>> 8);
        record[4] = (byte) dataFile;
        record[7] = (byte) (certificateLength >>> 8);
        record[8] = (byte) certificateLength;
        record[9] = KEY_IDENTIFIER_LENGTH;
        System.arraycopy(keyIdentifier, 0, record, 10, KEY_IDENTIFIER_LENGTH);
        return record;
    }
}
