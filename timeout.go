package clockify

import (
	"context"
	"errors"
	"io"
	"net/http"
	"time"
)

// The http.Client's Timeout (60 s by default) limits each attempt of a call: sending it,
// following redirects and reading the answer, as net/http would. The limiter's wait before an
// attempt does not count. authTransport applies it, because net/http's own timeout around a
// wrapping RoundTripper is its slow path (a goroutine, a timer and two channels per request).

// timeoutError is an attempt that outlived the HTTP client's Timeout. Like net/http's own, it
// is a net.Error whose Timeout is true, and it matches context.DeadlineExceeded.
type timeoutError struct {
	after time.Duration
	err   error // what the transport or body reported when the deadline cut it off
}

func (e *timeoutError) Error() string {
	return "http.Client.Timeout of " + e.after.String() + " exceeded: " + e.err.Error()
}
func (e *timeoutError) Timeout() bool   { return true }
func (e *timeoutError) Temporary() bool { return true }
func (e *timeoutError) Unwrap() error   { return e.err }

func (e *timeoutError) Is(target error) bool { return target == context.DeadlineExceeded }

// attemptContext is ctx limited by the current attempt's deadline (one per attempt, shared by
// its redirects), or ctx itself and a nil cancel when the client has no timeout.
func (c *Client) attemptContext(ctx context.Context, a *attempt) (context.Context, context.CancelFunc) {
	if c.timeout <= 0 {
		return ctx, nil
	}
	deadline := time.Now().Add(c.timeout)
	if a != nil && !a.deadline.IsZero() {
		deadline = a.deadline
	}
	if d, ok := ctx.Deadline(); ok && !d.After(deadline) {
		return ctx, nil // the caller's own deadline comes first, as net/http would see it
	}
	return context.WithDeadline(ctx, deadline)
}

// timed finishes a round trip made under the attempt context actx: a failure the deadline
// caused becomes a *timeoutError, and the response body releases actx when closed.
func (c *Client) timed(parent, actx context.Context, cancel context.CancelFunc, resp *http.Response, err error) (*http.Response, error) {
	if err != nil {
		err = c.timeoutCause(parent, actx, err)
		cancel()
		return resp, err
	}
	resp.Body = &timedBody{ReadCloser: resp.Body, c: c, parent: parent, actx: actx, cancel: cancel}
	return resp, nil
}

// timeoutCause is err, or a *timeoutError when actx's deadline passed while parent (the
// caller's context) is still live: the caller's own deadline stays the caller's error.
func (c *Client) timeoutCause(parent, actx context.Context, err error) error {
	if errors.Is(actx.Err(), context.DeadlineExceeded) && parent.Err() == nil {
		return &timeoutError{after: c.timeout, err: err}
	}
	return err
}

// timedBody is a response body read under the attempt's deadline.
type timedBody struct {
	io.ReadCloser
	c            *Client
	parent, actx context.Context
	cancel       context.CancelFunc
}

func (b *timedBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if err != nil && err != io.EOF {
		err = b.c.timeoutCause(b.parent, b.actx, err)
	}
	return n, err
}

func (b *timedBody) Close() error {
	err := b.ReadCloser.Close()
	b.cancel()
	return err
}
