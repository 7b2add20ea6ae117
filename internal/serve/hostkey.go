package serve

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	gossh "golang.org/x/crypto/ssh"
)

// hostKeyName is the host key's file name in the state folder.
const hostKeyName = "ssh_host_ed25519_key"

// HostKeyPath is where the host key lives when --host-key is not given:
// systemd's $STATE_DIRECTORY (StateDirectory= in the unit), else
// $XDG_STATE_HOME/her2guide, else ~/.local/state/her2guide.
func HostKeyPath(getenv func(string) string) (string, error) {
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	if d := getenv("STATE_DIRECTORY"); d != "" {
		// systemd may list several folders, separated by colons.
		if i := strings.IndexByte(d, ':'); i >= 0 {
			d = d[:i]
		}
		return filepath.Join(d, hostKeyName), nil
	}
	if d := getenv("XDG_STATE_HOME"); filepath.IsAbs(d) {
		return filepath.Join(d, "her2guide", hostKeyName), nil
	}
	home := getenv("HOME")
	if !filepath.IsAbs(home) {
		return "", errors.New("no folder for the host key: set --host-key FILE, or XDG_STATE_HOME or HOME")
	}
	return filepath.Join(home, ".local", "state", "her2guide", hostKeyName), nil
}

// LoadOrCreateHostKey reads the host key at path, or makes a new Ed25519
// key there (mode 0600, its folder 0700) when there is none. created says
// which. A key file that others may read is refused: anyone who reads it
// can pose as the server.
func LoadOrCreateHostKey(path string) (signer gossh.Signer, created bool, err error) {
	data, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return createHostKey(path)
	case err != nil:
		return nil, false, fmt.Errorf("cannot read the host key: %w", err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, false, fmt.Errorf("cannot read the host key: %w", err)
	}
	if fi.Mode().Perm()&0o077 != 0 {
		return nil, false, fmt.Errorf("the host key %s can be read by others (mode %04o): run chmod 600 %s", path, fi.Mode().Perm(), path)
	}
	signer, err = gossh.ParsePrivateKey(data)
	if err != nil {
		return nil, false, fmt.Errorf("the host key %s is not a private key: %w", path, err)
	}
	return signer, false, nil
}

func createHostKey(path string) (gossh.Signer, bool, error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, false, fmt.Errorf("cannot make a host key: %w", err)
	}
	block, err := gossh.MarshalPrivateKey(priv, "her2guide host key")
	if err != nil {
		return nil, false, fmt.Errorf("cannot make a host key: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, false, fmt.Errorf("cannot make the host key's folder: %w", err)
	}
	// O_EXCL: two servers starting at once never overwrite each other's key.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, false, fmt.Errorf("cannot write the host key: %w", err)
	}
	if err := pem.Encode(f, block); err != nil {
		f.Close()
		os.Remove(path)
		return nil, false, fmt.Errorf("cannot write the host key: %w", err)
	}
	if err := f.Close(); err != nil {
		os.Remove(path)
		return nil, false, fmt.Errorf("cannot write the host key: %w", err)
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		return nil, false, err
	}
	return signer, true, nil
}

// Fingerprint is the key's SHA256 fingerprint as ssh shows it.
func Fingerprint(k gossh.PublicKey) string { return gossh.FingerprintSHA256(k) }

// LoadAllowedKeys reads an authorized_keys file: one public key a line,
// # comments and blank lines skipped. Any line that is not a key is an
// error naming its line.
func LoadAllowedKeys(path string) ([]gossh.PublicKey, error) {
	if path == "" {
		return nil, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("cannot read %s: %w", KeyAllowedPrintKeys, err)
	}
	var keys []gossh.PublicKey
	for i, l := range bytes.Split(data, []byte("\n")) {
		line := i + 1
		trimmed := bytes.TrimSpace(l)
		if len(trimmed) == 0 || trimmed[0] == '#' {
			continue
		}
		k, _, _, _, err := gossh.ParseAuthorizedKey(trimmed)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: not a public key (write one key a line, as in authorized_keys)", path, line)
		}
		keys = append(keys, k)
	}
	return keys, nil
}
