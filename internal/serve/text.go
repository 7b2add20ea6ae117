package serve

import "github.com/her2guide/her2guide/internal/i18n"

// commandsHelp lists the commands a client may run, after the catalog's
// Serve.NoTerminal and Serve.Refused.
const commandsHelp = "  topics\n  show TOPIC\n  search WORDS\n  glossary [WORD]\n  questions [--format markdown] [--clinician-copy]\n"

// noPrintCatalog is the guide's catalog for a session that may not print:
// the same words, with the print failure replaced by how to keep the sheet.
func noPrintCatalog(base *i18n.Catalog) *i18n.Catalog {
	c := *base
	t := base.Serve
	c.Print.Desk = t.NoPrint
	c.Keys.PrintOnly = t.NoPrintKey
	c.Print.PressPrint = t.NoPrintIntro
	c.Print.PressPrintOn = func(string) string { return t.NoPrintIntro }
	c.Kiosk.PrintNow = t.NoPrintButton
	return &c
}
