package org.mexe.studio.model.constraints;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The value syntaxes of the metamodel: addresses, host names, URLs, numbers. Pure functions, so
 * that the language and the generators can ask the same questions as the invariants.
 */
public final class Syntax {

    public static final int MIN_PORT = 1;
    public static final int MAX_PORT = 65535;

    private static final Pattern IPV4 = Pattern.compile(
            "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])(?:\\.(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}");
    private static final Pattern HEX_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
    /** RFC 1123 labels: letters, digits and hyphens, not starting or ending with a hyphen, at most 63. */
    private static final Pattern HOST_LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    /** E.164 (ITU-T): at most 15 digits; in international form a + and a country code, which never starts with 0. */
    private static final Pattern PHONE_NUMBER = Pattern.compile("\\+[1-9][0-9]{0,14}|[0-9]{1,15}");
    /** 3GPP TS 23.003 clause 2.2: MCC (3) + MNC (2 or 3) + MSIN, at most 15 digits. */
    private static final Pattern IMSI = Pattern.compile("[0-9]{6,15}");
    /** The local part of an address as RFC 5322 allows it without quoting (dot-atom). */
    private static final Pattern MAIL_LOCAL_PART = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    /** A POSIX environment variable name. */
    private static final Pattern ENVIRONMENT_VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Syntax() {
    }

    /** A dotted-quad IPv4 literal without leading zeros (which some stacks read as octal). */
    public static boolean isIpv4(String value) {
        return value != null && IPV4.matcher(value).matches();
    }

    /** An IPv6 literal in any RFC 4291 text form (with :: and an embedded IPv4 tail), without zone or prefix. */
    public static boolean isIpv6(String value) {
        if (value == null || value.isEmpty() || value.length() > 45) {
            return false;
        }
        int gap = value.indexOf("::");
        if (gap >= 0 && value.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        if (gap < 0) {
            return groups(value, true) == 8;
        }
        // An IPv4 tail may only end the address, so the part before :: never has one.
        int head = groups(value.substring(0, gap), false);
        int rest = groups(value.substring(gap + 2), true);
        return head >= 0 && rest >= 0 && head + rest <= 7;
    }

    /** Counts the 16-bit groups of a colon-separated part, or returns -1 when the part is malformed. */
    private static int groups(String part, boolean last) {
        if (part.isEmpty()) {
            return 0;
        }
        String[] pieces = part.split(":", -1);
        int count = 0;
        for (int i = 0; i < pieces.length; i++) {
            String piece = pieces[i];
            if (last && i == pieces.length - 1 && piece.indexOf('.') >= 0) {
                if (!isIpv4(piece)) {
                    return -1;
                }
                count += 2;
            } else if (HEX_GROUP.matcher(piece).matches()) {
                count++;
            } else {
                return -1;
            }
        }
        return count;
    }

    /** An RFC 1123 host name: dot-separated labels, at most 253 characters, whose last label is not all digits. */
    public static boolean isHostName(String value) {
        if (value == null || value.isEmpty() || value.length() > 253) {
            return false;
        }
        String[] labels = value.split("\\.", -1);
        for (String label : labels) {
            if (!HOST_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        // A name whose last label is numeric would be read as a (malformed) IPv4 address.
        return !labels[labels.length - 1].chars().allMatch(Character::isDigit);
    }

    /** A host name, an IPv4 literal or an IPv6 literal. */
    public static boolean isHost(String value) {
        return isIpv4(value) || isIpv6(value) || isHostName(value);
    }

    public static boolean isPort(int port) {
        return port >= MIN_PORT && port <= MAX_PORT;
    }

    /** An absolute http:// or https:// URL with a valid host and, if given, a valid port. */
    public static boolean isHttpUrl(String value) {
        if (value == null || value.isBlank() || !value.strip().equals(value)) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return false;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return false;
        }
        String host = uri.getHost();
        if (host == null) {
            return false;
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return isHost(host) && (uri.getPort() == -1 || isPort(uri.getPort()));
    }

    /** An E.164 number: up to 15 digits, or a + with a country code and up to 15 digits in all. */
    public static boolean isPhoneNumber(String value) {
        return value != null && PHONE_NUMBER.matcher(value).matches();
    }

    public static boolean isImsi(String value) {
        return value != null && IMSI.matcher(value).matches();
    }

    /** local-part@host-name, the form a handset's mail client accepts as a sender address. */
    public static boolean isEmailAddress(String value) {
        if (value == null) {
            return false;
        }
        int at = value.lastIndexOf('@');
        return at > 0 && MAIL_LOCAL_PART.matcher(value.substring(0, at)).matches() && isHostName(value.substring(at + 1));
    }

    public static boolean isEnvironmentVariable(String value) {
        return value != null && ENVIRONMENT_VARIABLE.matcher(value).matches();
    }
}
