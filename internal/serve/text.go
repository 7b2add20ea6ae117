package serve

import "github.com/her2guide/her2guide/internal/i18n"

// Text is every string a client of the server can see outside the guide
// itself, in one place as internal/i18n keeps the guide's, so a second
// language is a new Text. (It belongs in i18n.Catalog as a Serve group;
// that package is not this one's to change.)
type Text struct {
	// Restarting is shown to every session when the server stops.
	Restarting string
	// Busy refuses a session over the limits.
	Busy string
	// TooFast refuses a session over the rate limit.
	TooFast string
	// NoTerminal answers a connection with neither a terminal nor a command.
	NoTerminal string
	// Refused answers a command that is not allowed.
	Refused string
	// NoPrint replaces the guide's "ask at the desk" where the session may
	// not print: the sheet shown is the patient's to copy.
	NoPrint string
	// NoPrintKey is the help of Enter on the sheet where it cannot print.
	NoPrintKey string
	// NoPrintIntro heads the sheet where it cannot print.
	NoPrintIntro string
	// NoPrintButton is the touch button for Enter on that sheet.
	NoPrintButton string
}

// English is the server's text in English.
func English() *Text {
	return &Text{
		Restarting: "The guide is restarting. Nothing you read or typed was kept. Please connect again in a minute.",
		Busy:       "The guide is busy right now. Please try again in a few minutes.",
		TooFast:    "Too many connections in a short time. Please wait a minute and try again.",
		NoTerminal: "The guide needs a terminal: connect with ssh -t, or give one of these commands:\n" + commandsHelp,
		Refused:    "The guide does not run that command over SSH. It runs:\n" + commandsHelp,
		NoPrint: "The guide cannot print or save from here. The sheet above is yours to copy " +
			"(select it with the mouse). The her2guide program installed on your own computer prints and saves it.",
		NoPrintKey:    "how to keep it",
		NoPrintIntro:  "Your sheet, to copy. Press enter to see how to keep it.",
		NoPrintButton: "How to keep it",
	}
}

// commandsHelp lists the commands a client may run.
const commandsHelp = "  topics\n  show TOPIC\n  search WORDS\n  glossary [WORD]\n  questions [--format markdown] [--clinician-copy]\n"

// catalog is the guide's catalog for a session that may not print: the
// same words, with the print failure replaced by how to keep the sheet.
func (t *Text) catalog(base *i18n.Catalog) *i18n.Catalog {
	c := *base
	c.Print.Desk = t.NoPrint
	c.Keys.PrintOnly = t.NoPrintKey
	c.Print.PressPrint = t.NoPrintIntro
	c.Print.PressPrintOn = func(string) string { return t.NoPrintIntro }
	c.Kiosk.PrintNow = t.NoPrintButton
	return &c
}
