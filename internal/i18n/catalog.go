// Package i18n holds every user-facing string of the interactive guide (the
// TUI, the --plain mode and what "her2guide serve" tells its clients) in
// one Catalog, so that a second language is a
// new file with a new Catalog, not code changes. Medical content lives in
// content/; staff log lines and the errors of pure packages are not here.
//
// Strings that carry numbers or names are funcs, so a translation can put
// them where its grammar wants them.
package i18n

import "time"

// Catalog is every UI string of the guide, grouped by screen. The shared
// names come first because several screens show them.
type Catalog struct {
	// MyQuestions is the name of the patient's question list.
	MyQuestions string
	// WordList is the name of the glossary.
	WordList string
	// MySituation is the name of the private "My situation" form.
	MySituation string
	// Search is the name of the search screen.
	Search string
	// PrintOrSave is the name of the print flow.
	PrintOrSave string
	// ListEmpty is said when printing an empty list.
	ListEmpty string

	Keys      Keys
	Chrome    Chrome
	Home      Home
	Page      Page
	Overlay   Overlay
	Glossary  Glossary
	Find      Find
	Questions Questions
	Situation Situation
	Print     Print
	Walk      Walk
	Quit      Quit
	Keep      Keep
	Kiosk     Kiosk
	Plain     Plain
	Serve     Serve
}

// Serve is what a client of "her2guide serve" sees outside the guide
// itself.
type Serve struct {
	// Restarting is shown to every session when the server stops.
	Restarting string
	// TooFast refuses a session over the rate limit.
	TooFast string
	// NoTerminal answers a connection with neither a terminal nor a
	// command, and Refused a command that is not allowed; the server adds
	// the list of the commands it runs after each.
	NoTerminal, Refused string
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

// Keys are the help texts of the key bindings.
type Keys struct {
	Up, Down, PageUp, PageDown, Top, Bottom, Open, Back, Help, Quit string
	AddQuestions, MyQuestions, Toggle, MoveUp, MoveDown, Remove     string
	Important, NewQuestion, EditQuestion, Print, Glossary, Search   string
	GoHome, PageWords, Sources, Related, NextMatch, PrevMatch       string
	Next, Prev, Save, Cancel                                        string
	// Undo brings back the question just removed; Print is "print" alone
	// where the list cannot be saved (the kiosk).
	Undo, PrintOnly string
	// PreviousQuestion is Back on "My situation" past its first question.
	PreviousQuestion string
	// Keep keeps the list on this computer; Forget deletes the kept list.
	Keep, Forget string
	// SaveToFile is Open after printing failed.
	SaveToFile string
	// AnotherName is Back when the chosen file exists.
	AnotherName string
	// SaveAs is Open when the chosen file exists and name is free.
	SaveAs func(name string) string
}

// Chrome is the header and the too-small window.
type Chrome struct {
	// TooSmall asks for a window of at least w×h.
	TooSmall func(w, h int) string
	// TooSmallQuit follows TooSmall when the guide may be quit, and
	// TooSmallPlain then offers the line-by-line mode.
	TooSmallQuit  string
	TooSmallPlain string
	// MyList is the header's count of questions on the list.
	MyList func(n int) string
}

// Home is the home menu's own entries.
type Home struct {
	MyQuestionsSummary string
	WordListSummary    string
	Finish             string
	FinishSummary      string
	// WalkStart and WalkResume name the guided walkthrough.
	WalkStart   string
	WalkResume  func(step, steps int) string
	WalkSummary string
}

// Page is the page screen.
type Page struct {
	FirstStep string
	// Reviewed is the header's review date.
	Reviewed func(t time.Time) string
	// Step is the walk's progress in the footer.
	Step func(step, steps int, label string) string
	// StepQuestions says, on a walk, how many questions the page has and
	// the key that adds them.
	StepQuestions func(n int) string
	// Match is the search match shown.
	Match func(match, matches int) string
	// All, Top and End are the scroll position.
	All, Top, End string
	NotShown      func(err error) string
	Loading       string
}

// Overlay is the words, related and sources boxes over a page.
type Overlay struct {
	Words, WordsIntro, NoWords       string
	Related, RelatedIntro, NoRelated string
	Sources, SourcesIntro            string
	SourcesReviewed                  func(reviewed, next time.Time) string
}

// Glossary is the word list and a word's own screen.
type Glossary struct {
	// Say and AlsoCalled start parts of a word's summary.
	Say, AlsoCalled string
	Filter          string
	FilterHint      string
	NoMatch         string
	NotInList       string
	PagesUsingIt    string
}

// Find is the search screen.
type Find struct {
	Prompt, Placeholder string
	// WordResult is a result that is a glossary word.
	WordResult   func(title string) string
	Preparing    string
	Hint         string
	NothingFound string
}

// Questions are the question picker, My questions and the editor.
type Questions struct {
	// Crumb names the question picker in the header.
	Crumb       string
	PickIntro   func(title string) string
	OwnQuestion string
	From        func(title string) string
	MineIntro   func(n int) string
	MineEmpty   string
	RemovedOwn  string
	// Undone is said when a removed question comes back.
	Undone      string
	Removed     string
	TopLimit    string
	OnlyOwnEdit string
	Placeholder string
	Empty       string
	WriteTitle  string
	EditTitle   string
}

// Situation is the private "My situation" form and the reader's path.
type Situation struct {
	Privacy string
	// Title and Summary are the home menu's entry; Privacy follows Summary.
	Title, Summary   string
	Question         func(n, of int, ask string) string
	StartOver        string
	StartOverSummary string
	PathIntro        func(pages int) string
	PathTicked       func(n int) string
	Cleared          string
	// Check names the screen that asks again when two answers cannot both
	// be true (the message comes from content); Change is its choice to
	// change the answer to ask, now answered label; BackToCheck is Back's
	// help while changing one.
	Check, BackToCheck string
	Change             func(ask, label string) string
	// Many tells how to answer a question that takes several answers: in
	// the TUI (ManyKeys) and in --plain (ManyPrompt, and ManyAgain after
	// input it cannot read, with the number of answers).
	ManyKeys, ManyPrompt string
	ManyAgain            func(n int) string
}

// Print is "Print or save".
type Print struct {
	Desk           string
	Where          string
	PrintOn        func(printer string) string
	PrintOnSummary func(printer string, isDefault bool) string
	LooksState     func(state string) string
	SaveToFile     string
	SaveSummary    string
	// Format titles and summaries.
	PDF, PDFSummary           string
	HTML, HTMLSummary         string
	Markdown, MarkdownSummary string
	Text, TextSummary         string
	WhichFormat               string
	// CanStillSave and Unchanged follow the printing package's words.
	CanStillSave, Unchanged string
	Done                    func(where string) string
	// ThePrinter names where the sheet went, for Done.
	ThePrinter     func(printer string) string
	TypeName       string
	PreviewFailed  func(err error) string
	LookingFor     string
	SaveToThisFile string
	PressPrintOn   func(printer string) string
	PressPrint     string
	PressSave      string
	Preview        func(what string) string
	Working        string
	DoneBack       string
	ExistsBack     string
	ExistsFree     func(name string) string
	DeskFailed     string
	FailedOffer    string
	// FailedSave follows a failed save: offer another name or folder.
	FailedSave string
	// FillAsk asks once, before printing or saving, whether the sheet's
	// "About my cancer" lines are filled from the "My situation" answers;
	// FillNo (the default) leaves them blank, FillYes fills them.
	FillAsk               string
	FillNo, FillNoSummary string
	FillYes               string
	FillYesSummary        func(lines []string) string
	// Which asks, each time before printing or saving, which sheet to
	// make: Mine, the reader's own (the default, first), or Copy, the
	// one-page copy for the care team (export.Sheet.Clinician).
	Which             string
	Mine, MineSummary string
	Copy, CopySummary string
	// FillAskCopy asks, instead of FillAsk when the copy for the care team
	// is made, whether its "About me" box is filled from the "My
	// situation" answers; FillNoCopy (the default) and FillYesCopy are its
	// choices, each with its summary (FillYesCopySummary lists the answers
	// it will print).
	FillAskCopy                   string
	FillNoCopy, FillNoCopySummary string
	FillYesCopy                   string
	FillYesCopySummary            func(answers []string) string
}

// Walk is the guided walkthrough's first question and its end.
type Walk struct {
	Crumb, Ask                    string
	Early, EarlySummary           string
	Spread, SpreadSummary         string
	Unsure, UnsureSummary         string
	Every, EverySummary           string
	Situation, SituationSummary   string
	ReadyCrumb                    string
	ReadyIntro                    func(n, added int, page string) string
	ReadyPrint, ReadyPrintSummary string
	ReadyList, ReadyListSummary   string
	ReadyHome, ReadyHomeSummary   string
}

// Quit is the question asked before quitting with questions that are not
// printed or saved.
type Quit struct {
	Crumb                  string
	Intro                  func(n int) string
	SaveFirst, SaveSummary string
	Anyway, AnywaySummary  string
	Stay, StaySummary      string
}

// Keep is "Keep my list on this computer" (never in the kiosk): the offer
// on My questions, what is said when the kept list comes back at start,
// and the results of keeping and forgetting.
type Keep struct {
	// Offer and Keeping end My questions' intro: before and after the
	// reader chose to keep the list.
	Offer, Keeping string
	// Loaded is said at start when n kept questions came back.
	Loaded func(n int) string
	// Kept is said once the list is first written, at path.
	Kept func(path string) string
	// Forgotten is said once the kept list is deleted.
	Forgotten string
	// Unreadable, Failed and ForgetFailed carry an error's message.
	Unreadable, Failed, ForgetFailed func(msg string) string
}

// Kiosk is what kiosk mode adds: hints, the staff prompt, the idle
// countdown and the touch buttons.
type Kiosk struct {
	Hint        string
	StaffNotice func(warnings []string) string
	Cleared     string
	StaffCode   string
	WrongCode   string
	// LockedOut says how long to wait after wrong codes.
	LockedOut func(wait time.Duration) string
	Countdown func(seconds int) string
	StaffOnly string
	StaffHelp string
	// Buttons, long and short labels.
	Back, Home, AddQuestions, Add, Mine, Print, Help string
	OpenPageFirst                                    string
	// Buttons on My questions (for the selected question) and on the
	// print preview.
	Star, Remove, Up, Down, PrintNow string
}

// Plain is the --plain mode's prompts and replies.
type Plain struct {
	Goodbye, EndOfInput                      string
	PromptHome, PromptMenu, PromptPageQs     string
	PromptSearch, PromptWord, PromptOpen     string
	PromptOpenPage, PromptNew, PromptPageEnd string
	NothingFound                             func(q string) string
	Results                                  func(q string, n int) string
	WordResult                               func(title string) string
	CannotOpen                               string
	WordListTitle, EndOfWords                string
	NoWord, WordsMatch                       func(q string) string
	Say, AlsoCalled, Meaning                 string
	NoPageUses, PagesUsing, Pages            string
	MainMenu, SectionPages                   string
	TypeCommand                              string
	ChangeHow, NotACommand, TypeNumber       func(s string) string
	MinePromptEmpty                          string
	MineCommands, MinePrintCommand           string
	MinePrompt                               func(commands string) string
	MineHelp                                 []string
	MineHelpPrint                            string
	// "Keep my list on this computer" on My questions (see Keep): the
	// commands added to the prompt and the help, the empty list's prompt
	// while a kept file can be forgotten, and the offer and the state
	// said on opening it.
	MineKeepCommand, MineForgetCommand       string
	MineHelpKeep, MineHelpForget             string
	MinePromptEmptyForget                    string
	KeepOffer, Keeping                       string
	MineEmpty                                string
	MineIntro                                func(n, top int) string
	OwnQuestion                              string
	From                                     func(title string) string
	NothingAdded, NothingAddedEmpty          string
	Added, ListEmpty, Removed, StillOnPage   string
	AlreadyFirst, AlreadyLast                string
	MovedUp, MovedDown                       func(n int) string
	TopLimit                                 func(top int) string
	DidNotWork, Unmarked, Marked             string
	PageNotShown                             func(err error) string
	EndOfPage, TypeAOrB, PressEnterForMore   string
	Part                                     func(part, parts int) string
	PickIntro                                func(title string) string
	Unticked, Ticked                         string
	NothingToPrint, NoWayToPrint, PrintTitle string
	NothingSaved                             string
	PrintFailed                              func(msg string) string
	FileExists                               func(name, dir string) string
	PromptOtherName                          string
	PromptFreeName                           func(name string) string
	PromptFill                               string // answers Print.FillAsk; Enter alone is 1
	PromptWhich                              string // answers Print.Which; Enter alone is 1
	TypeFileName                             string
	NothingToChoose, TypeOne                 string
	TypeNumberUpTo                           func(n int) string

	// The guided walk: the step menu under each page, and its end.
	WalkNext     func(label string) string
	WalkFinish   string
	WalkPrev     string
	WalkAdd      func(n int) string
	WalkNoQs     string
	WalkHome     string
	WalkToPath   string
	PromptStep   string
	WalkEnd      string
	StepNotShown string

	// "My situation": the form's prompt, the path and "Start over".
	PromptAnswer        string
	PathIntro           func(pages int) string
	PathAdded           string
	PathWalk            string
	RemoveAdded         func(n int) string
	RemoveYes, RemoveNo string
	RemovedAdded        func(n int) string

	// A page's own commands at its end and at every "Part N" prompt: its
	// questions (a), its words (t) and its related pages (r).
	PagePart            func(part, parts int) string
	PressEnterOrCommand string
	PageWords           func(title string) string
	NoPageWords         string
	RelatedPages        func(title string) string
	NoRelatedPages      string
	// TickedMark and UntickedMark say before a suggested question whether
	// it is on My questions, in words a screen reader says.
	TickedMark, UntickedMark string
	// SheetBlank is said for a line of the sheet left to write on.
	SheetBlank string
	// Changing the words of one of the patient's own questions (e N).
	PromptEdit             func(old string) string
	Edited, NothingChanged string
	NotOwn                 string
	// SignPositive, SignNegative and SignPlus replace a sign that carries
	// meaning, which a speech synthesizer drops or misreads: "ISH-" is
	// read as "ISH negative", "ER+" as "ER positive", "IHC 2+" as "IHC 2
	// plus".
	SignPositive, SignNegative, SignPlus string
	// DumbTerminal is said on standard error when the terminal cannot show
	// the full-screen guide (TERM=dumb) and --plain starts instead.
	DumbTerminal string
}
