package readability

import (
	"strings"
	"testing"
)

func TestProseSkipsHeadingsTablesCode(t *testing.T) {
	md := "Intro text here.\n\n## A heading?\n\n| a | b |\n|---|---|\n| cell | cell |\n\n```\ncode\n```\n\n- item one\n- item **two**\n\nLast `x` line.\n"
	got := Prose(md)
	for _, bad := range []string{"heading", "cell", "code"} {
		if strings.Contains(got, bad) {
			t.Errorf("prose contains %q:\n%s", bad, got)
		}
	}
	for _, want := range []string{"Intro text here.", "item one.", "item two.", "Last x line."} {
		if !strings.Contains(got, want) {
			t.Errorf("prose lacks %q:\n%s", want, got)
		}
	}
}

func TestMeasureOrdersTexts(t *testing.T) {
	easy := Measure("The cat sat. The dog ran. We ate. It was fun.")
	hard := Measure("Pharmacological interventions necessitate comprehensive multidisciplinary consideration of individualized therapeutic considerations and contraindications.")
	if !(easy.Grade < 3 && hard.Grade > 12) {
		t.Errorf("easy grade %.1f, hard grade %.1f", easy.Grade, hard.Grade)
	}
	if easy.Sentences != 4 || easy.Words != 11 {
		t.Errorf("easy: %d sentences, %d words", easy.Sentences, easy.Words)
	}
	if (Measure("  ") != Score{}) {
		t.Error("blank text has a score")
	}
}
