package clockify_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clockify-go/clockify"
)

// stallingServer counts requests and runs handle; it stops stalling handlers when the test ends.
func stallingServer(t *testing.T, handle func(w http.ResponseWriter, r *http.Request, done <-chan struct{})) (*httptest.Server, *atomic.Int32) {
	t.Helper()
	done := make(chan struct{})
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		handle(w, r, done)
	}))
	t.Cleanup(func() { close(done); srv.Close() })
	return srv, &n
}

func timeoutClient(t *testing.T, url string, timeout time.Duration, opts ...clockify.Option) *clockify.Client {
	t.Helper()
	opts = append([]clockify.Option{clockify.WithAPIKey("timeout-test-key"), clockify.WithBaseURL(url),
		clockify.WithHTTPClient(&http.Client{Timeout: timeout}), clockify.WithoutRateLimit()}, opts...)
	c, err := clockify.NewClient(opts...)
	require.NoError(t, err)
	return c
}

// assertTimeout checks that err says what the http.Client's Timeout says: a net.Error whose
// Timeout is true, matching context.DeadlineExceeded, with "timeout" in its message.
func assertTimeout(t *testing.T, err error) {
	t.Helper()
	require.Error(t, err)
	var ne net.Error
	require.ErrorAs(t, err, &ne)
	assert.True(t, ne.Timeout(), "%v", err)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Contains(t, strings.ToLower(err.Error()), "timeout")
}

func TestHTTPClientTimeout_noAnswerIsATimeout(t *testing.T) {
	srv, n := stallingServer(t, func(w http.ResponseWriter, r *http.Request, done <-chan struct{}) { <-done })
	c := timeoutClient(t, srv.URL, 50*time.Millisecond, clockify.WithoutRetry())
	_, _, err := c.Members.Current(context.Background())
	assertTimeout(t, err)
	assert.EqualValues(t, 1, n.Load())
}

func TestHTTPClientTimeout_stalledBodyIsATimeout(t *testing.T) {
	srv, _ := stallingServer(t, func(w http.ResponseWriter, r *http.Request, done <-chan struct{}) {
		w.Write([]byte(`{"id":"u1","email":`))
		w.(http.Flusher).Flush()
		<-done
	})
	c := timeoutClient(t, srv.URL, 50*time.Millisecond, clockify.WithoutRetry())
	_, _, err := c.Members.Current(context.Background())
	assertTimeout(t, err)
}

func TestHTTPClientTimeout_appliesToEachAttempt(t *testing.T) {
	var seen atomic.Int32
	srv, _ := stallingServer(t, func(w http.ResponseWriter, r *http.Request, done <-chan struct{}) {
		if seen.Add(1) <= 2 {
			<-done // the first two attempts never get an answer
			return
		}
		w.Write([]byte(`{"id":"u1"}`))
	})
	c := timeoutClient(t, srv.URL, 100*time.Millisecond,
		clockify.WithRetry(clockify.RetryPolicy{MaxRetries: 5, MinWait: time.Millisecond, MaxWait: time.Millisecond}))
	u, _, err := c.Members.Current(context.Background())
	require.NoError(t, err, "every attempt gets the whole timeout, and a timed-out GET is retried")
	assert.Equal(t, "u1", u.ID)
	assert.GreaterOrEqual(t, seen.Load(), int32(3))
}

func TestHTTPClientTimeout_slowButInTimeSucceeds(t *testing.T) {
	srv, _ := stallingServer(t, func(w http.ResponseWriter, r *http.Request, done <-chan struct{}) {
		time.Sleep(20 * time.Millisecond)
		w.Write([]byte(`{"id":"u1"}`))
	})
	c := timeoutClient(t, srv.URL, 10*time.Second)
	u, _, err := c.Members.Current(context.Background())
	require.NoError(t, err)
	assert.Equal(t, "u1", u.ID)
}

func TestHTTPClientTimeout_callersDeadlineStaysTheCallers(t *testing.T) {
	srv, _ := stallingServer(t, func(w http.ResponseWriter, r *http.Request, done <-chan struct{}) { <-done })
	c := timeoutClient(t, srv.URL, time.Hour)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	_, _, err := c.Members.Current(ctx)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	var ne net.Error
	if errors.As(err, &ne) {
		assert.NotContains(t, err.Error(), "Client.Timeout", "the caller's deadline is not the client's timeout")
	}
}

// The caller's context decides how the timeout is applied (a deadline of the attempt's own for a
// context that can be cancelled, a shared one for context.Background); both must behave alike.
func TestHTTPClientTimeout_cancellableContextToo(t *testing.T) {
	var calls atomic.Int32
	srv, _ := stallingServer(t, func(w http.ResponseWriter, r *http.Request, done <-chan struct{}) {
		if calls.Add(1) == 2 { // the second call stalls in the middle of its body
			w.Write([]byte(`{"id":"u1","email":`))
			w.(http.Flusher).Flush()
		}
		<-done
	})
	c := timeoutClient(t, srv.URL, 50*time.Millisecond, clockify.WithoutRetry())
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	for range 2 {
		_, _, err := c.Members.Current(ctx)
		assertTimeout(t, err)
	}
	assert.NoError(t, ctx.Err(), "the caller's context is not cancelled by the client's timeout")
}

func TestHTTPClientTimeout_neverCutsAnAttemptShort(t *testing.T) {
	const timeout = time.Second // generous: the server's 2/3 of it must fit even on a loaded machine
	srv, _ := stallingServer(t, func(w http.ResponseWriter, r *http.Request, done <-chan struct{}) {
		time.Sleep(timeout * 2 / 3)
		w.Write([]byte(`{"id":"u1"}`))
	})
	c := timeoutClient(t, srv.URL, timeout, clockify.WithoutRetry())
	// Calls side by side and one after another, so that attempts start while deadlines shared
	// with earlier ones are still running: each must still get its whole timeout.
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 3 {
				_, _, err := c.Members.Current(context.Background())
				assert.NoError(t, err, "caller %d, call %d", g, i)
			}
		}()
	}
	wg.Wait()
}

func TestHTTPClientTimeout_notBeforeTheTimeout(t *testing.T) {
	const timeout = 100 * time.Millisecond
	srv, _ := stallingServer(t, func(w http.ResponseWriter, r *http.Request, done <-chan struct{}) { <-done })
	c := timeoutClient(t, srv.URL, timeout, clockify.WithoutRetry())
	for range 3 {
		start := time.Now()
		_, _, err := c.Members.Current(context.Background())
		assertTimeout(t, err)
		assert.GreaterOrEqual(t, time.Since(start), timeout)
	}
}

// roundTripFunc is an http.RoundTripper made of a function.
type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestHTTPClientTimeout_callersTransportSeesValuesAndDeadline(t *testing.T) {
	type key struct{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.Write([]byte(`{"id":"u1"}`)) }))
	t.Cleanup(srv.Close)
	var value any
	var deadline time.Time
	var hasDeadline bool
	hc := &http.Client{Timeout: time.Minute, Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		value = r.Context().Value(key{})
		deadline, hasDeadline = r.Context().Deadline()
		return http.DefaultTransport.RoundTrip(r)
	})}
	c, err := clockify.NewClient(clockify.WithAPIKey("k"), clockify.WithBaseURL(srv.URL), clockify.WithHTTPClient(hc), clockify.WithoutRateLimit())
	require.NoError(t, err)
	start := time.Now()
	_, _, err = c.Members.Current(context.WithValue(context.Background(), key{}, "mine"))
	require.NoError(t, err)
	assert.Equal(t, "mine", value, "the caller's context values reach its transport")
	require.True(t, hasDeadline, "the request carries the attempt's deadline")
	assert.WithinRange(t, deadline, start.Add(time.Minute), time.Now().Add(time.Minute+time.Minute/64))
}
