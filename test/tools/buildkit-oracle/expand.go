package main

import (
	"strings"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/parser"
	"github.com/moby/buildkit/frontend/dockerfile/shell"
)

// vars is an ordered environment for the shell lexer (later entries replace earlier ones).
type vars struct {
	keys []string
	m    map[string]string
}

func newVars() *vars { return &vars{m: map[string]string{}} }

func (v *vars) Get(k string) (string, bool) { s, ok := v.m[k]; return s, ok }
func (v *vars) Keys() []string              { return append([]string{}, v.keys...) }
func (v *vars) set(k, s string) {
	if _, ok := v.m[k]; !ok {
		v.keys = append(v.keys, k)
	}
	v.m[k] = s
}
func (v *vars) clone() *vars {
	c := newVars()
	for _, k := range v.keys {
		c.set(k, v.m[k])
	}
	return c
}

// layered looks in ENV first, then in the stage's ARGs: ENV wins over an ARG of the same name.
type layered struct{ env, args *vars }

func (l layered) Get(k string) (string, bool) {
	if s, ok := l.env.Get(k); ok {
		return s, true
	}
	return l.args.Get(k)
}
func (l layered) Keys() []string { return append(l.env.Keys(), l.args.Keys()...) }

// expandAll works out what BuildKit's converter computes without build args: the global ARGs in
// order, each FROM's base against them, and within each stage the values of ARG, ENV, USER,
// WORKDIR, COPY/ADD with the stage's ARGs and ENVs in force (the base image's ENV is unknown here).
func expandAll(r *result, esc rune, stages []instructions.Stage, metaArgs []instructions.ArgCommand) {
	lex := shell.NewLex(esc)
	global := newVars()
	declared := map[string]bool{}
	for _, cmd := range metaArgs {
		v := value{Keyword: "arg", Line: line(cmd.Location()), Values: []string{}}
		for _, kp := range cmd.Args {
			declared[kp.Key] = true
			if kp.Value == nil {
				v.Values = append(v.Values, kp.Key)
				continue
			}
			res, err := lex.ProcessWordWithMatches(*kp.Value, global)
			if err != nil {
				v.Error = err.Error()
				break
			}
			global.set(kp.Key, res.Result)
			v.Values = append(v.Values, kp.Key+"="+res.Result)
		}
		r.GlobalArgs = append(r.GlobalArgs, v)
	}
	for _, st := range stages {
		s := stage{Name: st.Name, BaseRaw: st.BaseName, Platform: st.Platform, Line: line(st.Location), Values: []value{}}
		if res, err := lex.ProcessWordWithMatches(st.BaseName, global); err != nil {
			s.BaseErr = err.Error()
		} else {
			s.Base = res.Result
		}
		env := layered{env: newVars(), args: newVars()}
		for _, c := range st.Commands {
			s.Values = append(s.Values, expandCommand(lex, env, global, c))
		}
		r.Stages = append(r.Stages, s)
	}
}

func line(loc []parser.Range) int {
	if len(loc) == 0 {
		return 0
	}
	return loc[0].Start.Line
}

func expandCommand(lex *shell.Lex, env layered, global *vars, c instructions.Command) value {
	v := value{Keyword: strings.ToLower(c.Name()), Line: line(c.Location()), Values: []string{}}
	word := func(w string) (string, error) {
		s, _, err := lex.ProcessWord(w, env)
		return s, err
	}
	switch cmd := c.(type) {
	case *instructions.ArgCommand:
		for _, kp := range cmd.Args {
			val, ok := "", false
			if kp.Value != nil {
				s, err := word(*kp.Value)
				if err != nil {
					v.Error = err.Error()
					return v
				}
				val, ok = s, true
			} else if g, has := global.Get(kp.Key); has {
				val, ok = g, true
			}
			if ok {
				env.args.set(kp.Key, val)
				v.Values = append(v.Values, kp.Key+"="+val)
			} else {
				v.Values = append(v.Values, kp.Key)
			}
		}
		return v
	case *instructions.CmdCommand:
		v.Form, v.Values = form(cmd.PrependShell), append(v.Values, cmd.CmdLine...)
		return v
	case *instructions.EntrypointCommand:
		v.Form, v.Values = form(cmd.PrependShell), append(v.Values, cmd.CmdLine...)
		return v
	case *instructions.EnvCommand:
		if err := cmd.Expand(word); err != nil {
			v.Error = err.Error()
			return v
		}
		for _, kp := range cmd.Env {
			env.env.set(kp.Key, kp.Value)
			v.Values = append(v.Values, kp.Key+"="+kp.Value)
		}
		return v
	}
	ex, ok := c.(instructions.SupportsSingleWordExpansion)
	if !ok {
		return v
	}
	if err := ex.Expand(word); err != nil {
		v.Error = err.Error()
		return v
	}
	switch cmd := c.(type) {
	case *instructions.UserCommand:
		v.Values = append(v.Values, cmd.User)
	case *instructions.WorkdirCommand:
		v.Values = append(v.Values, cmd.Path)
	case *instructions.CopyCommand:
		v.Values = append(append(v.Values, cmd.SourcePaths...), cmd.DestPath)
	case *instructions.AddCommand:
		v.Values = append(append(v.Values, cmd.SourcePaths...), cmd.DestPath)
	}
	return v
}

// form names how BuildKit runs a CMD or ENTRYPOINT: through the shell, or the JSON array as it is.
func form(prependShell bool) string {
	if prependShell {
		return "shell"
	}
	return "exec"
}
