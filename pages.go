package clockify

import (
	"context"
	"fmt"
	"hash/maphash"
	"iter"
)

const (
	// MaxPageSize is the largest page Clockify support has stated it serves.
	MaxPageSize = 5000

	defaultPageSize = 50 // Clockify's page-size when a request names none

	// defaultIterPageSize is the page size of the All-style iterators when the caller sets none:
	// fewer requests than Clockify's default of 50, while a page stays a modest size.
	defaultIterPageSize = 200
)

// ListOptions selects a page of a list. Page is 1-based; PageSize is at most MaxPageSize
// (Clockify's default is 50).
type ListOptions struct {
	Page     int `url:"page,omitempty" json:"page,omitempty"`
	PageSize int `url:"page-size,omitempty" json:"pageSize,omitempty"`
}

func (o *ListOptions) validate() error {
	if o == nil {
		return nil
	}
	if o.Page < 0 {
		return &ValidationError{Field: "Page", Reason: "must be 1 or more (pages are 1-based)"}
	}
	if o.PageSize < 0 || o.PageSize > MaxPageSize {
		return &ValidationError{Field: "PageSize", Reason: fmt.Sprintf("must be between 1 and %d", MaxPageSize)}
	}
	return nil
}

// pageNumber is the page a request asks for: Page, or 1 when unset.
func (o *ListOptions) pageNumber() int { return max(o.Page, 1) }

// listOptions gives the pager the ListOptions embedded in a list's options.
func (o *ListOptions) listOptions() *ListOptions { return o }

// pageable is a pointer to a list's options, which embed ListOptions.
type pageable[O any] interface {
	*O
	listOptions() *ListOptions
}

// allPages is the body of every All-style iterator: it pages through list, a method taking
// options that embed ListOptions. Each page is fetched with its own copy of opts (so one Seq
// can be ranged by several goroutines) with Page set; PageSize defaults to
// defaultIterPageSize. id names an item, to notice a page that repeats the one before.
//
//	return allPages(ctx, opts, userID, func(ctx context.Context, o *ListMembersOptions) ([]*User, *Response, error) {
//		return s.List(ctx, workspaceID, o)
//	})
func allPages[T, O any, P pageable[O]](ctx context.Context, opts P, id func(*T) string,
	list func(ctx context.Context, opts P) ([]*T, *Response, error)) iter.Seq2[*T, error] {
	q := orZero(opts)
	if lo := P(&q).listOptions(); lo.PageSize == 0 {
		lo.PageSize = defaultIterPageSize
	}
	return pages(ctx, P(&q).listOptions().PageSize, id, func(ctx context.Context, page int) ([]*T, *Response, error) {
		pq := q
		P(&pq).listOptions().Page = page
		return list(ctx, &pq)
	})
}

// pages iterates a paged list lazily: it fetches page 1, 2, ... only as the loop consumes
// them, stops on Last-Page: true (or, without the header, on a page shorter than pageSize or
// empty), and stops fetching as soon as the loop body breaks. Only one page is held at a time.
// Items are told apart by id; one already yielded is skipped, and a page with nothing new ends
// the iteration with ErrPageRepeated.
func pages[T any](ctx context.Context, pageSize int, id func(*T) string,
	fetch func(ctx context.Context, page int) ([]*T, *Response, error)) iter.Seq2[*T, error] {
	if pageSize <= 0 {
		pageSize = defaultPageSize // what Clockify serves when the request names no size
	}
	return func(yield func(*T, error) bool) {
		if ctx == nil {
			yield(nil, errNilContext())
			return
		}
		seen := newSeenSet(pageSize)
		for page := 1; ; page++ {
			if err := ctx.Err(); err != nil {
				yield(nil, err)
				return
			}
			items, resp, err := fetch(ctx, page)
			if err != nil {
				yield(nil, err)
				return
			}
			isNew, fresh := addPage(seen, items, id)
			for i, it := range items {
				if isNew.has(i) && !yield(it, nil) {
					return
				}
			}
			if len(items) > 0 && fresh == 0 {
				yield(nil, fmt.Errorf("%w (page %d)", ErrPageRepeated, page))
				return
			}
			if lastPage(resp, len(items), pageSize) {
				return
			}
		}
	}
}

// seenSet remembers the ids an iteration has yielded, as 64-bit hashes in an open-addressing
// table: 8 bytes per slot, at most half full, and no allocation per item (a Go map of the same
// keys allocates about seven times as much while growing, and costs a second hash per add).
// The hash is seeded afresh for every iteration, so a server cannot pick ids that collide or
// crowd one part of the table; two different ids collide with odds of about n²/2⁶⁵ (one in
// 10¹⁰ for a million members), in which case the second is skipped as if already seen.
type seenSet struct {
	seed    maphash.Seed
	slots   []uint64 // hashes; 0 marks an empty slot (the hash 0 is kept in hasZero)
	n       int      // hashes held in slots
	hasZero bool
	hashes  []uint64 // addPage's hashes of a page, reused from page to page
	isNew   bitset   // addPage's answer, reused from page to page
}

// newSeenSet makes a set with room for a first page of pageSize ids.
func newSeenSet(pageSize int) *seenSet {
	size := 16
	for size < 2*pageSize {
		size *= 2
	}
	return &seenSet{seed: maphash.MakeSeed(), slots: make([]uint64, size)}
}

// addHash records the hash of an id and reports whether it was new.
func (s *seenSet) addHash(h uint64) bool {
	if h == 0 {
		added := !s.hasZero
		s.hasZero = true
		return added
	}
	if 2*(s.n+1) > len(s.slots) {
		s.grow()
	}
	if !s.insert(h) {
		return false
	}
	s.n++
	return true
}

// addPage adds the id of each item, in order, and says which were new and how many. All the
// hashes are taken first and then all put in the table, in two tight loops, so that the memory
// reads of many ids, and then of many slots, overlap instead of each waiting for its own.
func addPage[T any](s *seenSet, items []*T, id func(*T) string) (bitset, int) {
	s.hashes = s.hashes[:0]
	for _, it := range items {
		s.hashes = append(s.hashes, maphash.String(s.seed, id(it)))
	}
	n := (len(items) + 63) / 64
	if cap(s.isNew) < n {
		s.isNew = make(bitset, n)
	}
	isNew := s.isNew[:n]
	clear(isNew)
	fresh := 0
	for i, h := range s.hashes {
		if s.addHash(h) {
			isNew[i/64] |= 1 << (i % 64)
			fresh++
		}
	}
	return isNew, fresh
}

// bitset is a set of small non-negative integers.
type bitset []uint64

func (b bitset) has(i int) bool { return b[i/64]&(1<<(i%64)) != 0 }

// insert puts h in its slot (linear probing) and reports whether it was not there already.
func (s *seenSet) insert(h uint64) bool {
	mask := uint64(len(s.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		switch s.slots[i] {
		case h:
			return false
		case 0:
			s.slots[i] = h
			return true
		}
	}
}

// grow makes the table four times larger: moving every hash again at each growth is most of
// what the set costs, and growing four-fold moves a third as many as doubling, for at most twice
// the memory between growths (16 to 64 bytes a member; 0.5 MiB for 20,000).
func (s *seenSet) grow() {
	old := s.slots
	s.slots = make([]uint64, 4*len(old))
	for _, h := range old {
		if h != 0 {
			s.insert(h)
		}
	}
}

// lastPage reports whether a page of n items ends the list: by Clockify's Last-Page header, or
// without it, by being empty or short.
func lastPage(resp *Response, n, pageSize int) bool {
	if n == 0 {
		return true
	}
	if resp != nil && resp.lastPageKnown {
		return resp.LastPage
	}
	return n < pageSize
}

// orZero returns *p, or T's zero value for a nil p.
func orZero[T any](p *T) T {
	if p == nil {
		var zero T
		return zero
	}
	return *p
}
