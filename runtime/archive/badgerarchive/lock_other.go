//go:build !(linux || darwin || freebsd || netbsd || openbsd || dragonfly)

package badgerarchive

// lockWorkspace has no flock here: Badger's own directory lock keeps a second
// process out, and Open turns its error into an *InUseError.
func lockWorkspace(dir string) (unlock func(), err error) { return func() {}, nil }
