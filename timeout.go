package clockify

import (
	"context"
	"errors"
	"io"
	"net/http"
	"sync"
	"sync/atomic"
	"time"
)

// The http.Client's Timeout (60 s by default) limits each attempt of a call: sending it,
// following redirects and reading the answer, as net/http would. The limiter's wait before an
// attempt does not count. authTransport applies it, because net/http's own timeout around a
// wrapping RoundTripper is its slow path (a goroutine, a timer and two channels per request).
//
// A caller's context that can be cancelled gets a deadline context of its own per attempt.
// One that never can (context.Background and values derived from it, the common case) shares
// a deadline with the attempts that started close to it: each attempt's deadline is rounded up
// by at most 1/64 of the timeout (under a second of the default 60 s), so one timer serves
// many requests instead of each paying for a timer, a channel and the bookkeeping net/http
// adds under a cancellable context.

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
	if ctx.Done() == nil {
		return &sharedDeadlineCtx{Context: ctx, deadline: c.deadlines.after(deadline, c.timeout/64)}, nil
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

// sharedDeadlineCtx is an attempt's context under a shared deadline: values come from the
// request's own context (which can never be cancelled), and Deadline, Done and Err from the
// shared deadline.
type sharedDeadlineCtx struct {
	context.Context
	deadline context.Context
}

func (s *sharedDeadlineCtx) Deadline() (time.Time, bool) { return s.deadline.Deadline() }
func (s *sharedDeadlineCtx) Done() <-chan struct{}       { return s.deadline.Done() }
func (s *sharedDeadlineCtx) Err() error                  { return s.deadline.Err() }

// Value asks the deadline first: a context made by context.WithDeadline(context.Background())
// answers no key but the context package's own, which lets the context net/http derives for
// each request join the shared deadline directly (rather than watch it from a goroutine).
func (s *sharedDeadlineCtx) Value(key any) any {
	if v := s.deadline.Value(key); v != nil {
		return v
	}
	return s.Context.Value(key)
}

// sharedDeadlines hands out the shared deadline contexts; its zero value is ready.
type sharedDeadlines struct {
	mu  sync.Mutex
	cur atomic.Pointer[sharedDeadline]
}

type sharedDeadline struct {
	at     time.Time
	ctx    context.Context
	cancel context.CancelFunc // never called: the context ends at its deadline
}

// after is a context that ends no sooner than at and at most slack after it.
func (s *sharedDeadlines) after(at time.Time, slack time.Duration) context.Context {
	fits := func(d *sharedDeadline) bool { return d != nil && !d.at.Before(at) && d.at.Sub(at) <= slack }
	if d := s.cur.Load(); fits(d) {
		return d.ctx
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	cur := s.cur.Load()
	if fits(cur) {
		return cur.ctx
	}
	d := &sharedDeadline{at: at.Add(slack)}
	d.ctx, d.cancel = context.WithDeadline(context.Background(), d.at)
	if cur == nil || d.at.After(cur.at) {
		s.cur.Store(d) // later attempts fit it; an earlier straggler's does not replace it
	}
	return d.ctx
}
