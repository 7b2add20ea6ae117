// Package content holds the guide's pages, sections and glossary as Markdown
// and YAML files, embedded into the binary. See README.md for the format.
package content

import (
	"embed"
	"io/fs"
)

//go:embed guide.yaml sections.yaml paths.yaml safety.yaml figures.yaml pages glossary
var files embed.FS

// FS returns the bundled content as a read-only file system rooted at this folder.
func FS() fs.FS { return files }
