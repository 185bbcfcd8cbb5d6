package check

import (
	"slices"
	"strings"

	"github.com/fwgo/fw/dsl/ast"
	"github.com/fwgo/fw/dsl/diag"
)

// A comment `//fw:ignore rule [rule...]` (or `// fw:ignore ...`), optionally
// followed by `-- reason`, silences those lint rules on its line, and, when
// it stands on a line of its own, on the next line. A warning is silenced
// when the comment applies to the line of the warning or to the line of the
// case it concerns. Errors cannot be silenced.

const ignoreDirective = "fw:ignore"

// ignoreKey is a rule silenced on one line of one file.
type ignoreKey struct {
	file string
	line int
	rule string
}

type ignoreSet map[ignoreKey]bool

// silences reports whether an ignore comment applies to the warning.
func (s ignoreSet) silences(ld lintDiag) bool {
	for _, line := range ld.anchors {
		if s[ignoreKey{ld.d.Pos.File, line, ld.d.Rule}] {
			return true
		}
	}
	return false
}

// ignores collects the ignore comments of the files, reporting those that
// name no lint rule [bad-ignore].
func (l *linter) ignores(files []*ast.File) ignoreSet {
	set := ignoreSet{}
	for _, f := range files {
		var code map[int]int // line → column of the first code on it, computed on demand
		for _, cm := range f.Comments {
			if cm == nil {
				continue
			}
			text := strings.TrimSpace(cm.Text)
			rest, ok := strings.CutPrefix(text, ignoreDirective)
			if !ok || rest != "" && rest[0] != ' ' && rest[0] != '\t' {
				continue
			}
			rest, _, _ = strings.Cut(rest, "--")
			names := strings.FieldsFunc(rest, func(r rune) bool { return r == ' ' || r == '\t' || r == ',' })
			if len(names) == 0 {
				l.warn(nil, diag.Warningf(cm.Pos, ruleBadIgnore, "fw:ignore needs the names of the rules to silence, e.g. //fw:ignore %s", ruleUnreachableCase))
				continue
			}
			if code == nil {
				code = codeColumns(f)
			}
			col, hasCode := code[cm.Pos.Line]
			ownLine := !hasCode || col > cm.Pos.Col
			for _, name := range names {
				if !slices.Contains(lintRules, name) {
					l.badIgnore(cm, name)
					continue
				}
				set[ignoreKey{cm.Pos.File, cm.Pos.Line, name}] = true
				if ownLine {
					set[ignoreKey{cm.Pos.File, cm.Pos.Line + 1, name}] = true
				}
			}
		}
	}
	return set
}

func (l *linter) badIgnore(cm *ast.Comment, name string) {
	pos := cm.Pos
	if slices.Contains(errorRules, name) {
		l.warn(nil, diag.Warningf(pos, ruleBadIgnore, "fw:ignore cannot silence %s: it is an error, not a lint warning", name))
		return
	}
	if hint := didYouMean(name, lintRules); hint != "" {
		d := diag.Warningf(pos, ruleBadIgnore, "fw:ignore names unknown rule %s%s", name, hint)
		if at, ok := ruleNamePos(cm, name); ok {
			d = withRename(d, at, name, lintRules)
		}
		l.warn(nil, d)
		return
	}
	l.warn(nil, diag.Warningf(pos, ruleBadIgnore, "fw:ignore names unknown rule %s (lint rules: %s)", name, strings.Join(lintRules, ", ")))
}

// errorRules are the rules of errors, which fw:ignore cannot silence.
var errorRules = []string{
	rulePackageMismatch, ruleBadName, ruleDuplicateDeclaration, ruleDuplicateVariant,
	ruleBadVariant, ruleEmptyEnum,
	ruleDuplicateField, ruleNameCollision, ruleUnknownType, ruleUnknownEvent,
	ruleUnknownField, ruleDuplicateFieldPattern, ruleDuplicateBinding, ruleBadLiteral,
	ruleDuplicateCase, ruleUnknownOption, ruleBadOption, ruleTerminateEmits,
	ruleBadPattern, ruleEmptyPattern, ruleMissingProvider, ruleDuplicateProvider,
	ruleDependencyCycle, ruleUnknownHelper, ruleBadHelperArg, ruleBadBuilder,
	ruleBadGuard, ruleBadPublish, ruleBadPartition,
}

// codeColumns maps each line of f that holds a declaration, field, option,
// case or builder clause to the column where the first of them starts there: a
// comment after code on its line applies to that line only.
func codeColumns(f *ast.File) map[int]int {
	out := map[int]int{}
	add := func(p ast.Pos) {
		if !p.IsValid() {
			return
		}
		if c, ok := out[p.Line]; !ok || p.Col < c {
			out[p.Line] = p.Col
		}
	}
	add(f.Package.Pos)
	addCases := func(cases []*ast.Case) {
		for _, cs := range cases {
			if cs == nil {
				continue
			}
			add(cs.Pos)
			for _, fp := range cs.Fields {
				if fp != nil {
					add(fp.Pos)
				}
			}
			for _, e := range cs.Emits {
				add(e.Pos)
			}
			for _, r := range cs.Resolves {
				add(r.Pos)
			}
			for _, r := range cs.Publishes {
				add(r.Pos)
			}
		}
	}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.EnumDecl:
			if d != nil {
				add(d.Pos)
				for _, v := range d.Variants {
					add(v.Pos)
				}
			}
		case *ast.EventDecl:
			if d != nil {
				add(d.Pos)
				for _, fd := range d.Fields {
					if fd != nil {
						add(fd.Pos)
					}
				}
			}
		case *ast.RecordDecl:
			if d != nil {
				add(d.Pos)
				for _, fd := range d.Fields {
					if fd != nil {
						add(fd.Pos)
					}
				}
			}
		case *ast.ProcessorDecl:
			if d == nil {
				continue
			}
			add(d.Pos)
			for _, pr := range d.Provides {
				if pr != nil {
					add(pr.Target.Pos)
				}
			}
			for _, o := range d.Options {
				if o != nil {
					add(o.Pos)
				}
			}
			addCases(d.Cases)
		case *ast.BuilderDecl:
			if d == nil {
				continue
			}
			add(d.Pos)
			add(d.Target.Pos)
			for _, r := range d.Requires {
				add(r.Pos)
			}
			if d.Persist != nil {
				add(d.Persist.Pos)
			}
			if d.Version != nil {
				add(d.Version.Pos)
			}
			if d.Use != nil {
				add(d.Use.Pos)
				for _, a := range d.Use.Args {
					if a != nil {
						add(a.Pos)
					}
				}
			}
			for _, o := range d.Options {
				if o != nil {
					add(o.Pos)
				}
			}
			addCases(d.Cases)
		}
	}
	return out
}

// ruleNamePos returns the position of the rule name written in ignore
// comment cm: the first whole word name after the directive.
func ruleNamePos(cm *ast.Comment, name string) (ast.Pos, bool) {
	text := cm.Text
	start := strings.Index(text, ignoreDirective)
	if start < 0 {
		return ast.Pos{}, false
	}
	for i := start + len(ignoreDirective); i < len(text); {
		j := strings.Index(text[i:], name)
		if j < 0 {
			return ast.Pos{}, false
		}
		j += i
		end := j + len(name)
		if isRuleSep(text[j-1]) && (end == len(text) || isRuleSep(text[end])) {
			return advance(cm.Pos, "//"+text[:j]), true
		}
		i = end
	}
	return ast.Pos{}, false
}

func isRuleSep(b byte) bool { return b == ' ' || b == '\t' || b == ',' || b == '\r' }
