package clockify

import (
	"context"
	"fmt"
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
		seen := make(map[string]struct{}, pageSize) // the ids yielded so far
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
			fresh := 0
			for _, it := range items {
				k := id(it)
				if _, dup := seen[k]; dup {
					continue
				}
				seen[k] = struct{}{}
				fresh++
				if !yield(it, nil) {
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
