package org.mexe.studio.codec.sms;

import static org.mexe.studio.codec.internal.ByteReader.describe;

import java.io.ByteArrayOutputStream;

import org.mexe.studio.codec.internal.ByteReader;
import org.mexe.studio.codec.text.GsmAlphabet;
import org.mexe.studio.codec.text.Septets;

/**
 * TP-DA / TP-OA (3GPP TS 23.040 clause 9.1.2.5): length in useful semi-octets, type of address,
 * then digits as semi-octets low nibble first (odd count padded with F) or, alphanumeric, GSM
 * 7-bit packed septets.
 */
final class AddressCodec {

    private AddressCodec() {
    }

    static void write(ByteArrayOutputStream out, SmsAddress address) {
        String digits = address.digits();
        if (address.typeOfNumber() == TypeOfNumber.ALPHANUMERIC) {
            byte[] septets = GsmAlphabet.toSeptets(digits);
            // Useful semi-octets: 7 bits per septet, rounded up to whole nibbles.
            out.write((septets.length * 7 + 3) / 4);
            out.write(address.typeOfNumber().typeOfAddress());
            out.writeBytes(Septets.pack(septets, 0));
            return;
        }
        out.write(digits.length());
        out.write(address.typeOfNumber().typeOfAddress());
        for (int i = 0; i < digits.length(); i += 2) {
            int low = semiOctet(digits.charAt(i));
            int high = i + 1 < digits.length() ? semiOctet(digits.charAt(i + 1)) : 0x0F;
            out.write(high << 4 | low);
        }
    }

    private static int semiOctet(char digit) {
        return switch (digit) {
            case '*' -> 0x0A;
            case '#' -> 0x0B;
            default -> digit - '0';
        };
    }

    /**
     * @param field "TP-DA" or "TP-OA", for error messages
     * @param alphanumericAllowed false where only numbers make sense (TP-DA of an SMS-SUBMIT)
     */
    static SmsAddress read(ByteReader in, String field, boolean alphanumericAllowed) {
        int lengthOffset = in.offset();
        int length = in.readByte(field + " length");
        if (length < 1 || length > SmsAddress.MAX_DIGITS) {
            throw in.errorAt(lengthOffset, field + " of 1.." + SmsAddress.MAX_DIGITS + " digits", length + " digits");
        }
        int typeOffset = in.offset();
        int typeOfAddress = in.readByte(field + " type of address");
        TypeOfNumber type = TypeOfNumber.fromTypeOfAddress(typeOfAddress)
                .filter(t -> alphanumericAllowed || t != TypeOfNumber.ALPHANUMERIC)
                .orElseThrow(() -> in.errorAt(typeOffset, alphanumericAllowed
                        ? "ISDN numbering plan with unknown, international or national number, or alphanumeric"
                        : "ISDN numbering plan with unknown, international or national number", describe(typeOfAddress)));
        int digitsOffset = in.offset();
        byte[] octets = in.readBytes((length + 1) / 2, field + " digits");
        if (type == TypeOfNumber.ALPHANUMERIC) {
            int septets = length * 4 / 7;
            if (septets == 0) {
                throw in.errorAt(lengthOffset, "alphanumeric " + field + " of at least one septet", length + " semi-octets");
            }
            String name = GsmAlphabet.fromSeptets(Septets.unpack(octets, septets, 0));
            if (name.isEmpty()) {
                throw in.errorAt(digitsOffset, "alphanumeric " + field + " naming at least one character", "a lone escape");
            }
            return SmsAddress.alphanumeric(name);
        }
        StringBuilder digits = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int octet = octets[i / 2] & 0xFF;
            int nibble = i % 2 == 0 ? octet & 0x0F : octet >> 4;
            digits.append(switch (nibble) {
                case 0x0A -> '*';
                case 0x0B -> '#';
                default -> {
                    if (nibble > 9) {
                        throw in.errorAt(digitsOffset + i / 2, "address digit 0-9, * or #", "semi-octet " + describe(nibble));
                    }
                    yield (char) ('0' + nibble);
                }
            });
        }
        return new SmsAddress(type, digits.toString());
    }
}
