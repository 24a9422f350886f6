package clockify

import (
	"strconv"
	"testing"
)

// The seen set answers as a set of the ids themselves would, through every growth of its
// table, for ids added once, added again, and interleaved.
func TestSeenSetMatchesAMap(t *testing.T) {
	s := newSeenSet(1)
	want := map[string]bool{}
	for i := range 5000 {
		for _, id := range []string{strconv.Itoa(i), strconv.Itoa(i / 2), strconv.Itoa(i * 7 % 3001)} {
			if got := s.add(id); got != !want[id] {
				t.Fatalf("add(%q) after %d distinct ids = %v, want %v", id, len(want), got, !want[id])
			}
			want[id] = true
		}
	}
}
