package clockify

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sync"
)

// DefaultMaxResponseBytes bounds a success body after decompression. A page of 5000 members,
// each with its settings and some twenty memberships, is about 30 MiB; the default leaves
// room for twice that while keeping a hostile or broken server (an endless array, a gzip
// bomb) from taking more than a few hundred MiB of memory. WithMaxResponseBytes changes it.
const DefaultMaxResponseBytes = 64 << 20

// bodyReader reads a success body up to limit bytes.
type bodyReader struct {
	r     io.Reader
	left  int64 // bytes still allowed
	limit int64
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
	if b.left < 0 {
		return 0, b.tooLarge()
	}
	if err != nil && err != io.EOF && b.att != nil && b.att.actx != nil {
		err = timeoutCause(b.att.caller, b.att.actx, b.att.timeout, err)
	}
	return n, err
}

func (b *bodyReader) tooLarge() error {
	return fmt.Errorf("%w: more than %d bytes (raise it with WithMaxResponseBytes)", ErrResponseTooLarge, b.limit)
}

// bodyBufs holds the buffers success bodies are read into. Paging through a list then reads
// each page into a buffer already grown to a page's size, where a json.Decoder would grow a new
// one from 512 bytes for every page, copying the body at each doubling.
var bodyBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxPooledBody is the largest buffer kept for reuse (a page of a few thousand members); a
// larger one is left to the garbage collector. sync.Pool drops idle buffers within two
// collections, so the memory is not held while the client is idle.
const maxPooledBody = 4 << 20

// errNoValue: a success body with nothing in it but JSON white space, or only JSON null.
var errNoValue = errors.New("clockify: no body or null")

// wholeJSON is a result type whose UnmarshalJSON decodes its whole input with json.Unmarshal,
// and so refuses invalid JSON and trailing data as json.Unmarshal would. decodeBody hands such a
// value the body directly: through json.Unmarshal, encoding/json would first check and then
// skip the whole body only to hand the same bytes to UnmarshalJSON, which checks them again
// (three scans of the body instead of one; README: Performance).
type wholeJSON interface {
	json.Unmarshaler
	checksWholeJSON()
}

// decodeBody reads the whole of b and decodes it into out. A body holding no value (nothing or
// null) is errNoValue, and out is left alone; one that ends inside the value is
// io.ErrUnexpectedEOF, as a json.Decoder would report it. Unlike a Decoder, it refuses anything
// but white space after the value: such a body is not what Clockify sends. Decoded values
// never share memory with the buffer (encoding/json copies strings and json.RawMessage), so
// the buffer can serve the next response.
func decodeBody(b *bodyReader, out any) error {
	buf := bodyBufs.Get().(*bytes.Buffer)
	defer func() {
		if buf.Cap() <= maxPooledBody {
			buf.Reset()
			bodyBufs.Put(buf)
		}
	}()
	if _, err := buf.ReadFrom(b); err != nil {
		return err
	}
	if v := bytes.Trim(buf.Bytes(), " \t\r\n"); len(v) == 0 || string(v) == "null" {
		return errNoValue
	}
	var err error
	if w, ok := out.(wholeJSON); ok {
		err = w.UnmarshalJSON(buf.Bytes()) // checks the whole body itself
	} else {
		err = json.Unmarshal(buf.Bytes(), out)
	}
	if _, ok := err.(*json.SyntaxError); ok && cutShort(buf.Bytes()) {
		return io.ErrUnexpectedEOF
	}
	return err
}

// cutShort reports whether data, which is not valid JSON, is the start of a JSON value: then
// the first byte out of place is one put after its end (a control byte, wrong anywhere).
func cutShort(data []byte) bool {
	var se *json.SyntaxError
	err := json.Unmarshal(append(data[:len(data):len(data)], 0x01), new(json.RawMessage))
	return errors.As(err, &se) && se.Offset > int64(len(data))
}
