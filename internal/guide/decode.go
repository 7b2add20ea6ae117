package guide

import (
	"bytes"
	"reflect"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// docs keeps the parsed YAML of each file decoded during one load, by file
// name, so line numbers are read from the same parse as the values.
type docs map[string]*yaml.Node

// decodeYAML strictly decodes data into v: a key v does not have is a
// problem. It returns the document's root node (for line numbers) when the
// YAML parsed, even if decoding then failed, and whether v was decoded.
//
// The common case parses once: the text becomes a node tree, the tree is
// checked for unknown keys and decoded. Anything unusual is decoded again by
// yaml's own strict decoder, so every message is yaml's, as before.
func decodeYAML(c *problems, file string, data []byte, lineOffset int, v any) (*yaml.Node, bool) {
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		c.add(file, 1, "file starts with a byte-order mark (BOM); save it as UTF-8 without BOM")
		return nil, false
	}
	var doc yaml.Node
	var root *yaml.Node
	if yaml.Unmarshal(data, &doc) == nil && doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		root = doc.Content[0]
		if knownKeys(root, reflect.TypeOf(v)) && doc.Decode(v) == nil {
			return root, true
		}
	}
	return root, strictDecode(c, file, data, lineOffset, v)
}

// strictDecode decodes with yaml's KnownFields decoder and turns its errors
// into problems.
func strictDecode(c *problems, file string, data []byte, lineOffset int, v any) bool {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		if err.Error() == "EOF" {
			c.add(file, lineOffset+1, "empty: expected YAML")
			return false
		}
		for _, le := range yamlProblems(err, lineOffset) {
			c.add(file, le.line, "%s", le.msg)
		}
		return false
	}
	return true
}

// knownKeys reports whether every mapping key in n names a field of t, the
// way yaml's KnownFields decoder sees fields: the yaml tag's name, or the
// lower-cased field name, never "-" or unexported fields. It is
// conservative: anything it does not model (aliases, merge keys, inline
// structs, custom unmarshalers) answers false, which sends the document to
// the strict decoder.
func knownKeys(n *yaml.Node, t reflect.Type) bool {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if n.Kind == yaml.AliasNode {
		return false
	}
	if reflect.PointerTo(t).Implements(unmarshalerType) {
		return false
	}
	switch t.Kind() {
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			return true // a type error, which decoding reports
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind != yaml.ScalarNode || k.Value == "<<" {
				return false
			}
			f, ok := yamlField(t, k.Value)
			if !ok || !knownKeys(n.Content[i+1], f.Type) {
				return false
			}
		}
	case reflect.Slice, reflect.Array:
		if n.Kind == yaml.SequenceNode {
			for _, item := range n.Content {
				if !knownKeys(item, t.Elem()) {
					return false
				}
			}
		}
	case reflect.Map:
		if n.Kind == yaml.MappingNode {
			for i := 1; i < len(n.Content); i += 2 {
				if !knownKeys(n.Content[i], t.Elem()) {
					return false
				}
			}
		}
	case reflect.Interface:
		return false
	}
	return true
}

var unmarshalerType = reflect.TypeFor[yaml.Unmarshaler]()

// yamlField finds the field of struct type t that a mapping key fills.
func yamlField(t reflect.Type, key string) (reflect.StructField, bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("yaml")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if slices.Contains(strings.Split(opts, ","), "inline") {
			return f, false // inline structs are not modelled
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		if name == key {
			return f, true
		}
	}
	return reflect.StructField{}, false
}
