// kubectl-oracle reads Kubernetes manifests the way kubectl apply does and prints what it read,
// as the test oracle for MCG's own reading (DESIGN §9): the stream is split and each document
// decoded by k8s.io/apimachinery's YAMLOrJSONDecoder (the decoder cli-runtime's StreamVisitor
// uses for `kubectl apply -f`), which reads YAML through sigs.k8s.io/yaml (YAMLToJSON, go-yaml v2
// semantics) and JSON streams with encoding/json.
//
// Batch mode: file paths as arguments, or one per line on stdin when there are none. One NDJSON
// line per file: {"file": path, "docs": [value, ...], "error": "..."} where docs holds every
// decoded document in order (null for an empty one) up to the first error.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"io"
	"os"

	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
)

type result struct {
	File  string        `json:"file"`
	Docs  []interface{} `json:"docs"`
	Error string        `json:"error,omitempty"`
}

func readFile(path string) result {
	res := result{File: path, Docs: []interface{}{}}
	f, err := os.Open(path)
	if err != nil {
		res.Error = err.Error()
		return res
	}
	defer f.Close()
	dec := utilyaml.NewYAMLOrJSONDecoder(f, 4096)
	for {
		var doc interface{}
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			return res
		}
		if err != nil {
			res.Error = err.Error()
			return res
		}
		res.Docs = append(res.Docs, doc)
	}
}

func main() {
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	emit := func(p string) {
		if err := enc.Encode(readFile(p)); err != nil {
			os.Stderr.WriteString(err.Error() + "\n")
			os.Exit(2)
		}
	}
	if len(os.Args) > 1 {
		for _, p := range os.Args[1:] {
			emit(p)
		}
		return
	}
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if p := sc.Text(); p != "" {
			emit(p)
		}
	}
}
