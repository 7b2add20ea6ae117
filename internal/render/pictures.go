package render

import (
	"strconv"
	"strings"

	xansi "github.com/charmbracelet/x/ansi"

	"github.com/her2guide/her2guide/internal/pictures"
)

// pictureMark is the word that holds a picture's place while Glamour
// renders the page around it: a paragraph of its own, "HGPICTURE0",
// replaced afterwards by the picture drawn for the page's width. Glamour
// never sees the picture, so it cannot wrap, colour or re-indent it.
const pictureMark = "HGPICTURE"

// swapPictures replaces each picture block of md with a marker paragraph
// and returns the pictures in order.
func swapPictures(md string) (string, []*pictures.Picture) {
	var pics []*pictures.Picture
	md = pictures.Replace(md, func(p *pictures.Picture) string {
		pics = append(pics, p)
		return "\n" + pictureMark + strconv.Itoa(len(pics)-1) + "\n\n"
	})
	return md, pics
}

// bold and boldOff set a caption line in bold (SGR 1 and 22).
const (
	bold    = "\x1b[1m"
	boldOff = "\x1b[22m"
)

// drawPictures replaces each marker line with its picture drawn width
// cells wide, after the document margin.
func drawPictures(lines []string, pics []*pictures.Picture, width int, ascii bool) []string {
	if len(pics) == 0 {
		return lines
	}
	out := make([]string, 0, len(lines))
	indent := strings.Repeat(" ", margin)
	for _, l := range lines {
		plain := strings.TrimSpace(xansi.Strip(l))
		n, err := strconv.Atoi(strings.TrimPrefix(plain, pictureMark))
		if !strings.HasPrefix(plain, pictureMark) || err != nil || n < 0 || n >= len(pics) {
			out = append(out, l)
			continue
		}
		caption := len(pics[n].CaptionLines(width))
		for i, pl := range pics[n].Lines(width, ascii) {
			pl = strings.TrimRight(pl, " ")
			if i < caption && !ascii {
				// The caption is the picture's title: bold, as the
				// page's headings are (shape, not colour).
				pl = bold + pl + boldOff
			}
			out = append(out, strings.TrimRight(indent+pl, " "))
		}
	}
	return out
}
