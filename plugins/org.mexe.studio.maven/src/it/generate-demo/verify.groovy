// The plugin wrote the demo's artefacts: each delivery has its four files, and the TPDUs are hex.
def out = new File(basedir, 'target/prov')
assert out.isDirectory() : "no output folder ${out}"
def folders = []
out.eachFileRecurse { if (it.name == 'sms-submit.hex') folders << it.parentFile }
assert !folders.isEmpty() : 'no delivery was generated'
folders.each { folder ->
    ['provisioning.xml', 'provisioning.wbxml', 'push.wsp', 'sms-submit.hex'].each { name ->
        assert new File(folder, name).length() > 0 : "${folder}/${name} is missing or empty"
    }
    new File(folder, 'sms-submit.hex').eachLine { line ->
        assert line ==~ /([0-9A-F]{2})+/ : "not a hex TPDU: ${line}"
    }
}
def log = new File(basedir, 'build.log').text
assert log.contains('SEC=USERPIN MAC=') : 'the build log does not report the MAC'
def pin = new File(basedir, '../../../../../examples/demo-secrets/DEMO-ONLY-userpin.txt').text.trim()
// The PIN as a number of its own, not a run of digits inside another number or a hex MAC.
assert !(log =~ /(?<![0-9A-Fa-f.])${pin}(?![0-9A-Fa-f])/) : 'the demo PIN leaked into the build log'
// The report goal wrote the review page with the scenarios' diagrams.
def report = new File(basedir, 'target/prov-report/index.html')
assert report.isFile() : 'no review report'
assert report.text.contains('<svg ') && report.text.contains('demo.operator.NewHandset') : 'the report lacks the diagrams'
// The access point password travels in the payload (AUTHSECRET), never in the log.
def access = new File(basedir, '../../../../../examples/demo-secrets/DEMO-ONLY-access-password.txt').text.trim()
def payloads = []
out.eachFileRecurse { if (it.name == 'provisioning.xml') payloads << it.text }
assert payloads.any { it.contains("name=\"AUTHSECRET\" value=\"${access}\"") } : 'no payload carries the access password'
assert !log.contains(access) : 'the access password leaked into the build log'
return true
