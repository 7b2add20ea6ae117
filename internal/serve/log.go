package serve

import (
	"io"
	"log/slog"
)

// NewLogger returns the server's log on w: slog's text or JSON lines.
// What it is given to say is connections, durations, counts, refusals
// and errors; never what a patient reads, searches or types.
func NewLogger(format string, w io.Writer) *slog.Logger {
	opts := &slog.HandlerOptions{Level: slog.LevelInfo}
	if format == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}
