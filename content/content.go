// Package content holds the guide's pages, sections and glossary as Markdown
// and YAML files, embedded into the binary. Each language is a bundle, a
// folder named by its language code (en/) holding the same set of files; a
// new language is a new folder, not a code change. See README.md for the
// format.
package content

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
)

// The patterns take every folder that has the bundle's files, so a new
// language's folder is embedded without editing this line.
//
//go:embed */guide.yaml */sections.yaml */paths.yaml */safety.yaml */figures.yaml */clarity.yaml */search.yaml */questions.yaml */pages */glossary
var files embed.FS

// English is the language code of the bundle FS returns.
const English = "en"

// Name is how messages name the files of FS: the English bundle's folder in
// the repository, so that "file:line" points at a file that exists.
const Name = "content/" + English

// Languages returns the language codes of the bundled content, sorted.
func Languages() []string {
	entries, err := files.ReadDir(".")
	if err != nil { // cannot happen: "." is the embed root
		return nil
	}
	var langs []string
	for _, e := range entries {
		if e.IsDir() {
			langs = append(langs, e.Name())
		}
	}
	return langs
}

// Bundle returns the content of one language as a read-only file system
// rooted at its folder (guide.yaml, pages/, glossary/ and so on), or an
// error naming the languages there are.
func Bundle(lang string) (fs.FS, error) {
	langs := Languages()
	if !slices.Contains(langs, lang) {
		return nil, fmt.Errorf("no content for language %q (there is content for %v)", lang, langs)
	}
	return fs.Sub(files, lang)
}

// Path returns the folder of a language's bundle in the repository, such as
// "content/en", for naming its files in messages.
func Path(lang string) string { return path.Join("content", lang) }

// FS returns the English bundle, the guide's built-in content.
func FS() fs.FS {
	b, err := Bundle(English)
	if err != nil { // only if en/ were gone, which the build and tests catch
		panic(err)
	}
	return b
}
