package gen

import (
	"bytes"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"

	"github.com/fwgo/fw/dsl"
	"github.com/fwgo/fw/dsl/ir"
	"github.com/fwgo/fw/internal/testenv"
)

// TestPartsFormatLikeWholeFiles checks that the files built and formatted in
// parts (see output), some written already formatted (textPart, arrayTexts),
// are those formatted whole, for the example packages and random ones, with
// parts of every size.
func TestPartsFormatLikeWholeFiles(t *testing.T) {
	var pkgs []*ir.Package
	dirs, _ := filepath.Glob("../../testdata/examples/*")
	apps, _ := filepath.Glob("../../examples/*/*.fw")
	recipes, _ := filepath.Glob("../../examples/*/*/*.fw")
	for _, f := range append(apps, recipes...) {
		if d := filepath.Dir(f); !slices.Contains(dirs, d) {
			dirs = append(dirs, d)
		}
	}
	for _, dir := range dirs {
		pkg, diags, err := dsl.LoadDir(dir)
		if err != nil || diags.HasErrors() {
			t.Fatalf("%s: %v\n%s", dir, err, diags.Text())
		}
		pkgs = append(pkgs, pkg)
	}
	if len(pkgs) < 5 {
		t.Fatalf("only %d packages found", len(pkgs))
	}
	type test struct {
		pkg *ir.Package
		opt options
	}
	var tests []test
	for _, pkg := range pkgs {
		tests = append(tests, test{pkg, defaultOptions})
	}
	// Random packages with every form of compiled matcher (their tables are
	// written in after formatting: see arrayTexts).
	r := rand.New(rand.NewPCG(5, 6))
	random := 20
	if !testenv.Thorough() {
		random = 2 * len(optionVariants) // each variant twice (see testenv)
	}
	for i := range random {
		pkg := randPackage(r, "p", 30)
		tests = append(tests, test{pkg, defaultOptions})
		o := optionVariants[i%len(optionVariants)]
		o.partCases = defaultOptions.partCases
		tests = append(tests, test{pkg, o})
	}
	for _, tt := range tests {
		pkg := tt.pkg
		if len(pkg.Processors) > 100 && !testenv.Thorough() {
			// A large package (fanout) is most of the test's time under the
			// race detector, and its parts are those of the small ones (see
			// testenv); TestGeneratedFresh checks its output.
			continue
		}
		whole := tt.opt
		whole.whole = true
		want, err := generate(pkg, whole)
		if err != nil {
			t.Fatalf("%s: %v", pkg.Files, err)
		}
		for _, n := range []int{1, 7, defaultOptions.partCases} {
			o := tt.opt
			o.partCases = n
			got, err := generate(pkg, o)
			if err != nil {
				t.Fatalf("%s: %v", pkg.Files, err)
			}
			if len(got) != len(want) {
				t.Fatalf("%s: %d files, want %d", pkg.Files, len(got), len(want))
			}
			for i := range got {
				if got[i].Name != want[i].Name || !bytes.Equal(got[i].Data, want[i].Data) {
					t.Errorf("%s: parts of %d cases: %s differs from the file formatted whole", pkg.Files, n, got[i].Name)
				}
			}
		}
	}
}
