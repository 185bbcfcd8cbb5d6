package cli

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/fwgo/fw/dsl"
)

// packageDirs expands command-line paths into package directories, in the order
// given and without duplicates. A path is a directory, a .fw file (its
// directory), or dir/... (dir and every directory below it that holds .fw files,
// like the go command's pattern). Directories keep the spelling the user gave,
// so that messages name files the way the user does.
func packageDirs(paths []string) (dirs []string, errs []error) {
	seen := map[string]bool{}
	add := func(dir string) {
		if key := filepath.Clean(dir); !seen[key] {
			seen[key] = true
			dirs = append(dirs, dir)
		}
	}
	for _, p := range paths {
		if root, ok := cutEllipsis(p); ok {
			found, err := walkPackages(root)
			if err == nil && len(found) == 0 {
				err = fmt.Errorf("no %s files in %s", dsl.Ext, p)
			}
			if err != nil {
				errs = append(errs, err)
			}
			for _, d := range found {
				add(d)
			}
			continue
		}
		info, err := os.Stat(p)
		switch {
		case err != nil:
			errs = append(errs, err)
		case info.IsDir():
			add(p)
		case strings.HasSuffix(p, dsl.Ext):
			add(filepath.Dir(p))
		default:
			errs = append(errs, fmt.Errorf("%s is neither a directory nor a %s file", p, dsl.Ext))
		}
	}
	return dirs, errs
}

// cutEllipsis reports whether p has the form dir/... and returns dir.
func cutEllipsis(p string) (string, bool) {
	if p == "..." {
		return ".", true
	}
	for _, sep := range []string{"/", string(filepath.Separator)} {
		if root, ok := strings.CutSuffix(p, sep+"..."); ok {
			if root == "" {
				root = sep
			}
			return root, true
		}
	}
	return "", false
}

// walkPackages returns root and the directories below it that hold .fw files,
// skipping testdata, vendor and hidden directories as the go command does
// (their files are fixtures or someone else's code).
func walkPackages(root string) ([]string, error) {
	var dirs []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			name := d.Name()
			if path != root && (name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() && strings.HasSuffix(d.Name(), dsl.Ext) {
			if dir := filepath.Dir(path); len(dirs) == 0 || dirs[len(dirs)-1] != dir {
				dirs = append(dirs, dir)
			}
		}
		return nil
	})
	return dirs, err
}
