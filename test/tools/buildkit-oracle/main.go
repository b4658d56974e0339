// Command buildkit-oracle reads Dockerfiles with BuildKit's own parser, instruction parser and
// shell lexer and prints one JSON object per file (NDJSON), so that a test can hold our reader
// to the builder that runs the file. Usage: buildkit-oracle FILE... (or paths on stdin with -).
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"unicode"

	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/linter"
	"github.com/moby/buildkit/frontend/dockerfile/parser"
)

type problem struct {
	Message   string `json:"message"`
	StartLine int    `json:"startLine"`
	EndLine   int    `json:"endLine"`
}

type directive struct {
	Name  string `json:"name"`
	Value string `json:"value"`
	Line  int    `json:"line"`
}

type heredoc struct {
	Name    string `json:"name"`
	FD      uint   `json:"fd"`
	Expand  bool   `json:"expand"`
	Chomp   bool   `json:"chomp"`
	Content string `json:"content"`
}

type node struct {
	Keyword   string    `json:"keyword"`
	Original  string    `json:"original"`
	StartLine int       `json:"startLine"`
	EndLine   int       `json:"endLine"`
	Flags     []string  `json:"flags"`
	Args      []string  `json:"args"`
	JSON      bool      `json:"json"`
	Heredocs  []heredoc `json:"heredocs"`
	Sub       *node     `json:"sub,omitempty"`
}

type value struct {
	Keyword string   `json:"keyword"`
	Line    int      `json:"line"`
	Values  []string `json:"values"`
	Form    string   `json:"form,omitempty"`
	Error   string   `json:"error,omitempty"`
}

type stage struct {
	Name     string  `json:"name"`
	BaseRaw  string  `json:"baseRaw"`
	Base     string  `json:"base"`
	BaseErr  string  `json:"baseError,omitempty"`
	Platform string  `json:"platform"`
	Line     int     `json:"line"`
	Values   []value `json:"values"`
}

type result struct {
	Path       string      `json:"path"`
	ReadError  string      `json:"readError,omitempty"`
	Escape     string      `json:"escape"`
	Directives []directive `json:"directives"`
	ParseError *problem    `json:"parseError,omitempty"`
	Warnings   []problem   `json:"warnings"`
	Nodes      []node      `json:"nodes"`
	NodeErrors []problem   `json:"nodeErrors"`
	InstrError *problem    `json:"instructionError,omitempty"`
	GlobalArgs []value     `json:"globalArgs"`
	Stages     []stage     `json:"stages"`
}

func main() {
	paths := os.Args[1:]
	if len(paths) == 1 && paths[0] == "-" {
		paths = nil
		sc := bufio.NewScanner(os.Stdin)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			if p := sc.Text(); p != "" {
				paths = append(paths, p)
			}
		}
	}
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	for _, p := range paths {
		if err := enc.Encode(read(p)); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
	}
}

func locate(err error) *problem {
	p := &problem{Message: err.Error()}
	var le *parser.LocationError
	if errors.As(err, &le) && len(le.Locations) > 0 && len(le.Locations[0]) > 0 {
		p.StartLine = le.Locations[0][0].Start.Line
		p.EndLine = le.Locations[0][0].End.Line
	}
	return p
}

// directivesOf replays what parser.Parse feeds its directive parser: each line with the BOM (first
// line), the line end and the leading blanks taken off.
func directivesOf(dt []byte) []directive {
	var dp parser.DirectiveParser
	out := []directive{}
	for i, line := range bytes.SplitAfter(dt, []byte("\n")) {
		if i == 0 {
			line = bytes.TrimPrefix(line, []byte("\xEF\xBB\xBF"))
		}
		line = bytes.TrimLeftFunc(bytes.TrimRight(line, "\r\n"), unicode.IsSpace)
		d, err := dp.ParseLine(line)
		if err != nil || d == nil {
			break
		}
		out = append(out, directive{Name: d.Name, Value: d.Value, Line: i + 1})
	}
	return out
}

func nodeOf(n *parser.Node) node {
	out := node{Keyword: strings.ToLower(n.Value), Original: n.Original, StartLine: n.StartLine, EndLine: n.EndLine,
		Flags: append([]string{}, n.Flags...), Args: []string{}, JSON: n.Attributes["json"], Heredocs: []heredoc{}}
	for a := n.Next; a != nil; a = a.Next {
		if len(a.Children) > 0 {
			sub := nodeOf(a.Children[0])
			out.Sub = &sub
			continue
		}
		out.Args = append(out.Args, a.Value)
	}
	for _, h := range n.Heredocs {
		out.Heredocs = append(out.Heredocs, heredoc{Name: h.Name, FD: h.FileDescriptor, Expand: h.Expand, Chomp: h.Chomp, Content: h.Content})
	}
	return out
}

func read(path string) result {
	r := result{Path: path, Directives: []directive{}, Warnings: []problem{}, Nodes: []node{}, NodeErrors: []problem{}, GlobalArgs: []value{}, Stages: []stage{}}
	dt, err := os.ReadFile(path)
	if err != nil {
		r.ReadError = err.Error()
		return r
	}
	r.Directives = directivesOf(dt)
	res, err := parser.Parse(bytes.NewReader(dt))
	if err != nil {
		r.ParseError = locate(err)
		return r
	}
	r.Escape = string(res.EscapeToken)
	for _, w := range res.Warnings {
		p := problem{Message: w.Short}
		if w.Location != nil {
			p.StartLine, p.EndLine = w.Location.Start.Line, w.Location.End.Line
		}
		r.Warnings = append(r.Warnings, p)
	}
	for _, n := range res.AST.Children {
		r.Nodes = append(r.Nodes, nodeOf(n))
		// each instruction on its own, as instructions.Parse reads it (the first one refused
		// refuses the file: instructionError below)
		if _, err := instructions.ParseInstructionWithLinter(n, linter.New(&linter.Config{})); err != nil {
			r.NodeErrors = append(r.NodeErrors, *locate(err))
		}
	}
	stages, metaArgs, err := instructions.Parse(res.AST, linter.New(&linter.Config{}))
	if err != nil {
		r.InstrError = locate(err)
		return r
	}
	expandAll(&r, res.EscapeToken, stages, metaArgs)
	return r
}
