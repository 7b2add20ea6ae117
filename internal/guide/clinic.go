package guide

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// Clinic is what LoadClinic made of a clinic's folder of pages.
type Clinic struct {
	// Guide is the bundled guide with every clinic page that loaded.
	Guide *Guide
	// Added lists the ids of the clinic pages loaded, in file name order.
	Added []string
	// Replaced lists the ids of bundled pages a clinic page replaced.
	Replaced []string
	// Skipped lists the clinic pages left out, each with its problems.
	Skipped []Skipped

	passes int // how many times the tree was loaded, for tests
}

// Skipped is a clinic page that was left out and why.
type Skipped struct {
	// File is the page's path as shown in messages.
	File string
	// Folder is true when the problem is the clinic folder's own (it does
	// not exist, say), not one page's: File is then the folder.
	Folder bool
	// Problems are the reasons, as file:line: message. A problem may name
	// a bundled file the page would break (a replaced page that lost a
	// question paths.yaml refers to, say).
	Problems Problems
}

// Problems lists every problem of every skipped page, for a log.
func (c *Clinic) Problems() Problems {
	var out Problems
	for _, s := range c.Skipped {
		out = append(out, s.Problems...)
	}
	return out
}

// LoadClinic loads the bundled tree base and adds the pages found at the top
// level of clinic (*.md, in the format of bundled pages), validated with the
// same rules against the same sections, glossary and pages (clinic pages
// need fewer sources and questions: rules.ClinicMinSources and
// ClinicMinQuestions). A bad page is skipped and reported while the others
// load. A clinic page whose id is a bundled page's is skipped, unless
// override is true: then it replaces the bundled page, and everything that
// referred to that page refers to it.
//
// Only regular files of at most rules.MaxPageBytes are read, and at most
// rules.MaxClinicPages of them (the first by file name); a named pipe,
// device or folder is refused without being opened, and so is a link that
// leads outside the clinic folder.
//
// The clinic pages are loaded together, so they may link to each other.
// The pages with problems are dropped, and with them, in the same pass,
// every page that links to a dropped page, directly or through others;
// what is left is loaded again to check it. Of two clinic pages that clash
// (the same order in a section) the later file is dropped. The error is
// for the bundled tree alone failing to load; a clinic folder that cannot
// be read is reported as skipped (with Folder set) and the bundled guide
// is returned.
func LoadClinic(base, clinic Source, rules Rules, override bool) (*Clinic, error) {
	g, err := Load(base, rules)
	if err != nil {
		return nil, err
	}
	out := &Clinic{Guide: g}
	names, err := clinicPages(clinic)
	if err != nil {
		out.Skipped = append(out.Skipped, Skipped{File: clinic.Name, Folder: true, Problems: Problems{{File: clinic.Name, Msg: err.Error()}}})
		return out, nil
	}
	l := &clinicLoad{base: base, clinic: clinic, rules: rules, bundled: map[string]string{}}
	for _, p := range g.Pages {
		l.bundled[p.ID] = p.File
	}
	var cands []string
	for i, name := range names {
		id := strings.TrimSuffix(name, ".md")
		file := display(clinic, name)
		if max := rules.MaxClinicPages; max > 0 && i >= max {
			out.skip(file, Problems{{File: file, Msg: fmt.Sprintf("the folder has %d clinic pages and at most %d are loaded (the first by file name)", len(names), max)}})
			continue
		}
		if f, ok := l.bundled[id]; ok && !override {
			out.skip(file, Problems{{
				File: file,
				Msg:  fmt.Sprintf("page id %q is already used by the bundled page %s; a clinic page can replace a bundled page only when override is on", id, f),
			}})
			continue
		}
		cands = append(cands, name)
	}
	// Each round drops at least one page; in all but rare cases (a
	// dropped page that replaced a bundled one, whose return clashes with
	// another clinic page) the second load is clean.
	for len(cands) > 0 {
		cg, ps := l.load(cands)
		if len(ps) == 0 {
			out.Guide = cg
			break
		}
		bad := l.blame(cands, ps)
		l.spread(cg, cands, bad)
		var kept []string
		for _, name := range cands {
			if why, ok := bad[name]; ok {
				out.skip(display(clinic, name), why)
			} else {
				kept = append(kept, name)
			}
		}
		cands = kept
	}
	out.passes = l.passes
	for _, name := range cands {
		id := strings.TrimSuffix(name, ".md")
		out.Added = append(out.Added, id)
		if _, ok := l.bundled[id]; ok {
			out.Replaced = append(out.Replaced, id)
		}
	}
	sort.Slice(out.Skipped, func(i, j int) bool { return out.Skipped[i].File < out.Skipped[j].File })
	return out, nil
}

// spread adds to bad every clinic page that links, directly or through
// other pages, to a page in bad, in one walk of the links backwards. A
// link to a page that replaces a bundled one is not followed: when that
// page is dropped, the bundled page is back and the link still holds.
func (l *clinicLoad) spread(g *Guide, names []string, bad map[string]Problems) {
	type link struct {
		from *Page
		name string // from's file name
		i    int    // the index in from.Related
	}
	cand := map[string]bool{}
	for _, n := range names {
		cand[n] = true
	}
	byFile := map[string]string{}
	for _, n := range names {
		byFile[display(l.clinic, n)] = n
	}
	into := map[string][]link{}
	if g != nil {
		for _, p := range g.Pages {
			from, ok := byFile[p.File]
			if !ok {
				continue
			}
			for i, id := range p.Related {
				to := id + ".md"
				if _, replaces := l.bundled[id]; cand[to] && !replaces && to != from {
					into[to] = append(into[to], link{p, from, i})
				}
			}
		}
	}
	var queue []string
	for n := range bad {
		queue = append(queue, n)
	}
	sort.Strings(queue)
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		for _, k := range into[n] {
			if _, done := bad[k.name]; done {
				continue
			}
			bad[k.name] = Problems{{
				File: k.from.File, Line: k.from.line(item("related", k.i)),
				Msg: fmt.Sprintf("related page %q is skipped (%s has problems)", k.from.Related[k.i], display(l.clinic, n)),
			}}
			queue = append(queue, k.name)
		}
	}
}

func (c *Clinic) skip(file string, ps Problems) {
	c.Skipped = append(c.Skipped, Skipped{File: file, Problems: ps})
}

// clinicLoad loads the bundled tree with a set of clinic pages.
type clinicLoad struct {
	base, clinic Source
	rules        Rules
	bundled      map[string]string // bundled page id -> its file as shown
	passes       int               // how many times the tree was loaded
}

// load loads the bundled tree, less the pages replaced, with the clinic
// pages names (file names at the top of the clinic folder).
func (l *clinicLoad) load(names []string) (*Guide, Problems) {
	l.passes++
	set := map[string]bool{}
	for _, n := range names {
		set[n] = true
	}
	base := Source{Name: l.base.Name, FS: hiding{l.base.FS, func(n string) bool {
		dir, file := path.Split(n)
		_, replaced := l.bundled[strings.TrimSuffix(file, ".md")]
		return dir == "pages/" && path.Ext(file) == ".md" && replaced && set[file]
	}}}
	clinic := Source{Name: l.clinic.Name, FS: hiding{l.clinic.FS, func(n string) bool {
		// Only pages at the top are hidden: a link may lead to a file
		// in a folder below.
		return path.Ext(n) == ".md" && !strings.Contains(n, "/") && !set[n]
	}}}
	g, err := LoadWithExtra(base, &clinic, l.rules)
	if err == nil {
		return g, nil
	}
	var ps Problems
	if !errors.As(err, &ps) {
		ps = Problems{{File: l.clinic.Name, Msg: err.Error()}}
	}
	return g, ps
}

// blame maps each clinic page that must go to its problems. A problem in a
// clinic file blames that page; a problem in a bundled file can only come
// from a page that replaces a bundled one, so each replacing page is tried
// alone to find which. If none can be found, every page is blamed.
func (l *clinicLoad) blame(names []string, ps Problems) map[string]Problems {
	bad := map[string]Problems{}
	byFile := map[string]string{}
	for _, n := range names {
		byFile[display(l.clinic, n)] = n
	}
	var other Problems
	for _, p := range ps {
		if n, ok := byFile[p.File]; ok {
			bad[n] = append(bad[n], p)
		} else {
			other = append(other, p)
		}
	}
	if len(other) == 0 {
		return bad
	}
	for _, n := range names {
		_, replaces := l.bundled[strings.TrimSuffix(n, ".md")]
		if _, blamed := bad[n]; blamed || !replaces {
			continue
		}
		if _, alone := l.load([]string{n}); len(alone) > 0 {
			bad[n] = append(bad[n], alone...)
		}
	}
	if len(bad) == 0 {
		for _, n := range names {
			bad[n] = other
		}
	}
	return bad
}

// clinicPages lists the *.md files at the top of a clinic folder, sorted.
func clinicPages(clinic Source) ([]string, error) {
	entries, err := fs.ReadDir(clinic.FS, ".")
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, errors.New("the clinic pages folder does not exist")
	case err != nil:
		return nil, fmt.Errorf("cannot read the clinic pages folder: %w", err)
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && path.Ext(e.Name()) == ".md" {
			names = append(names, e.Name())
		}
	}
	sort.Strings(names)
	return names, nil
}

// hiding is a file system with some files left out: hide reports, for a
// path inside it, whether that file is hidden. Folders are never hidden.
type hiding struct {
	fsys fs.FS
	hide func(name string) bool
}

// Open opens a file unless it is hidden.
func (h hiding) Open(name string) (fs.File, error) {
	if h.hide(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return h.fsys.Open(name)
}

// Lstat describes a file without following a link, unless it is hidden.
func (h hiding) Lstat(name string) (fs.FileInfo, error) {
	if h.hide(name) {
		return nil, &fs.PathError{Op: "lstat", Path: name, Err: fs.ErrNotExist}
	}
	if l, ok := h.fsys.(fs.ReadLinkFS); ok {
		return l.Lstat(name)
	}
	return fs.Stat(h.fsys, name)
}

// ReadLink returns where a link leads, unless it is hidden.
func (h hiding) ReadLink(name string) (string, error) {
	if h.hide(name) {
		return "", &fs.PathError{Op: "readlink", Path: name, Err: fs.ErrNotExist}
	}
	if l, ok := h.fsys.(fs.ReadLinkFS); ok {
		return l.ReadLink(name)
	}
	return "", &fs.PathError{Op: "readlink", Path: name, Err: fs.ErrInvalid}
}

// ReadDir lists a folder without its hidden files.
func (h hiding) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := fs.ReadDir(h.fsys, name)
	kept := make([]fs.DirEntry, 0, len(entries))
	for _, e := range entries {
		if e.IsDir() || !h.hide(path.Join(name, e.Name())) {
			kept = append(kept, e)
		}
	}
	return kept, err
}
