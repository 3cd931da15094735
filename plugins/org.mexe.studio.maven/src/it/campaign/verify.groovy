// The campaign goal's folder, read by docs/campaigns.md's format (an independent reader: not CampaignFile),
// then compared byte for byte with what prov campaign writes from the same inputs.
def folder = new File(basedir, 'target/campaign')
def submits = new File(folder, 'submits.bin')
assert submits.isFile() : "no ${submits}"
byte[] bytes = submits.bytes
assert new String(bytes, 0, 8, 'US-ASCII') == 'MXCAMP01' : 'submits.bin does not start with its magic'

// record := length:u16 msisdnLength:u8 msisdn:ascii count:u8 (length:u8 tpdu){count}
def records = []
int at = 8
while (at < bytes.length) {
    int length = ((bytes[at] & 0xFF) << 8) | (bytes[at + 1] & 0xFF)
    int end = at + 2 + length
    assert end <= bytes.length : "record ${records.size()} runs past the end of submits.bin"
    int p = at + 2
    int msisdnLength = bytes[p++] & 0xFF
    String msisdn = new String(bytes, p, msisdnLength, 'US-ASCII')
    p += msisdnLength
    int count = bytes[p++] & 0xFF
    def tpdus = []
    count.times {
        int tpduLength = bytes[p++] & 0xFF
        tpdus << Arrays.copyOfRange(bytes, p, p + tpduLength)
        p += tpduLength
    }
    assert p == end : "record ${records.size()}: its length ${length} does not match its content"
    records << [msisdn: msisdn, tpdus: tpdus]
    at = end
}
// Rows 3, 4, 5, 7 and 10 are good; 6, 8 and 9 are rejected. The MSISDN as written in the file, in file order.
assert records*.msisdn == ['+447700900201', '+447700900202', '07700900203', '+447700900205', '+447700900208'] : records*.msisdn
records.eachWithIndex { record, n ->
    assert record.tpdus.size() == 10 : "record ${n} has ${record.tpdus.size()} TPDUs"
    record.tpdus.eachWithIndex { byte[] tpdu, k ->
        // SMS-SUBMIT (TP-MTI 01) with a user data header (TP-UDHI); TP-DA's digits are the MSISDN's.
        assert (tpdu[0] & 0x03) == 0x01 && (tpdu[0] & 0x40) != 0 : "record ${n} TPDU ${k} is not an SMS-SUBMIT with a UDH"
        int digits = tpdu[2] & 0xFF
        def semiOctets = new StringBuilder()
        for (int i = 0; i < (digits + 1).intdiv(2); i++) {
            int octet = tpdu[4 + i] & 0xFF
            semiOctets.append(octet & 0x0F).append(octet >> 4 == 0xF ? '' : (octet >> 4))
        }
        assert semiOctets.toString() == record.msisdn.replace('+', '') : "record ${n} TPDU ${k} goes to ${semiOctets}"
        // TP-UDL: 8-bit data, so the user data is the TPDU's last TP-UDL octets.
        int validityPeriod = [0, 7, 1, 7][(tpdu[0] >> 3) & 0x03]
        int udlAt = 4 + (digits + 1).intdiv(2) + 2 + validityPeriod
        assert (tpdu[udlAt] & 0xFF) == tpdu.length - udlAt - 1 : "record ${n} TPDU ${k}: TP-UDL does not count the rest"
    }
}

def rejects = new File(folder, 'rejects.csv').readLines()
assert rejects[0] == 'line,reason,detail' : rejects[0]
def rejected = rejects.drop(1).collect { it.split(',', 3) }
assert rejected.collect { [it[0], it[1]] } == [['6', 'malformed MSISDN'], ['8', 'duplicate MSISDN'], ['9', 'malformed IMSI']] : rejects

def properties = new Properties()
new File(folder, 'campaign.properties').withInputStream { properties.load(it) }
assert properties.state == 'complete' && properties.sms == '50' : properties

// prov campaign on the same inputs writes the same bytes.
def plugins = new File(basedir, '../../../..').canonicalFile
def cli = new File(basedir, 'target/cli-campaign')
def java = new File(System.getProperty('java.home'), 'bin/java').path
def command = [java, '-cp', new File(plugins, 'org.mexe.studio.cli.dist/target/lib').path + '/*', 'org.mexe.studio.cli.Prov', 'campaign',
               new File(plugins, '../examples/brief').canonicalPath, '--scenario', 'CapitalLaunchBySimToolkit',
               '--subscribers', new File(basedir, 'subscribers.csv').path, '-o', cli.path, '--progress', 'none']
def process = new ProcessBuilder(command).redirectErrorStream(true).start()
def output = process.inputStream.text
assert process.waitFor() == 0 : "prov campaign failed:\n${output}"
['submits.bin', 'rejects.csv'].each { name ->
    assert Arrays.equals(new File(cli, name).bytes, new File(folder, name).bytes) : "${name} differs from prov campaign's"
}
return true
