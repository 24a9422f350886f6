package clockify

import (
	"strconv"
	"testing"
)

// The seen set answers as a set of the ids themselves would, through every growth of its
// table, for ids added once, added again (in the same page too), and interleaved.
func TestSeenSetMatchesAMap(t *testing.T) {
	s := newSeenSet(1)
	want := map[string]bool{}
	id := func(p *string) string { return *p }
	for i := range 5000 {
		page := []string{strconv.Itoa(i), strconv.Itoa(i / 2), strconv.Itoa(i * 7 % 3001)}
		items := []*string{&page[0], &page[1], &page[2]}
		isNew, fresh := addPage(s, items, id)
		wantFresh := 0
		for k, v := range page {
			if isNew.has(k) != !want[v] {
				t.Fatalf("page %d: %q new = %v after %d distinct ids, want %v", i, v, isNew.has(k), len(want), !want[v])
			}
			if !want[v] {
				wantFresh++
			}
			want[v] = true
		}
		if fresh != wantFresh {
			t.Fatalf("page %d: %d fresh, want %d", i, fresh, wantFresh)
		}
	}
}
