package i18n

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// English returns the guide's strings in English. Each call returns a new
// Catalog, so nobody shares one that another can change.
func English() *Catalog {
	return &Catalog{
		MyQuestions: "My questions",
		WordList:    "Word list",
		MySituation: "My situation",
		Search:      "Search",
		PrintOrSave: "Print or save",
		ListEmpty:   "Your list is empty. Add questions first.",

		Keys: Keys{
			Up: "up", Down: "down", PageUp: "page up", PageDown: "page down", Top: "top", Bottom: "bottom",
			Open: "open", Back: "back", Help: "more keys", Quit: "quit",
			AddQuestions: "add questions", MyQuestions: "my questions", Toggle: "tick/untick",
			MoveUp: "move up", MoveDown: "move down", Remove: "remove", Important: "top 3 on/off",
			NewQuestion: "new question", EditQuestion: "edit", Print: "print or save", Glossary: "word list",
			Search: "search", GoHome: "home", PageWords: "words on this page", Sources: "sources",
			Related: "related pages", NextMatch: "next/previous match", PrevMatch: "previous match",
			Next: "next step", Prev: "previous", Save: "save", Cancel: "cancel",
			Undo: "undo", PrintOnly: "print",
			PreviousQuestion: "previous question",
			Keep:             "keep my list on this computer",
			Forget:           "forget my list",
			SaveToFile:       "save to a file",
			AnotherName:      "another name",
			SaveAs:           func(name string) string { return "save as " + name },
		},

		Chrome: Chrome{
			TooSmall: func(w, h int) string {
				return "Make the window larger (at least " + strconv.Itoa(w) + "×" + strconv.Itoa(h) + ")."
			},
			TooSmallQuit:  " Press q to quit.",
			TooSmallPlain: " Or run her2guide --plain, which works in any window.",
			MyList:        func(n int) string { return "My list: " + strconv.Itoa(n) },
		},

		Home: Home{
			MyQuestionsSummary: "The questions you picked for your next visit. Print or save them.",
			WordListSummary:    "Plain meanings of the medical words in this guide.",
			Finish:             "Finish and clear",
			FinishSummary:      "Clears your questions and answers from this screen, so the next person starts fresh.",
			WalkStart:          "Start here, step by step",
			WalkResume: func(step, steps int) string {
				return "Continue where you left off (step " + strconv.Itoa(step) + " of " + strconv.Itoa(steps) + ")"
			},
			WalkSummary: "One page at a time, stage by stage, ending with your list of questions. Press n for next, p for previous.",
		},

		Page: Page{
			FirstStep: "This is the first step.",
			Reviewed:  func(t time.Time) string { return "Reviewed " + t.Format("2006-01-02") },
			Step: func(step, steps int, label string) string {
				return "Step " + strconv.Itoa(step) + " of " + strconv.Itoa(steps) + " — " + label
			},
			StepQuestions: func(n int) string {
				return strconv.Itoa(n) + " questions (a)"
			},
			Match: func(match, matches int) string {
				return "Match " + strconv.Itoa(match) + " of " + strconv.Itoa(matches)
			},
			All:      "All",
			Top:      "Top",
			End:      "End",
			NotShown: func(err error) string { return "This page could not be shown: " + err.Error() },
			Loading:  "Loading…",
		},

		Overlay: Overlay{
			Words:        "Words",
			WordsIntro:   "Words on this page. The meaning of the selected word is shown below.",
			NoWords:      "This page has no words in the word list.",
			Related:      "Related",
			RelatedIntro: "Related pages. Press enter to open one.",
			NoRelated:    "This page has no related pages.",
			Sources:      "Sources",
			SourcesIntro: "Sources for this page:",
			SourcesReviewed: func(reviewed, next time.Time) string {
				return "Reviewed " + reviewed.Format("2 January 2006") + ". Next review by " + next.Format("2 January 2006") + "."
			},
		},

		Glossary: Glossary{
			Say:          "Say: ",
			AlsoCalled:   "Also called: ",
			Filter:       "Find a word: ",
			FilterHint:   "type to filter",
			NoMatch:      "No words match. Try fewer letters.",
			NotInList:    "This word is not in the word list.",
			PagesUsingIt: " Pages that use it:",
		},

		Find: Find{
			Prompt:       "Search: ",
			Placeholder:  "a word, a drug, a test…",
			WordResult:   func(title string) string { return "Word list: " + title },
			Preparing:    "Getting search ready…",
			Hint:         "Type to search every page and the word list. Drug brand names work too.",
			NothingFound: "Nothing found. Check the spelling, or try another word.",
		},

		Questions: Questions{
			Crumb: "Questions",
			PickIntro: func(title string) string {
				return "Questions you could ask about “" + title + "”. Tick the ones you want on your list."
			},
			OwnQuestion: "Your own question",
			From:        func(title string) string { return "From “" + title + "”" },
			MineIntro: func(n int) string {
				return "My questions (" + strconv.Itoa(n) + "). The * ones print first (up to 3)."
			},
			MineEmpty:   "My questions: none yet. Open a page and press a to add its questions, or n to write your own.",
			RemovedOwn:  "Removed your question. Press u to undo.",
			Undone:      "Your question is back.",
			Removed:     "Removed. It is still on its page if you want it back.",
			TopLimit:    "You can mark up to 3 questions as most important. Unmark one first.",
			OnlyOwnEdit: "Only your own questions can be edited.",
			Placeholder: "Type your question. Press ctrl+s to save, esc to cancel.",
			Empty:       "Nothing to save: the question is empty.",
			WriteTitle:  "Write your own question",
			EditTitle:   "Edit your question",
		},

		Situation: Situation{
			Privacy: "Private: your answers stay in this program's memory. They are never saved or sent.",
			Title:   "My situation (private)",
			Summary: "Answer a few short questions to get your own reading path and suggested questions. ",
			Question: func(n, of int, ask string) string {
				return "Question " + strconv.Itoa(n) + " of " + strconv.Itoa(of) + " (private, never saved): " + ask
			},
			StartOver:        "Start over (clear my answers)",
			StartOverSummary: "Clears your answers and this path. Questions on your list stay until you remove them.",
			PathIntro: func(pages int) string {
				return "Your own path: " + strconv.Itoa(pages) + " pages. Enter opens one; n and p step through them."
			},
			PathTicked: func(n int) string {
				return strconv.Itoa(n) + " questions were added to My questions; remove any you do not want."
			},
			Cleared:     "Your answers are cleared.",
			Check:       "Check your answers",
			BackToCheck: "back to checking my answers",
			Change: func(ask, label string) string {
				return "Change my answer to \"" + ask + "\" (now: " + label + ")"
			},
			ManyKeys:   "Tick all that fit with space, then press enter. You can tick none.",
			ManyPrompt: "Type the numbers of all that fit, with commas or spaces between them, and press Enter. Press Enter alone for none. Type b for the previous question, q to quit.",
			ManyAgain: func(n int) string {
				return "Please type numbers from 1 to " + strconv.Itoa(n) + ", with commas or spaces between them, or press Enter alone for none."
			},
		},

		Print: Print{
			Desk:    "The printer is not working. Please ask at the desk.",
			Where:   "Where should your questions go?",
			PrintOn: func(printer string) string { return "Print on " + printer },
			PrintOnSummary: func(printer string, isDefault bool) string {
				if isDefault {
					return "Print on " + printer + ", this computer's usual printer."
				}
				return "Print on " + printer + "."
			},
			LooksState:      func(state string) string { return " It looks " + state + " now." },
			SaveToFile:      "Save to a file",
			SaveSummary:     "Save the list as PDF, web page, Markdown or plain text.",
			PDF:             "PDF",
			PDFSummary:      "Best for printing later or sending by email.",
			HTML:            "Web page (HTML)",
			HTMLSummary:     "Opens in any web browser, and prints well from there.",
			Markdown:        "Markdown",
			MarkdownSummary: "Plain text with checkboxes, for notes apps.",
			Text:            "Plain text",
			TextSummary:     "Works everywhere.",
			WhichFormat:     "Save as which kind of file?",
			CanStillSave:    " You can still save to a file.",
			Unchanged:       " Your list has not changed.",
			Done:            func(where string) string { return "Done: your questions went to " + where + "." },
			ThePrinter: func(printer string) string {
				if printer == "" {
					return "the printer"
				}
				return "the printer " + printer
			},
			TypeName:       "Type a file name first.",
			PreviewFailed:  func(err error) string { return "The preview could not be made: " + err.Error() },
			LookingFor:     "Looking for printers…",
			SaveToThisFile: "Save to this file:",
			PressPrintOn:   func(printer string) string { return "Press enter to print on " + printer + "." },
			PressPrint:     "Press enter to print.",
			PressSave:      "Press enter to save it.",
			Preview:        func(what string) string { return "Preview. " + what },
			Working:        "Working…",
			DoneBack:       "Press esc to go back to your list.",
			ExistsBack:     "Press esc to type another name.",
			ExistsFree: func(name string) string {
				return "Press enter to save it as " + name + ", or esc to type another name."
			},
			DeskFailed:  "Your questions are still here. Tap Back to see them.",
			FailedOffer: "Press enter to save to a file instead, or esc to go back.",
			FailedSave:  "Press enter to choose another name or folder, or esc to go back.",
			FillAsk: "Your sheet has lines about your cancer (stage, HER2, ER / PR). Fill them in from your answers to My situation? " +
				"Anyone who sees the sheet could read them.",
			FillNo:        "No, leave them blank",
			FillNoSummary: "You can write them in by hand, or leave them empty.",
			FillYes:       "Yes, fill them in",
			FillYesSummary: func(lines []string) string {
				return "The sheet will say: " + strings.Join(lines, "; ") + ". Answers you did not know stay blank."
			},
			Which:       "Which sheet do you want?",
			Mine:        "My sheet",
			MineSummary: "Your questions with space to write the answers, to take to your visit.",
			Copy:        "A one-page copy for my care team",
			CopySummary: "One page to give your doctor or nurse: a box about you, your top 3 questions, then the others in short form.",
			FillAskCopy: "The copy for your care team has a box about you. Fill it in from your answers to My situation? " +
				"Anyone who sees the sheet could read them.",
			FillNoCopy:        "No, leave the box empty",
			FillNoCopySummary: "You can write in it by hand, or leave it empty.",
			FillYesCopy:       "Yes, fill it in",
			FillYesCopySummary: func(answers []string) string {
				return "The copy will say: " + strings.Join(answers, "; ") + "."
			},
		},

		Walk: Walk{
			Crumb: "Start here",
			Ask: "Before you start (private, never saved): has your cancer spread beyond the breast and the lymph nodes near it? " +
				"The walk then skips the pages that are not about you. You can skip this question.",
			Early:            "No, it has not spread",
			EarlySummary:     "The walk skips the pages about cancer that has spread.",
			Spread:           "Yes, it has spread",
			SpreadSummary:    "The walk includes the pages about cancer that has spread, and what to do when treatment stops working.",
			Unsure:           "I don't know",
			UnsureSummary:    "The walk explains stages and how to get ready to ask at your next visit.",
			Every:            "Skip this question: show me every step",
			EverySummary:     "The whole walk, every stage.",
			Situation:        "Answer a few questions instead (My situation)",
			SituationSummary: "Up to 5 short private questions build your own reading path.",
			ReadyCrumb:       "You're ready",
			ReadyIntro: func(n, added int, page string) string {
				s := "You're ready. " + strconv.Itoa(n) + " questions are on your list"
				if added > 0 {
					s += ", " + strconv.Itoa(added) + " of them from “" + page + "”"
				}
				return s + ". Print or save them and bring them to your visit. Remove any you do not want in My questions."
			},
			ReadyPrint:        "Print or save my list",
			ReadyPrintSummary: "Opens Print or save with your list.",
			ReadyList:         "Look at my list",
			ReadyListSummary:  "Star the questions that matter most, remove others, or write your own.",
			ReadyHome:         "Back to the start",
			ReadyHomeSummary:  "The home screen. Your list stays.",
		},

		Quit: Quit{
			Crumb: "Quit?",
			Intro: func(n int) string {
				if n == 1 {
					return "You have 1 question on your list that is not printed or saved. It will be gone when the guide closes."
				}
				return "You have " + strconv.Itoa(n) + " questions on your list that are not printed or saved. They will be gone when the guide closes."
			},
			SaveFirst:     "Print or save my questions first",
			SaveSummary:   "Opens Print or save with your list.",
			Anyway:        "Quit anyway",
			AnywaySummary: "Closes the guide. Your list is not kept.",
			Stay:          "Stay",
			StaySummary:   "Goes back to where you were.",
		},

		Keep: Keep{
			Offer:   " Press c to keep this list on this computer; nothing is saved unless you do.",
			Keeping: " Kept on this computer: changes are kept as you go. Press F to forget it.",
			Loaded: func(n int) string {
				if n == 1 {
					return "Welcome back: the question you kept on this computer is on My questions."
				}
				return "Welcome back: the " + strconv.Itoa(n) + " questions you kept on this computer are on My questions."
			},
			Kept: func(path string) string {
				return "Your list is kept on this computer, in " + path + ". Changes are kept as you go; F forgets it."
			},
			Forgotten: "Your list was deleted from this computer. The questions stay here until you quit.",
			Unreadable: func(msg string) string {
				return "Your kept list could not be read: " + msg + ". F on My questions deletes it."
			},
			Failed:       func(msg string) string { return "Your list could not be kept: " + msg + "." },
			ForgetFailed: func(msg string) string { return "Your kept list could not be deleted: " + msg + "." },
		},

		Kiosk: Kiosk{
			Hint:        "Ask staff to close the guide.",
			StaffNotice: func(warnings []string) string { return "Staff: " + strings.Join(warnings, " ") },
			Cleared:     "Cleared. The guide is ready for the next person.",
			StaffCode:   "Staff code: ",
			WrongCode:   "Wrong code.",
			LockedOut: func(wait time.Duration) string {
				return "Wrong code. Try again in " + wait.Round(time.Second).String() + "."
			},
			Countdown: func(seconds int) string {
				return "Still reading?\n\nTouch the screen or press any key.\n\nOtherwise the guide will clear your questions and start again in " +
					strconv.Itoa(seconds) + " seconds."
			},
			StaffOnly:     "Staff only",
			StaffHelp:     "Press enter to close the guide, esc to go back.",
			Back:          "Back",
			Home:          "Home",
			AddQuestions:  "Add questions",
			Add:           "Add",
			Mine:          "Mine",
			Print:         "Print",
			Help:          "Help",
			Star:          "Star",
			Remove:        "Remove",
			Up:            "Up",
			Down:          "Down",
			PrintNow:      "Print now",
			OpenPageFirst: "Open a page first, then tap Add questions.",
		},

		Plain: englishPlain(),

		Serve: Serve{
			Restarting: "The guide is restarting. Nothing you read or typed was kept. Please connect again in a minute.",
			TooFast:    "Too many connections in a short time. Please wait a minute and try again.",
			NoTerminal: "The guide needs a terminal: connect with ssh -t, or give one of these commands:",
			Refused:    "The guide does not run that command over SSH. It runs:",
			NoPrint: "The guide cannot print or save from here. The sheet above is yours to copy " +
				"(select it with the mouse). The her2guide program installed on your own computer prints and saves it.",
			NoPrintKey:    "how to keep it",
			NoPrintIntro:  "Your sheet, to copy. Press enter to see how to keep it.",
			NoPrintButton: "How to keep it",
		},
	}
}

// englishPlain is the --plain mode's strings.
func englishPlain() Plain {
	return Plain{
		Goodbye:        "Goodbye.",
		EndOfInput:     "End of input. Goodbye.",
		PromptHome:     "Type a number and press Enter. Type q to quit.",
		PromptMenu:     "Type a number and press Enter. Type b to go back, q to quit.",
		PromptPageQs:   "Type a number and press Enter to tick or untick it. Type b to go back, q to quit.",
		PromptSearch:   "Search for: type one or more words and press Enter. Press Enter alone to go back, or type q to quit.",
		PromptWord:     "Type a word, or press Enter for the whole list. Type b to go back, q to quit.",
		PromptOpen:     "Type a number and press Enter to open it. Type b to go back, q to quit.",
		PromptOpenPage: "Type a number and press Enter to open that page. Type b to go back, q to quit.",
		PromptNew:      "Type your question on one line and press Enter. Press Enter alone to cancel.",
		PromptPageEnd:  "Type a to add this page's questions, t for its words, r for related pages, b to go back, q to quit.",
		NothingFound: func(q string) string {
			return fmt.Sprintf("Nothing found for %q. Try fewer or shorter words, or look in the Word list.", q)
		},
		Results:       func(q string, n int) string { return fmt.Sprintf("Results for %q (%d):", q, n) },
		WordResult:    func(title string) string { return "Word: " + title },
		CannotOpen:    "Sorry, that result could not be opened.",
		WordListTitle: "Word list.",
		EndOfWords:    "End of the word list.",
		NoWord: func(q string) string {
			return fmt.Sprintf("No word %q in the word list. Try Search from the main menu: it also looks inside pages.", q)
		},
		WordsMatch:   func(q string) string { return fmt.Sprintf("Words that match %q:", q) },
		Say:          "Say: ",
		AlsoCalled:   "Also called: ",
		Meaning:      "Meaning: ",
		NoPageUses:   "No page uses this word yet.",
		PagesUsing:   "Pages that use this word:",
		Pages:        "Pages: ",
		MainMenu:     "Main menu:",
		SectionPages: "Pages:",
		TypeCommand:  "Please type a command. Type h for the list of commands.",
		ChangeHow: func(n string) string {
			return fmt.Sprintf("To change question %s, type a command and its number, for example d %s to remove it or t %s to mark it most important.", n, n, n)
		},
		NotACommand: func(text string) string {
			return fmt.Sprintf("Sorry, %q is not a command here. Type h for the list of commands.", text)
		},
		TypeNumber: func(cmd string) string {
			return fmt.Sprintf("Type %s and the question's number, for example %s 1.", cmd, cmd)
		},
		MinePromptEmpty:  "Type n to write a question. Type b to go back, q to quit.",
		MineCommands:     "n, e N, d N, t N, u N, down N, l",
		MinePrintCommand: ", p",
		MinePrompt: func(commands string) string {
			return "Type a command (" + commands + ") and press Enter. Type h for help, b to go back, q to quit."
		},
		MineHelp: []string{
			"Commands, each followed by Enter:",
			"  n       write a question of your own",
			"  e 2     change the words of question 2, if it is your own",
			"  d 2     remove question 2",
			"  t 2     mark or unmark question 2 as most important",
			"  u 2     move question 2 up",
			"  down 2  move question 2 down",
			"  l       list the questions again",
		},
		// "Keep my list on this computer": c and F are typed, then Enter.
		MineKeepCommand:       ", c",
		MineForgetCommand:     ", F",
		MineHelpKeep:          "  c       keep this list on this computer; nothing is saved unless you do",
		MineHelpForget:        "  F       forget the list kept on this computer (its file is deleted)",
		MinePromptEmptyForget: "Type n to write a question, or F to forget the list kept on this computer. Type b to go back, q to quit.",
		KeepOffer:             "Type c to keep this list on this computer; nothing is saved unless you do.",
		Keeping:               "Kept on this computer: changes are kept as you go. Type F to forget it.",

		MineHelpPrint: "  p       print or save the list",
		MineEmpty:     "My questions: none yet. Open a page and type a to add its questions, or type n to write your own.",
		MineIntro: func(n, top int) string {
			return fmt.Sprintf("My questions (%d). The ones marked * are the most important (up to %d); they print first.", n, top)
		},
		OwnQuestion:       "Your own question.",
		From:              func(title string) string { return "From \"" + title + "\"." },
		NothingAdded:      "Nothing added.",
		NothingAddedEmpty: "Nothing added: the question is empty.",
		Added:             "Added: ",
		ListEmpty:         "Your list is empty, so there is nothing to change.",
		Removed:           "Removed: ",
		StillOnPage:       "It is still on its page if you want it back.",
		AlreadyFirst:      "That question is already first.",
		AlreadyLast:       "That question is already last.",
		MovedUp:           func(n int) string { return fmt.Sprintf("Moved up to number %d.", n) },
		MovedDown:         func(n int) string { return fmt.Sprintf("Moved down to number %d.", n) },
		TopLimit: func(top int) string {
			return fmt.Sprintf("You can mark up to %d questions as most important. Type t and the number of a marked one to unmark it first.", top)
		},
		DidNotWork: "Sorry, that did not work: ",
		Unmarked:   "No longer marked most important: ",
		Marked:     "Marked most important: ",
		PageNotShown: func(err error) string {
			return fmt.Sprintf("Sorry, this page could not be shown (%v). Please try another page.", err)
		},
		EndOfPage:         "End of the page.",
		TypeAOrB:          "Please type a, t, r or b.",
		PressEnterForMore: "Please press Enter for more, or type b to go back.",
		Part: func(part, parts int) string {
			return fmt.Sprintf("Part %d of %d. Press Enter for more, b to go back, q to quit.", part, parts)
		},
		PickIntro: func(title string) string {
			return "Questions you could ask about \"" + title + "\". Ticked ones are on My questions."
		},
		Unticked:       "Unticked, and taken off My questions:",
		Ticked:         "Ticked, and added to My questions:",
		NothingToPrint: "Your list is empty, so there is nothing to print yet.",
		NoWayToPrint:   "Sorry, there is no way to print or save here. Your list is kept.",
		PrintTitle:     "Print or save My questions:",
		NothingSaved:   "Nothing was saved. Your list is kept.",
		PrintFailed: func(msg string) string {
			return fmt.Sprintf("Sorry, that did not work: %v Your list is kept.", msg)
		},
		FileExists: func(name, dir string) string {
			return "There is already a file called " + name + " in " + dir + ". It is kept as it is."
		},
		PromptOtherName: "Type another file name and press Enter. Type b to go back, q to quit.",
		PromptFreeName: func(name string) string {
			return "Press Enter to save as " + name + ", or type another file name and press Enter. Type b to go back, q to quit."
		},
		PromptFill:      "Type a number and press Enter, or press Enter alone for 1. Type b to go back, q to quit.",
		PromptWhich:     "Type a number and press Enter, or press Enter alone for 1. Type b to go back, q to quit.",
		TypeFileName:    "Please type a file name.",
		NothingToChoose: "There is nothing to choose here.",
		TypeOne:         "Please type the number 1.",
		TypeNumberUpTo:  func(n int) string { return fmt.Sprintf("Please type a number from 1 to %d.", n) },

		WalkNext:   func(label string) string { return "Next step: " + label },
		WalkFinish: "Finish the walk and see My questions",
		WalkPrev:   "Previous step",
		WalkAdd: func(n int) string {
			if n == 0 {
				return "Add this page's questions (this page has none)"
			}
			return "Add this page's questions (" + questions(n) + " to choose from)"
		},
		WalkNoQs:     "This page has no questions to add.",
		WalkHome:     "Back to home",
		WalkToPath:   "Back to my path",
		PromptStep:   "Type a number and press Enter (n for next, p for previous). Type q to quit.",
		WalkEnd:      "That was the last step. Here is your list of questions.",
		StepNotShown: "Sorry, this step's page is missing from the guide.",

		PromptAnswer: "Type a number and press Enter. Type b for the previous question, q to quit.",
		PathIntro: func(pages int) string {
			return fmt.Sprintf("Your own path: %d pages, in reading order. Type a number to open one; each page then leads to the next.", pages)
		},
		PathAdded: "Your answers added these to My questions (remove any you do not want there):",
		PathWalk:  "Read them all, step by step",
		RemoveAdded: func(n int) string {
			return "Your answers added " + questions(n) + " to My questions. Remove them as well?"
		},
		RemoveYes:    "Yes, remove them",
		RemoveNo:     "No, keep them on my list",
		RemovedAdded: func(n int) string { return "Removed " + questions(n) + " from My questions." },

		PagePart: func(part, parts int) string {
			return fmt.Sprintf("Part %d of %d. Press Enter for more. Type a to add this page's questions, t for its words, r for related pages, b to go back, q to quit.", part, parts)
		},
		PressEnterOrCommand: "Please press Enter for more, or type a, t, r or b.",
		PageWords:           func(title string) string { return "Words on the page \"" + title + "\":" },
		NoPageWords:         "This page has no words in the word list.",
		RelatedPages:        func(title string) string { return "Pages related to \"" + title + "\":" },
		NoRelatedPages:      "This page has no related pages.",
		TickedMark:          "Ticked: ",
		UntickedMark:        "Not ticked: ",
		SheetBlank:          "(left blank to write in)",
		PromptEdit: func(old string) string {
			return "The question now reads: " + old + " Type its new words on one line and press Enter. Press Enter alone to keep it as it is."
		},
		Edited:         "Changed to: ",
		NothingChanged: "Nothing changed.",
		NotOwn:         "Only your own questions can be changed. A question from a page stays as it is: type d and its number to remove it.",
		SignPositive:   "positive",
		SignNegative:   "negative",
		SignPlus:       "plus",
		DumbTerminal:   "her2guide: this terminal (TERM=dumb) cannot show the full-screen guide, so it starts line by line, as with --plain.",
	}
}

// questions counts questions: "1 question", "3 questions".
func questions(n int) string {
	if n == 1 {
		return "1 question"
	}
	return strconv.Itoa(n) + " questions"
}
