package clockify

import (
	"errors"
	"fmt"
	"io"
)

// DefaultMaxResponseBytes bounds a success body after decompression. A page of 5000 members,
// each with its settings and some twenty memberships, is about 30 MiB; the default leaves
// room for twice that while keeping a hostile or broken server (an endless array, a gzip
// bomb) from taking more than a few hundred MiB of memory. WithMaxResponseBytes changes it.
const DefaultMaxResponseBytes = 64 << 20

var (
	// ErrResponseTooLarge: a success body was larger than the client's limit
	// (DefaultMaxResponseBytes, or WithMaxResponseBytes). Nothing of it is returned.
	ErrResponseTooLarge = errors.New("clockify: response body too large")
	// ErrEmptyResponse: Clockify answered 2xx with an empty body or JSON null where the call
	// expects an object or a list. A zero value is never returned in its place.
	ErrEmptyResponse = errors.New("clockify: empty response")
)

// bodyReader reads a success body up to limit bytes and notes its first non-blank byte, so
// that an empty body or a JSON null can be told from an object.
type bodyReader struct {
	r     io.Reader
	left  int64 // bytes still allowed
	limit int64
	first byte     // first non-whitespace byte; 0 while none was read
	att   *attempt // whose deadline a failed read is checked against (nil: none)
}

func (b *bodyReader) Read(p []byte) (int, error) {
	if b.left < 0 {
		return 0, b.tooLarge()
	}
	if int64(len(p)) > b.left+1 {
		p = p[:b.left+1] // one byte more than allowed reveals an excess
	}
	n, err := b.r.Read(p)
	b.left -= int64(n)
	if b.first == 0 {
		for _, c := range p[:n] {
			if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
				b.first = c
				break
			}
		}
	}
	if b.left < 0 {
		return 0, b.tooLarge()
	}
	if err != nil && err != io.EOF && b.att != nil && b.att.actx != nil {
		err = timeoutCause(b.att.Context, b.att.actx, b.att.timeout, err)
	}
	return n, err
}

func (b *bodyReader) tooLarge() error {
	return fmt.Errorf("%w: more than %d bytes (raise it with WithMaxResponseBytes)", ErrResponseTooLarge, b.limit)
}

// empty reports whether the body read so far holds no value but JSON null.
func (b *bodyReader) empty() bool { return b.first == 0 || b.first == 'n' }
