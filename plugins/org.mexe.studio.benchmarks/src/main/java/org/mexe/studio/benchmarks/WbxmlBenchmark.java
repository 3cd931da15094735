package org.mexe.studio.benchmarks;

import java.util.concurrent.TimeUnit;

import org.mexe.studio.codec.cp.ProvWbxml;
import org.mexe.studio.codec.cp.ProvisioningDocument;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * WBXML encoding (document tree to bytes) and decoding (bytes to document tree, with the PROV
 * structure checks). The {@code bytes} counter is WBXML octets per second, i.e. the MB/s figure.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WbxmlBenchmark {

    /** JMH reports this field as a rate: WBXML bytes per second. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Throughput {
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            bytes = 0;
        }
    }

    @Param({"small", "typical", "large"})
    public String document;

    private ProvisioningDocument tree;
    private byte[] wbxml;

    @Setup
    public void setUp() {
        tree = BenchmarkDocuments.named(document);
        wbxml = ProvWbxml.encode(tree);
    }

    @Benchmark
    public byte[] encode(Throughput throughput) {
        byte[] encoded = ProvWbxml.encode(tree);
        throughput.bytes += encoded.length;
        return encoded;
    }

    @Benchmark
    public ProvisioningDocument decode(Throughput throughput) {
        throughput.bytes += wbxml.length;
        return ProvWbxml.decode(wbxml);
    }
}
