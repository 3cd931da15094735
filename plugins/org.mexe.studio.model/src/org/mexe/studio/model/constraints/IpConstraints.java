package org.mexe.studio.model.constraints;

import static org.mexe.studio.model.constraints.ModelConstraints.error;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.emf.common.util.DiagnosticChain;
import org.mexe.studio.model.provisioning.Ipv4;
import org.mexe.studio.model.provisioning.Ipv6;
import org.mexe.studio.model.provisioning.ParameterSet;
import org.mexe.studio.model.provisioning.ProvisioningPackage.Literals;

/**
 * Invariants between the IPv4 and IPv6 blocks. Both use the effective value of a set: its own,
 * or else the one it inherits through {@code extends}. IPv6 is off unless a set enables it;
 * IPv4 is on unless a set says {@code enabled no}, as on every GPRS handset of the brief.
 */
public final class IpConstraints {

    private IpConstraints() {
    }

    /** Addresses, DNS servers and 6-to-4 of an IPv6 block only when IPv6 is enabled. */
    public static boolean hasAddressesOnlyWhenEnabled(Ipv6 ipv6, DiagnosticChain diagnostics, Map<Object, Object> context) {
        boolean uses = !ipv6.getAddresses().isEmpty() || !ipv6.getDnsServers().isEmpty() || (ipv6.isSetSixToFour() && ipv6.isSixToFour());
        if (!uses || ipv6Enabled(ipv6)) {
            return true;
        }
        var feature = !ipv6.getAddresses().isEmpty() ? Literals.IPV6__ADDRESSES
                : !ipv6.getDnsServers().isEmpty() ? Literals.IPV6__DNS_SERVERS : Literals.IPV6__SIX_TO_FOUR;
        String why = ipv6.isSetEnabled() ? "says 'enabled no'" : "does not enable IPv6 (nor does any set it extends)";
        return error(diagnostics, ModelConstraints.IPV6_NOT_ENABLED, "The " + Places.of(ipv6) + " gives IPv6 settings but " + why
                + ", so the handset would ignore them: write 'enabled yes' in it, or remove the addresses, DNS servers and"
                + " six-to-four.", ipv6, feature);
    }

    /** 6-to-4 tunnels IPv6 through IPv4, so a set with 6-to-4 must not disable IPv4. */
    public static boolean hasSixToFourOnlyWithIpv4(ParameterSet set, DiagnosticChain diagnostics, Map<Object, Object> context) {
        boolean sixToFour = effective(set, s -> s.getIpv6() != null && s.getIpv6().isSetSixToFour()
                ? Optional.of(s.getIpv6().isSixToFour()) : Optional.empty()).orElse(false);
        boolean ipv4 = effective(set, s -> s.getIpv4() != null && s.getIpv4().isSetEnabled()
                ? Optional.of(s.getIpv4().isEnabled()) : Optional.empty()).orElse(true);
        if (!sixToFour || ipv4) {
            return true;
        }
        // Reported where the set itself brings the second half of the conflict; a set that inherits
        // both halves is reported at the set it inherits them from.
        String message = "The " + Places.of(set) + " has six-to-four but IPv4 disabled: 6-to-4 carries IPv6 inside IPv4,"
                + " so write 'enabled yes' in its ipv4 block or 'six-to-four no' in its ipv6 block.";
        Ipv6 ipv6 = set.getIpv6();
        if (ipv6 != null && ipv6.isSetSixToFour()) {
            return error(diagnostics, ModelConstraints.SIX_TO_FOUR_WITHOUT_IPV4, message, ipv6, Literals.IPV6__SIX_TO_FOUR);
        }
        Ipv4 own = set.getIpv4();
        if (own != null && own.isSetEnabled()) {
            return error(diagnostics, ModelConstraints.SIX_TO_FOUR_WITHOUT_IPV4, message, own, Literals.IPV4__ENABLED);
        }
        return true;
    }

    static boolean ipv6Enabled(Ipv6 ipv6) {
        if (ipv6.isSetEnabled()) {
            return ipv6.isEnabled();
        }
        if (ipv6.eContainer() instanceof ParameterSet set) {
            return effective(set, s -> s.getIpv6() != null && s.getIpv6().isSetEnabled()
                    ? Optional.of(s.getIpv6().isEnabled()) : Optional.empty()).orElse(false);
        }
        return false;
    }

    /** The first value {@code own} finds in {@code set} or the sets it extends; safe against extends cycles. */
    public static <T> Optional<T> effective(ParameterSet set, Function<ParameterSet, Optional<T>> own) {
        Set<ParameterSet> seen = new HashSet<>();
        for (ParameterSet s = set; s != null && !s.eIsProxy() && seen.add(s); s = s.getBase()) {
            Optional<T> value = own.apply(s);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }
}
