package guide

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"
)

// errOutside is a link that leads out of the folder it is in.
var errOutside = errors.New("a link that leads outside the clinic pages folder; copy the page into the folder instead")

// readPage reads a page file, and only a regular one of at most max bytes
// (0 is no limit). It looks before it opens: a named pipe, a device or a
// folder is refused without being opened (opening a pipe waits for a
// writer), and so is a link that leads outside fsys. What it returns as
// an error is a message for the page's file.
func readPage(fsys fs.FS, name string, max int64) ([]byte, error) {
	target, info, err := lookAt(fsys, name)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file (%s); a page must be a plain file", kind(info.Mode()))
	}
	if max > 0 && info.Size() > max {
		return nil, fmt.Errorf("the file is %d KB; a page may be at most %d KB", (info.Size()+1023)/1024, max/1024)
	}
	f, err := fsys.Open(target)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", err)
	}
	defer f.Close()
	var r io.Reader = f
	if max > 0 {
		r = io.LimitReader(f, max+1)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", err)
	}
	if max > 0 && int64(len(data)) > max {
		return nil, fmt.Errorf("the file is more than %d KB; a page may be at most %d KB", max/1024, max/1024)
	}
	return data, nil
}

// lookAt returns the file name leads to, with every link on the way
// followed inside fsys, and what it is, without opening it.
func lookAt(fsys fs.FS, name string) (string, fs.FileInfo, error) {
	lfs, ok := fsys.(fs.ReadLinkFS)
	if !ok {
		info, err := fs.Stat(fsys, name)
		if err != nil {
			return "", nil, fmt.Errorf("cannot read: %w", err)
		}
		return name, info, nil
	}
	target, err := resolve(lfs, name)
	if err != nil {
		return "", nil, err
	}
	info, err := lfs.Lstat(target)
	if err != nil {
		return "", nil, fmt.Errorf("cannot read: %w", err)
	}
	return target, info, nil
}

// resolve follows the links in name, one path element at a time, and
// returns the path it leads to. A link whose target is absolute, or that
// climbs above the top of fsys, is errOutside.
func resolve(fsys fs.ReadLinkFS, name string) (string, error) {
	const maxHops = 40
	todo := strings.Split(name, "/")
	done, hops := ".", 0
	for len(todo) > 0 {
		elem := todo[0]
		todo = todo[1:]
		switch elem {
		case "", ".":
			continue
		case "..":
			if done == "." {
				return "", errOutside
			}
			done = path.Dir(done)
			continue
		}
		next := path.Join(done, elem)
		info, err := fsys.Lstat(next)
		if err != nil {
			return "", fmt.Errorf("cannot read: %w", err)
		}
		if info.Mode()&fs.ModeSymlink == 0 {
			done = next
			continue
		}
		if hops++; hops > maxHops {
			return "", errors.New("a link that leads to itself; a page must be a plain file")
		}
		target, err := fsys.ReadLink(next)
		if err != nil {
			return "", fmt.Errorf("cannot read: %w", err)
		}
		if path.IsAbs(target) || strings.HasPrefix(target, `\`) || (len(target) > 1 && target[1] == ':') {
			return "", errOutside
		}
		todo = append(strings.Split(target, "/"), todo...)
	}
	return done, nil
}

// kind names what a file that is not a regular file is.
func kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a link"
	}
	return "a special file"
}
