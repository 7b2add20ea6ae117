package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/her2guide/her2guide/internal/kiosk"
	"github.com/her2guide/her2guide/internal/printing"
	"github.com/her2guide/her2guide/internal/render"
	"github.com/her2guide/her2guide/internal/search"
	"github.com/her2guide/her2guide/internal/serve"
	"github.com/her2guide/her2guide/internal/tui"
)

func serveCmd(env Env) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the guide over SSH",
		Long: "serve lets anyone reach the guide with ssh, without installing anything: " +
			"ssh -p 23234 HOST. Each connection is its own private kiosk session, wiped " +
			"when it ends; nothing is saved on the server. Without a terminal, ssh HOST " +
			"topics, show TOPIC, search WORDS, glossary WORD and questions --format " +
			"markdown print what those commands print; nothing else runs.\n\n" +
			"It listens on 127.0.0.1:23234 unless --listen says otherwise; to listen on " +
			"every interface, write 0.0.0.0:23234 or [::]:23234. The host key is made on " +
			"the first start in the state folder ($STATE_DIRECTORY, $XDG_STATE_HOME/her2guide " +
			"or ~/.local/state/her2guide) or at --host-key, and its fingerprint is printed. " +
			"Only the clinic's own terminals, whose public keys are in --allowed-print-keys " +
			"(an authorized_keys file), print at --printer; everyone else sees the sheet to " +
			"copy.\n\n" +
			"The settings are read as the kiosk's: the same --config TOML file (the kiosk's " +
			"keys at the top, the server's in a [serve] table), HER2GUIDE_* variables " +
			"(HER2GUIDE_LISTEN, HER2GUIDE_MAX_SESSIONS, ...) and flags, each winning over the " +
			"one before. SIGTERM tells every session that the guide is restarting and stops " +
			"within --drain-timeout. The log (standard error) has connections, durations, " +
			"counts and refusals, never what anyone read or typed.",
		Example: "  her2guide serve\n" +
			"  her2guide serve --listen 0.0.0.0:23234 --config /etc/her2guide/kiosk.toml\n" +
			"  ssh -p 23234 localhost show her2-categories",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error { return runServe(cmd, env) },
	}
	f := cmd.Flags()
	d := serve.Defaults()
	f.String(serve.KeyListen, d.Listen, "the host:port to listen on (0.0.0.0:23234 for every interface)")
	f.String(serve.KeyHostKey, "", "host key file, made on first start (default: in the state folder)")
	f.String(serve.KeyAllowedPrintKeys, "", "an authorized_keys file of the terminals that may print")
	f.Int(serve.KeyMaxSessions, d.MaxSessions, "most connections open at once")
	f.Int(serve.KeyMaxPerAddress, d.MaxPerAddress, "most connections open at once from one address")
	f.Float64(serve.KeyRate, d.Rate, "new sessions a second from one address")
	f.Int(serve.KeyBurst, d.Burst, "new sessions at once from one address")
	f.Duration(serve.KeyMaxSessionLength, d.MaxSessionLength, "longest a connection stays open")
	f.Duration(serve.KeyHandshakeTimeout, d.HandshakeTimeout, "longest an SSH handshake may take")
	f.Duration(serve.KeyDrainTimeout, d.DrainTimeout, "after SIGTERM, how long sessions get to end")
	f.String(serve.KeyLogFormat, d.LogFormat, "log format: text or json")
	f.Duration(kiosk.KeyIdle, kiosk.DefaultIdle, "time idle before \"Still reading?\" (1s to 24h)")
	f.Duration(kiosk.KeyCountdown, kiosk.DefaultCountdown, "how long \"Still reading?\" waits (1s to 10m)")
	f.String(kiosk.KeyPrinter, "", "print queue for the allowed terminals (default: none)")
	f.String(kiosk.KeyContent, "", "folder of the clinic's own pages, added to the guide")
	f.Bool(kiosk.KeyContentOverride, false, "let a clinic page replace a built-in page")
	f.String(kiosk.KeyPhone, "", "daytime phone for the \"When to call right away\" box")
	f.String(kiosk.KeyAfterHoursPhone, "", "phone for after hours, printed beside the daytime one")
	f.String("config", "", "a TOML file with the settings (server's in a [serve] table)")
	return cmd
}

func runServe(cmd *cobra.Command, env Env) error {
	ctx, stopSignals := notifyStop(context.WithoutCancel(cmd.Context()))
	defer stopSignals()
	kc, sc, err := serveConfig(cmd, env)
	if err != nil {
		return fmt.Errorf("the server's settings have a problem:\n%w", err)
	}
	logger := serve.NewLogger(sc.LogFormat, env.Stderr)
	// The SSH library logs its own errors (a panic it recovered) with
	// slog's default: in the same format, to the same place.
	slog.SetDefault(logger)
	keyPath := sc.HostKey
	if keyPath == "" {
		if keyPath, err = serve.HostKeyPath(env.Getenv); err != nil {
			return err
		}
	}
	signer, created, err := serve.LoadOrCreateHostKey(keyPath)
	if err != nil {
		return err
	}
	allowed, err := serve.LoadAllowedKeys(sc.AllowedPrintKeys)
	if err != nil {
		return err
	}
	now := env.Now.Now
	logf := func(format string, args ...any) { logger.Info(fmt.Sprintf(format, args...)) }
	g, warnings, err := kioskGuide(kc, logf, now())
	if err != nil {
		return err
	}
	for _, w := range warnings {
		logger.Warn(w)
	}
	getenv := env.Getenv
	if getenv == nil {
		getenv = func(string) string { return "" }
	}
	version := cmd.Root().Version
	srv, err := serve.New(sc, serve.Deps{
		Guide: g,
		Cache: render.NewCache(render.Document),
		Options: tui.Options{
			Print: tui.PrintOptions{
				Version: version, Paper: defaultPaper(getenv),
				Phone: kc.Phone, AfterHours: kc.AfterHoursPhone, Clinic: kc.Clinic,
			},
			Clock: env.Now,
			// One index for every session: it is read-only once built,
			// and each session building its own cost about 6.6 MiB and
			// an index's CPU per session (issue 18's load test).
			Index: search.New(g),
		},
		Kiosk:            tui.Kiosk{Idle: kc.Idle, Countdown: kc.Countdown, Printer: kc.Printer},
		Spooler:          printing.DefaultSpooler(),
		Exec:             withPhones(serveExec(env, version), kc.Phone, kc.AfterHoursPhone, kc.Clinic),
		HostKey:          signer,
		AllowedPrintKeys: allowed,
		Log:              logger,
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", sc.Listen)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %w", sc.Listen, err)
	}
	state := "host key"
	if created {
		state = "new host key, made at " + keyPath + ","
	}
	fmt.Fprintf(env.Stdout, "her2guide serving on %s; %s %s\n", ln.Addr(), state, serve.Fingerprint(signer.PublicKey()))
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	srv.Drain()
	select {
	case err := <-done:
		return err
	case <-time.After(time.Second):
		return nil
	}
}

// serveConfig merges the server's settings: defaults, --config file,
// HER2GUIDE_* variables, then the flags given.
func serveConfig(cmd *cobra.Command, env Env) (kiosk.Config, serve.Config, error) {
	file, err := cmd.Flags().GetString("config")
	if err != nil {
		return kiosk.Config{}, serve.Config{}, err
	}
	flags := map[string]string{}
	known := map[string]bool{}
	for _, k := range append(serve.Keys(), serve.KioskKeys()...) {
		known[k] = true
	}
	cmd.Flags().Visit(func(f *pflag.Flag) {
		if known[f.Name] {
			flags[f.Name] = f.Value.String()
		}
	})
	var environ []string
	if env.Environ != nil {
		environ = env.Environ()
	}
	kc, sc, err := serve.Load(flags, env.Getenv, file)
	return kc, sc, errors.Join(kiosk.CheckEnviron(environ, append(otherEnvVars, serve.EnvVars()...)...), err)
}

// serveExec runs an allowed command for a client without a terminal, as
// the command line would, but with no terminal, no environment and no
// Fang (whose styling asks the server's own terminal for its colours).
func serveExec(env Env, version string) func(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	return func(ctx context.Context, args []string, stdout, stderr io.Writer) int {
		e := Env{
			Stdin: strings.NewReader(""), Stdout: stdout, Stderr: stderr,
			IsTerminal: func() (bool, bool) { return false, false },
			TermWidth:  func() int { return 0 },
			Now:        env.Now,
		}
		root := NewRoot(e)
		root.Version = version
		root.SetArgs(args)
		root.SetIn(e.Stdin)
		root.SetOut(stdout)
		root.SetErr(stderr)
		root.SilenceUsage, root.SilenceErrors = true, true
		if err := root.ExecuteContext(ctx); err != nil {
			fmt.Fprintln(stderr, "her2guide: "+err.Error())
			return 1
		}
		return 0
	}
}

// withPhones gives the questions command the care team's numbers from
// the settings, as the guide's own sheets have them.
func withPhones(run func(context.Context, []string, io.Writer, io.Writer) int, phone, afterHours, clinic string) func(context.Context, []string, io.Writer, io.Writer) int {
	return func(ctx context.Context, args []string, stdout, stderr io.Writer) int {
		if len(args) > 0 && args[0] == "questions" {
			args = append([]string(nil), args...)
			if phone != "" {
				args = append(args, "--phone", phone)
			}
			if afterHours != "" {
				args = append(args, "--after-hours-phone", afterHours)
			}
			if clinic != "" {
				args = append(args, "--clinic", clinic)
			}
		}
		return run(ctx, args, stdout, stderr)
	}
}
