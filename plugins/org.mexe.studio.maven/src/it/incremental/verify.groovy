// The build log holds the three builds: the first and the forced third generate, the second skips.
def log = new File(basedir, 'build.log').text
def wrote = (log =~ /prov: wrote \d+ file\(s\)/).count
def skipped = (log =~ /is up to date: no input changed/).count
assert skipped == 1 : "expected one skipped generation, found ${skipped}"
assert wrote == 2 : "expected two generations (first and forced), found ${wrote}"
assert new File(basedir, 'target/prov').isDirectory()
return true
