// src/ holds the sources: it is never the output folder, whatever the configuration says.
def source = new File(basedir, 'src/main/prov/home.prov')
assert source.isFile() && source.text.contains('namespace it.output') : 'the sources were lost'
assert new File(basedir, 'src/main/prov/userpin.txt').isFile() : 'the PIN file was lost'
assert !new File(basedir, 'src/.prov-output').exists() : 'the folder was written'
def log = new File(basedir, 'build.log').text
assert log =~ /The output folder \S+src holds main\/prov\S*, an input of this run: it is never replaced, whatever the options/ : 'the refusal does not say why'
return true
