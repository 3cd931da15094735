// Tycho packed the artefacts that the plugin generated during the build into the bundle.
import java.util.zip.ZipFile

def jars = new File(basedir, 'target').listFiles().findAll { it.name ==~ /org\.mexe\.studio\.it\.consumer-.*\.jar/ && !it.name.contains('sources') }
assert jars.size() == 1 : "expected one bundle in target/, found ${jars}"
def zip = new ZipFile(jars[0])
try {
    def entries = zip.entries().collect { it.name }
    assert entries.contains('org/mexe/studio/it/consumer/Artefacts.class') : 'the bundle lacks its own class'
    def pushes = entries.findAll { it.startsWith('provisioning/') && it.endsWith('/push.wsp') }
    assert !pushes.isEmpty() : "no push.wsp in the bundle: ${entries}"
    // Every generated file is in the bundle, byte for byte.
    def generated = new File(basedir, 'target/classes/provisioning')
    def count = 0
    generated.eachFileRecurse(groovy.io.FileType.FILES) { file ->
        def name = 'provisioning/' + generated.toPath().relativize(file.toPath()).toString()
        def entry = zip.getEntry(name)
        assert entry != null : "${name} is not in the bundle"
        assert zip.getInputStream(entry).bytes == file.bytes : "${name} differs in the bundle"
        count++
    }
    assert count > 10 : "only ${count} artefacts"
    def manifest = zip.getInputStream(zip.getEntry('META-INF/MANIFEST.MF')).text
    assert manifest.contains('Bundle-SymbolicName: org.mexe.studio.it.consumer') : manifest
} finally {
    zip.close()
}
def log = new File(basedir, 'build.log').text
assert log.contains('tycho-packaging-plugin') : 'not a Tycho build'
return true
