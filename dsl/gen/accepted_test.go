package gen

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/fwgo/fw/dsl"
)

// degeneratePackages are packages with little or nothing in them, each of
// which the checker accepts; every one must generate code that compiles.
var degeneratePackages = map[string]string{
	"empty":          "package p\n",
	"enumsonly":      "package p\nenum K { A B }\nenum L { X }\n",
	"eventsonly":     "package p\nevent E { x int }\n",
	"inputsonly":     "package p\ninput event E { x int; s string }\ninput event F {}\n",
	"emptyevent":     "package p\ninput event E {}\nprocessor P { on E }\n",
	"buildersonly":   "package p\nbuilder B provides t: string\n",
	"buildersused":   "package p\nbuilder B provides t: string\nbuilder C provides u: string requires t\nprocessor P { on built u }\n",
	"helperonly":     "package p\nbuilder B provides t: string\nbuilder S provides s requires t use ReservoirSampler(k: 2, seed: 1)\nprocessor P { on built s }\n",
	"lifecycleonly":  "package p\nprocessor P {\n    on init\n    on phase\n    on terminate\n}\n",
	"processorempty": "package p\nprocessor P {}\n",
	"unhandled":      "package p\nenum K { A }\ninput event E { k K }\nevent F { k K }\nprocessor P { on E{k: A} -> F }\n",
	"catchallonly":   "package p\nprocessor P { on _ }\n",
	"catchallempty":  "package p\ninput event E {}\nprocessor P { on _ }\n",
	"guardonly":      "package p\ninput event E { x int; b bytes }\nprocessor P { on E{x, b} if x > 0 || len(b) == 0 }\n",
	"guardlen":       "package p\ninput event E { tags []string; m map[string]int; n int }\nprocessor P { on E{tags, m, n} if len(tags) > len(m) && len(m) != n }\n",
	"cachedguards":   "package p\ninput event E { x int }\nevent F { x int }\nprocessor P {\n cached\n on E{x} if x > 0 as Pos -> F\n on _ as Rest -> F\n}\n",
}

// roleSources are the declarations in which a name n can appear, each given
// the name and a suffix that keeps the other declarations of a package apart.
var roleSources = []func(n, s string) string{
	func(n, s string) string { return fmt.Sprintf("enum %s { A%s B%s }\n", n, s, s) },
	func(n, s string) string {
		return fmt.Sprintf("input event %s { x int }\nprocessor P%s { on %s{x: 1} }\n", n, s, n)
	},
	func(n, s string) string {
		return fmt.Sprintf("input event E%s { x int }\nprocessor %s { on E%s{x} -> E%s }\n", s, n, s, s)
	},
	func(n, s string) string {
		return fmt.Sprintf("input event E%s { %s int }\nprocessor P%s { on E%s{%s: 0..9} }\n", s, n, s, s, n)
	},
	func(n, s string) string {
		return fmt.Sprintf("input event E%s { x string }\nprocessor P%s { on E%s{x: \"a\"} as %s\n on E%s as Other%s }\n", s, s, s, n, s, s)
	},
	func(n, s string) string {
		return fmt.Sprintf("enum K%s { %s Z%s }\ninput event E%s { k K%s }\nprocessor P%s { on E%s{k: %s} }\n", s, n, s, s, s, s, s, n)
	},
	func(n, s string) string {
		return fmt.Sprintf("builder %s provides t%s: string\nprocessor P%s { on built t%s }\n", n, s, s, s)
	},
	func(n, s string) string {
		return fmt.Sprintf("builder B%s provides %s: string\ninput event E%s {}\nprocessor P%s {\n on E%s -> resolve %s\n on built %s\n}\n", s, n, s, s, s, n, n)
	},
}

// generatedNames returns every name that generated code declares or imports
// at package level, and every method and field of its types, from the
// generated code of the example packages, with the first letter in both cases.
func generatedNames(t *testing.T) []string {
	var paths []string
	for _, ex := range []string{"greeter", "shop", "words", "reactive", "cache"} {
		ps, _ := filepath.Glob("../../generated/" + ex + "/*.fw.go")
		paths = append(paths, ps...)
	}
	if len(paths) == 0 {
		t.Fatal("no generated files")
	}
	set := map[string]bool{}
	add := func(n string) {
		if n == "" || n == "_" {
			return
		}
		set[n] = true
		r := []rune(n)
		if unicode.IsUpper(r[0]) {
			r[0] = unicode.ToLower(r[0])
		} else {
			r[0] = unicode.ToUpper(r[0])
		}
		set[string(r)] = true
	}
	fset := token.NewFileSet()
	for _, p := range paths {
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, im := range f.Imports {
			path := strings.Trim(im.Path.Value, `"`)
			add(path[strings.LastIndex(path, "/")+1:])
			if im.Name != nil {
				add(im.Name.Name)
			}
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				add(d.Name.Name)
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						add(s.Name.Name)
					case *ast.ValueSpec:
						for _, n := range s.Names {
							add(n.Name)
						}
					}
				}
			}
		}
	}
	// Formed names of the table, and Go's predeclared identifiers.
	for _, n := range []string{"Run", "Replay", "Stats", "SubmitSeq", "SubmitJSONLines", "Resolve", "Submit",
		"Context", "Handler", "Builder", "Keyer", "Init", "Phase", "Terminate", "Emit", "Call",
		"string", "int", "bool", "error", "any", "len", "cap", "new", "make", "append", "copy", "panic", "print",
		"iota", "byte", "rune", "float64", "int64", "uint64", "min", "max", "clear", "close", "comparable"} {
		add(n)
	}
	names := make([]string, 0, len(set))
	for n := range set {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// acceptedPackagesCompile is the property that every package the checker
// accepts generates code that compiles and vets: degenerate packages, and
// packages that declare, in every role (enum, event, processor, field, case,
// variant, builder, target), every name that generated code declares or
// imports (a sample of them unless FW_THOROUGH=1), packed into as few
// packages as the checker accepts, in a random order. TestGeneratedPrograms
// builds and vets them with the others.
func acceptedPackagesCompile(t *testing.T, mod *testModule) diffProgram {
	var prog diffProgram
	n := 0
	emit := func(src string) {
		pkg, diags := dsl.Load([]string{"a.fw"}, [][]byte{[]byte(src)})
		if pkg == nil {
			t.Fatalf("package no longer accepted: %v\n%s", diags, src)
		}
		files, err := Generate(pkg)
		if err != nil {
			t.Fatalf("accepted package does not generate: %v\n%s", err, src)
		}
		dir := fmt.Sprintf("accepted%d", n)
		n++
		for _, f := range files {
			mod.write(dir+"/"+f.Name, f.Data)
		}
		mod.write(dir+"/a.fw", []byte(src))
		prog.blank = append(prog.blank, dir)
	}
	accepts := func(src string) bool {
		pkg, _ := dsl.Load([]string{"a.fw"}, [][]byte{[]byte(src)})
		return pkg != nil
	}
	keys := make([]string, 0, len(degeneratePackages))
	for k := range degeneratePackages {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		emit(degeneratePackages[k])
	}

	names := generatedNames(t)
	r := rand.New(rand.NewPCG(*diffSeed, 13))
	r.Shuffle(len(names), func(i, j int) { names[i], names[j] = names[j], names[i] })
	type decl struct{ name, src string }
	var decls []decl
	// Building them all takes minutes: by default each name takes a quarter
	// of the roles (each role a quarter of the names, together every role and
	// every name); FW_THOROUGH=1 takes every name in every role.
	stride := 4
	if v := os.Getenv("FW_THOROUGH"); v != "" && v != "0" {
		stride = 1
	}
	for i, nm := range names {
		for j, role := range roleSources {
			if (i+j)%stride == 0 {
				decls = append(decls, decl{nm, role(nm, fmt.Sprintf("x%dx%d", i, j))})
			}
		}
	}
	r.Shuffle(len(decls), func(i, j int) { decls[i], decls[j] = decls[j], decls[i] })
	t.Logf("%d names, %d declarations", len(names), len(decls))
	// First fit: each declaration goes to the first package without a name
	// that differs from its own at most in case, or to a new one; a package the
	// checker then rejects is split in halves until the checker accepts them.
	const perPackage = 250
	type pack struct {
		decls []decl
		names map[string]bool
	}
	var packs []*pack
	accepted, rejected := 0, 0
	for _, d := range decls {
		// A declaration the checker rejects alone is not part of the property.
		if !accepts("package p\n" + d.src) {
			rejected++
			continue
		}
		accepted++
		key := strings.ToLower(d.name)
		var to *pack
		for _, p := range packs {
			if len(p.decls) < perPackage && !p.names[key] {
				to = p
				break
			}
		}
		if to == nil {
			to = &pack{names: map[string]bool{}}
			packs = append(packs, to)
		}
		to.decls = append(to.decls, d)
		to.names[key] = true
	}
	source := func(ds []decl) string {
		var b strings.Builder
		b.WriteString("package p\n")
		for _, d := range ds {
			b.WriteString(d.src)
		}
		return b.String()
	}
	var place func(ds []decl)
	place = func(ds []decl) {
		if src := source(ds); len(ds) == 1 || accepts(src) {
			emit(src)
			return
		}
		place(ds[:len(ds)/2])
		place(ds[len(ds)/2:])
	}
	for _, p := range packs {
		place(p.decls)
	}
	t.Logf("%d names x %d roles: %d declarations accepted, %d rejected; %d packages", len(names), len(roleSources), accepted, rejected, n)
	prog.vet = prog.blank
	prog.check = func(t *testing.T, _ map[string][]string) {}
	return prog
}
