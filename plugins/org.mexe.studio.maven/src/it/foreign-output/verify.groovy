// The folder held a file the plugin did not write: nothing is replaced, and the log says why and how to go on.
def notes = new File(basedir, 'docs/notes.txt')
assert notes.isFile() && notes.text == 'Our own notes: nothing generated.\n' : 'the foreign file was lost or changed'
assert !new File(basedir, 'docs/.prov-output').exists() : 'the folder was written'
assert new File(basedir, 'src/main/prov/home.prov').isFile() : 'the sources were lost'
def log = new File(basedir, 'build.log').text
def docs = new File(basedir, 'docs').canonicalPath
assert log.contains("The output folder ${docs} holds notes.txt, which this tool did not write") : 'the refusal does not name the folder and the file'
assert log.contains('<overwriteForeignOutput>true</overwriteForeignOutput>') : 'the refusal does not name the way out'
return true
