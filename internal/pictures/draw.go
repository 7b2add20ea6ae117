package pictures

import (
	"strconv"
	"strings"

	xansi "github.com/charmbracelet/x/ansi"
)

// chars are the characters a picture is drawn with.
type chars struct {
	filled, empty                  string
	h, v, tl, tr, bl, br           string
	right, down, split, heavySplit string
	rule, bullet                   string
}

var (
	unicodeChars = chars{
		filled: "■", empty: "□",
		h: "─", v: "│", tl: "┌", tr: "┐", bl: "└", br: "┘",
		right: " → ", down: "↓", split: " │ ", heavySplit: " ║ ",
		rule: "═", bullet: "•",
	}
	asciiChars = chars{
		filled: "X", empty: ".",
		h: "-", v: "|", tl: "+", tr: "+", bl: "+", br: "+",
		right: " -> ", down: "v", split: " | ", heavySplit: " || ",
		rule: "=", bullet: "*",
	}
)

// Lines draws the picture for a width in terminal cells: no line is wider
// than width. With ascii, only ASCII characters are used (for the ascii
// style, pipes and printers). Nothing is coloured: shapes and words carry
// the meaning.
func (p *Picture) Lines(width int, ascii bool) []string {
	c := unicodeChars
	if ascii {
		c = asciiChars
	}
	width = max(width, 10)
	var out []string
	switch p.Kind {
	case Icons:
		out = p.drawIcons(width, c)
	case Timeline:
		out = p.drawTimeline(width, c)
	case Scale:
		out = p.drawScale(width, c)
	case Compare:
		out = p.drawCompare(width, c)
	}
	if p.Caption != "" {
		out = append(append(p.CaptionLines(width), ""), out...)
	}
	for i, l := range out {
		l = strings.TrimRight(l, " ")
		if xansi.StringWidth(l) > width {
			l = xansi.Truncate(l, width, "")
		}
		out[i] = l
	}
	return out
}

// wrap breaks s into lines of at most width cells at spaces, cutting a
// word that is longer than a line.
func wrap(s string, width int) []string {
	width = max(width, 1)
	var lines []string
	cur := ""
	for _, w := range strings.Fields(s) {
		for xansi.StringWidth(w) > width {
			if cur != "" {
				lines = append(lines, cur)
				cur = ""
			}
			lines = append(lines, xansi.Truncate(w, width, ""))
			w = xansi.TruncateLeft(w, width, "")
		}
		switch {
		case cur == "":
			cur = w
		case xansi.StringWidth(cur)+1+xansi.StringWidth(w) <= width:
			cur += " " + w
		default:
			lines = append(lines, cur)
			cur = w
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// pad fills s with spaces to width cells.
func pad(s string, width int) string {
	return s + strings.Repeat(" ", max(0, width-xansi.StringWidth(s)))
}

// hang wraps s after a prefix, indenting the lines after the first by the
// prefix's width.
func hang(prefix, s string, width int) []string {
	pw := xansi.StringWidth(prefix)
	lines := wrap(s, width-pw)
	for i := range lines {
		if i == 0 {
			lines[i] = prefix + lines[i]
		} else {
			lines[i] = strings.Repeat(" ", pw) + lines[i]
		}
	}
	return lines
}

func (p *Picture) drawIcons(width int, c chars) []string {
	cols := 10
	sep := " "
	if width < 2*cols-1 {
		sep = ""
	}
	var out []string
	for r := 0; r < p.per/cols; r++ {
		marks := make([]string, cols)
		for i := range marks {
			if r*cols+i < p.count {
				marks[i] = c.filled
			} else {
				marks[i] = c.empty
			}
		}
		out = append(out, strings.Join(marks, sep))
	}
	out = append(out, "")
	out = append(out, hang(c.filled+" ", p.icons.Says+" ("+strconv.Itoa(p.count)+")", width)...)
	out = append(out, hang(c.empty+" ", p.icons.Rest+" ("+strconv.Itoa(p.per-p.count)+")", width)...)
	out = append(out, "")
	out = append(out, wrap(p.iconText, width)...)
	return out
}

// box draws text lines in a frame inner cells wide.
func box(lines []string, inner int, c chars) []string {
	out := []string{c.tl + strings.Repeat(c.h, inner+2) + c.tr}
	for _, l := range lines {
		out = append(out, c.v+" "+pad(l, inner)+" "+c.v)
	}
	return append(out, c.bl+strings.Repeat(c.h, inner+2)+c.br)
}

// maxBox is the widest text a timeline box holds, so that several boxes
// fit side by side on a wide screen.
const maxBox = 22

func (p *Picture) drawTimeline(width int, c chars) []string {
	arrow := xansi.StringWidth(c.right)
	limit := min(maxBox, width-4)
	var boxes [][]string
	for _, step := range p.steps {
		var text []string
		for i, o := range step {
			if i > 0 {
				text = append(text, "or")
			}
			text = append(text, wrap(o, limit)...)
		}
		inner := 0
		for _, l := range text {
			inner = max(inner, xansi.StringWidth(l))
		}
		boxes = append(boxes, box(text, inner, c))
	}
	// Lay the boxes out in rows, left to right, joined by arrows; a row
	// that is full goes on below, joined to the row above by a line from
	// the middle of its last box back to a down arrow over the next row's
	// first box (an arrow under the first box alone read as box 1 leading
	// to the first box of the next row).
	var rows [][][]string
	used := 0
	for _, b := range boxes {
		w := xansi.StringWidth(b[0])
		if len(rows) > 0 && used+arrow+w <= width {
			rows[len(rows)-1] = append(rows[len(rows)-1], b)
			used += arrow + w
			continue
		}
		rows = append(rows, [][]string{b})
		used = w
	}
	var out []string
	for ri, row := range rows {
		if ri > 0 {
			// The middle of the last box of the row above.
			prev := rows[ri-1]
			end := 0
			for bi, b := range prev {
				if bi > 0 {
					end += arrow
				}
				end += xansi.StringWidth(b[0])
			}
			if len(prev) > 1 {
				lw := xansi.StringWidth(prev[len(prev)-1][0])
				mid := end - lw + lw/2
				out = append(out, "  "+c.tl+strings.Repeat(c.h, mid-3)+c.br)
			}
			out = append(out, "  "+c.down)
		}
		height := 0
		for _, b := range row {
			height = max(height, len(b))
		}
		for y := 0; y < height; y++ {
			var l strings.Builder
			for bi, b := range row {
				if bi > 0 {
					if y == 1 {
						l.WriteString(c.right)
					} else {
						l.WriteString(strings.Repeat(" ", arrow))
					}
				}
				bw := xansi.StringWidth(b[0])
				switch {
				case y < len(b):
					l.WriteString(b[y])
				case bi == len(row)-1 && bi > 0 && ri < len(rows)-1:
					// Under a short last box, the line down to the next row.
					l.WriteString(strings.Repeat(" ", bw/2) + c.v + strings.Repeat(" ", bw-bw/2-1))
				default:
					l.WriteString(strings.Repeat(" ", bw))
				}
			}
			out = append(out, l.String())
		}
	}
	return out
}

func (p *Picture) drawScale(width int, c chars) []string {
	// Side by side: the items in a row, a heavy divider between groups,
	// and under each group a bracket with its name.
	var top, under strings.Builder
	for gi, g := range p.groups {
		if gi > 0 {
			top.WriteString(c.heavySplit)
			under.WriteString(c.heavySplit)
		}
		items := strings.Join(g.Items, c.split)
		span := max(xansi.StringWidth(items), xansi.StringWidth(g.Name)+4)
		// Items narrower than their bracket sit in its middle.
		lead := (span - xansi.StringWidth(items)) / 2
		top.WriteString(pad(strings.Repeat(" ", lead)+items, span))
		dashes := span - 2 - xansi.StringWidth(g.Name) - 2
		left := dashes / 2
		under.WriteString(c.bl + strings.Repeat(c.h, left) + " " + g.Name + " " + strings.Repeat(c.h, dashes-left) + c.br)
	}
	if xansi.StringWidth(under.String()) <= width {
		return []string{top.String(), under.String()}
	}
	// Stacked: each group's name, its items, and a double rule between
	// groups.
	var out []string
	rule := strings.Repeat(c.rule, min(width, 20))
	for gi, g := range p.groups {
		if gi > 0 {
			out = append(out, rule)
		}
		out = append(out, wrap(g.Name, width)...)
		for _, it := range g.Items {
			out = append(out, hang(strings.TrimSpace(c.split)+" ", it, width)...)
		}
	}
	return out
}

// minColumn is the narrowest a comparison column may be before the two
// columns are stacked.
const minColumn = 20

// maxColumn is the widest a comparison column is, so the two stay close
// together on a wide screen.
const maxColumn = 36

func (p *Picture) drawCompare(width int, c chars) []string {
	gap := xansi.StringWidth(c.split)
	col := min((width-gap)/2, maxColumn)
	draw := func(k column, w int) []string {
		out := wrap(k.Title, w)
		tw := 0
		for _, l := range out {
			tw = max(tw, xansi.StringWidth(l))
		}
		out = append(out, strings.Repeat(c.h, tw))
		for _, pt := range k.Points {
			out = append(out, hang(c.bullet+" ", pt, w)...)
		}
		return out
	}
	if col < minColumn {
		var out []string
		for i, k := range p.columns {
			if i > 0 {
				out = append(out, "")
			}
			out = append(out, draw(k, width)...)
		}
		return out
	}
	left, right := draw(p.columns[0], col), draw(p.columns[1], col)
	var out []string
	for i := 0; i < max(len(left), len(right)); i++ {
		var l, r string
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		out = append(out, pad(l, col)+c.split+r)
	}
	return out
}

// CaptionLines is the caption wrapped for a width: the first lines of
// Lines when the picture has a caption (then a blank line), so a renderer
// can set them apart as a title.
func (p *Picture) CaptionLines(width int) []string {
	if p.Caption == "" {
		return nil
	}
	return wrap(p.Caption, max(width, 10))
}
