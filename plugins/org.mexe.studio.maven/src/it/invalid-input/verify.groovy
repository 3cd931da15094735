def log = new File(basedir, 'build.log').text
assert log =~ /broken\.prov:5:\d+: error: The APN "bad apn!" is not valid/ : 'the APN error is not reported at its line'
assert !new File(basedir, 'target/prov').exists() : 'output was written despite the error'
return true
