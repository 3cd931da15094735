// Both modules ran at once on two threads and wrote the same artefacts, byte for byte.
def log = new File(basedir, 'build.log').text
assert log.contains('thread count of 2') : 'the build did not run on two threads'
def a = new File(basedir, 'first/target/prov')
def b = new File(basedir, 'second/target/prov')
assert a.isDirectory() && b.isDirectory() : 'a module wrote nothing'
def files = { File root ->
    def map = [:]
    root.eachFileRecurse(groovy.io.FileType.FILES) { map[root.toPath().relativize(it.toPath()).toString()] = it.bytes.encodeHex().toString() }
    map
}
def first = files(a)
assert first.size() > 10 : "only ${first.size()} files"
assert first == files(b) : 'the two modules wrote different artefacts'
return true
