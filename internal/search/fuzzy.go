package search

import "unicode/utf8"

// maxEdits is how many typing mistakes a query word may hold and still match
// a word of the text: none below 5 letters, 1 up to 7, 2 from 8.
func maxEdits(word string) int {
	switch n := utf8.RuneCountInString(word); {
	case n < 5:
		return 0
	case n < 8:
		return 1
	default:
		return 2
	}
}
