package clockify

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"iter"
)

const (
	// MaxPageSize is the largest page Clockify support has stated it serves.
	MaxPageSize = 5000

	defaultPageSize = 50 // Clockify's page-size when a request names none
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

// ErrPageRepeated is returned by an iterator when Clockify answers a page with the same items
// as the page before it (a server ignoring the page parameter); iterating stops there rather
// than looping forever.
var ErrPageRepeated = errors.New("clockify: a page repeated the previous one")

// pages iterates a paged list lazily: it fetches page 1, 2, ... only as the loop consumes
// them, stops on Last-Page: true (or, without the header, on a short or empty page), and stops
// fetching as soon as the loop body breaks. Only one page is held at a time.
func pages[T any](ctx context.Context, pageSize int, id func(*T) string,
	fetch func(ctx context.Context, page int) ([]*T, *Response, error)) iter.Seq2[*T, error] {
	if pageSize <= 0 {
		pageSize = defaultPageSize // what Clockify serves when the request names no size
	}
	return func(yield func(*T, error) bool) {
		var prev [sha256.Size]byte
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
			if len(items) > 0 {
				h := sha256.New()
				for _, it := range items {
					io.WriteString(h, id(it))
					h.Write([]byte{0})
				}
				var sum [sha256.Size]byte
				h.Sum(sum[:0])
				if page > 1 && bytes.Equal(sum[:], prev[:]) {
					yield(nil, fmt.Errorf("%w (page %d)", ErrPageRepeated, page))
					return
				}
				prev = sum
			}
			for _, it := range items {
				if !yield(it, nil) {
					return
				}
			}
			if len(items) == 0 {
				return
			}
			if resp != nil && resp.lastPageKnown {
				if resp.LastPage {
					return
				}
			} else if len(items) < pageSize {
				return
			}
		}
	}
}
