package render

import "testing"

func TestTablesAsLists(t *testing.T) {
	in := "Before.\n\n| Label | Test result | Drug |\n|---|:---:|---|\n| **HER2-positive** | IHC 3+ | HER2 drugs |\n| HER2-low | IHC 1+, or 2+ \\| ISH- |  |\n\nAfter | not a table.\n"
	want := "Before.\n\n- **HER2-positive** — Test result: IHC 3+. — Drug: HER2 drugs.\n- **HER2-low** — Test result: IHC 1+, or 2+ | ISH-.\n\nAfter | not a table.\n"
	if got := TablesAsLists(in); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	plain := "No table | here.\n- a list\n"
	if got := TablesAsLists(plain); got != plain {
		t.Errorf("changed text without a table: %q", got)
	}
}
