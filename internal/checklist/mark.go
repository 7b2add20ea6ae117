package checklist

import (
	"strconv"
	"strings"
)

// Mark is a fingerprint of the list as it is now: its questions, their
// words and their stars, in order. Keep the mark of a list when it is
// printed or saved; a different mark later means it changed since.
func (l *List) Mark() string {
	var b strings.Builder
	for _, it := range l.Items() {
		b.WriteString(it.ID + "\x00" + it.Text + "\x00" + strconv.FormatBool(it.Top) + "\x00")
	}
	return b.String()
}
