package org.mexe.studio.bootstrap;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what a CLDC device checks of a class file: its version and, for every method with code,
 * whether the code needs a CLDC {@code StackMap} (it has branch targets or exception handlers;
 * CLDC 1.1 clause 5.3.1: straight-line code needs none) and whether it has one. A small reader of
 * the class file format (JVMS 4) because that is all it needs; the toolchain checks its own output
 * with it, and tests check the JARs.
 */
public final class ClassFiles {

    /** One method's name and descriptor, whether its code needs a {@code StackMap} and what it has. */
    public record Method(String name, boolean needsStackMap, boolean hasStackMap, boolean hasStackMapTable) {

        /** What a CLDC VM accepts without its own verifier: a StackMap wherever there is a branch, never the Java 6 form. */
        public boolean preverified() {
            return (hasStackMap || !needsStackMap) && !hasStackMapTable;
        }
    }

    /** A class file's major version and its methods that have code. */
    public record Summary(int majorVersion, List<Method> methodsWithCode) {

        /** True when a CLDC 1.1 VM accepts it without its own verifier: version 48 or less and a StackMap in every method with code. */
        public boolean preverified() {
            return majorVersion <= 48 && methodsWithCode.stream().allMatch(Method::preverified);
        }
    }

    private ClassFiles() {
    }

    public static Summary read(byte[] classFile) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file (no CAFEBABE)");
        }
        in.readUnsignedShort(); // minor
        int major = in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++; // long and double take two slots
                }
                case 7, 8, 16, 19, 20 -> in.readUnsignedShort();
                case 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
            }
        }
        in.readUnsignedShort(); // access
        in.readUnsignedShort(); // this
        in.readUnsignedShort(); // super
        in.skipBytes(2 * in.readUnsignedShort()); // interfaces
        int fields = in.readUnsignedShort();
        for (int f = 0; f < fields; f++) {
            in.skipBytes(6);
            skipAttributes(in);
        }
        List<Method> methods = new ArrayList<>();
        int methodCount = in.readUnsignedShort();
        for (int m = 0; m < methodCount; m++) {
            in.readUnsignedShort();
            String name = utf8[in.readUnsignedShort()] + utf8[in.readUnsignedShort()];
            int attributes = in.readUnsignedShort();
            for (int a = 0; a < attributes; a++) {
                String attribute = utf8[in.readUnsignedShort()];
                int length = in.readInt();
                if (!"Code".equals(attribute)) {
                    in.skipBytes(length);
                    continue;
                }
                in.skipBytes(4); // max_stack, max_locals
                byte[] code = new byte[in.readInt()];
                in.readFully(code);
                int handlers = in.readUnsignedShort();
                in.skipBytes(8 * handlers);
                boolean needsStackMap = handlers > 0 || branches(code);
                boolean stackMap = false;
                boolean stackMapTable = false;
                int codeAttributes = in.readUnsignedShort();
                for (int c = 0; c < codeAttributes; c++) {
                    String codeAttribute = utf8[in.readUnsignedShort()];
                    stackMap |= "StackMap".equals(codeAttribute);
                    stackMapTable |= "StackMapTable".equals(codeAttribute);
                    in.skipBytes(in.readInt());
                }
                methods.add(new Method(name, needsStackMap, stackMap, stackMapTable));
            }
        }
        return new Summary(major, methods);
    }

    /** Whether the bytecode has a jump, a switch or a subroutine: an instruction whose target needs a stack map frame. */
    static boolean branches(byte[] code) throws IOException {
        int pc = 0;
        while (pc < code.length) {
            int opcode = code[pc] & 0xFF;
            if ((opcode >= 0x99 && opcode <= 0xA9) || opcode == 0xAA || opcode == 0xAB || (opcode >= 0xC6 && opcode <= 0xC9)) {
                return true;
            }
            pc += length(code, pc, opcode);
        }
        return false;
    }

    /** The length of the instruction at {@code pc} (JVMS 6.5). */
    private static int length(byte[] code, int pc, int opcode) throws IOException {
        return switch (opcode) {
            case 0x10, 0x12, 0x15, 0x16, 0x17, 0x18, 0x19, 0x36, 0x37, 0x38, 0x39, 0x3A, 0xA9, 0xBC -> 2;
            case 0x11, 0x13, 0x14, 0x84, 0xB2, 0xB3, 0xB4, 0xB5, 0xB6, 0xB7, 0xB8, 0xBB, 0xBD, 0xC0, 0xC1, 0xC6, 0xC7 -> 3;
            case 0xC5 -> 4;
            case 0xB9, 0xBA, 0xC8, 0xC9 -> 5;
            case 0xC4 -> (code[pc + 1] & 0xFF) == 0x84 ? 6 : 4; // wide
            case 0xAA -> {
                int at = (pc + 4) & ~3; // after the padding
                int low = readInt(code, at + 4);
                int high = readInt(code, at + 8);
                yield at - pc + 12 + 4 * (high - low + 1);
            }
            case 0xAB -> {
                int at = (pc + 4) & ~3;
                yield at - pc + 8 + 8 * readInt(code, at + 4);
            }
            default -> {
                if (opcode >= 0x99 && opcode <= 0xA8) {
                    yield 3;
                }
                if (opcode > 0xC9) {
                    throw new IOException("unknown opcode 0x" + Integer.toHexString(opcode) + " at " + pc);
                }
                yield 1;
            }
        };
    }

    private static int readInt(byte[] code, int at) {
        return ((code[at] & 0xFF) << 24) | ((code[at + 1] & 0xFF) << 16) | ((code[at + 2] & 0xFF) << 8) | (code[at + 3] & 0xFF);
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int attributes = in.readUnsignedShort();
        for (int a = 0; a < attributes; a++) {
            in.readUnsignedShort();
            in.skipBytes(in.readInt());
        }
    }
}
