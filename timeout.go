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
// attempt does not count. authTransport applies it, as a context.WithDeadline per attempt
// shared by its redirects: net/http's own Timeout around a RoundTripper that is not its
// *http.Transport watches the deadline from a goroutine of its own, and a body that stalls
// then fails with a bare context.DeadlineExceeded or a timeout depending on which of the two
// fires first.

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
// its redirects), or ctx itself when the client has no timeout or the caller's deadline comes
// first. cancel is nil unless the context is the attempt's own.
func (c *Client) attemptContext(ctx context.Context, a *attempt) (actx context.Context, cancel context.CancelFunc) {
	if c.timeout <= 0 {
		return ctx, nil
	}
	var deadline time.Time
	if a != nil {
		deadline = a.deadline // set as the attempt started
	}
	if deadline.IsZero() {
		deadline = time.Now().Add(c.timeout)
	}
	if d, ok := ctx.Deadline(); ok && !d.After(deadline) {
		return ctx, nil // the caller's own deadline comes first, as net/http would see it
	}
	return context.WithDeadline(ctx, deadline)
}

// timed finishes a round trip made under the attempt context actx: a failure the deadline
// caused becomes a *timeoutError, and an attempt's own context is released when the response
// body is closed. (Reading the body is checked the same way by the attempt's bodyReader.)
func (c *Client) timed(parent, actx context.Context, cancel context.CancelFunc, resp *http.Response, err error) (*http.Response, error) {
	if err != nil {
		err = timeoutCause(parent, actx, c.timeout, err)
		if cancel != nil {
			cancel()
		}
		return resp, err
	}
	if cancel != nil {
		resp.Body = &cancelOnClose{ReadCloser: resp.Body, cancel: cancel}
	}
	return resp, nil
}

// timeoutCause is err, or a *timeoutError when actx's deadline passed while parent (the
// caller's context) is still live: the caller's own deadline stays the caller's error.
func timeoutCause(parent, actx context.Context, timeout time.Duration, err error) error {
	var te *timeoutError
	if errors.Is(actx.Err(), context.DeadlineExceeded) && parent.Err() == nil && !errors.As(err, &te) {
		return &timeoutError{after: timeout, err: err}
	}
	return err
}

// cancelOnClose releases an attempt's own deadline context when its response body is closed.
type cancelOnClose struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (b *cancelOnClose) Close() error {
	err := b.ReadCloser.Close()
	b.cancel()
	return err
}
