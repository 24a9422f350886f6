package clockify

import (
	"context"
	"errors"
	"net/http"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/time/rate"
)

// maxInWindow is the most of the sorted times that fall in any closed window [t, t+w].
func maxInWindow(times []time.Time, w time.Duration) int {
	most, j := 0, 0
	for i := range times {
		for times[i].Sub(times[j]) > w {
			j++
		}
		most = max(most, i-j+1)
	}
	return most
}

// On a fake clock: callers that always want to send (the worst case) get at most 50 starts in
// any one-second window, and 50 in any 1.05 s window, at no less than 90 % of 50/s.
func TestDefaultLimiter_neverMoreThan50InAnySecond(t *testing.T) {
	lim := defaultLimiter()
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	now := start
	var sent []time.Time
	for range 5000 {
		r := lim.ReserveN(now, 1)
		require.True(t, r.OK())
		now = now.Add(r.DelayFrom(now))
		sent = append(sent, now)
	}
	assert.LessOrEqual(t, maxInWindow(sent, time.Second), DefaultRateLimit)
	assert.LessOrEqual(t, maxInWindow(sent, defaultWindow), DefaultRateLimit, "50 ms of slack for jitter")
	perSecond := float64(len(sent)-1) / sent[len(sent)-1].Sub(sent[0]).Seconds()
	t.Logf("%.2f requests per second; at most %d in a 1 s window", perSecond, maxInWindow(sent, time.Second))
	assert.GreaterOrEqual(t, perSecond, 0.9*DefaultRateLimit)

	// The plain token bucket this replaces admits 51.
	plain := rate.NewLimiter(DefaultRateLimit, 1)
	now, sent = start, nil
	for range 200 {
		r := plain.ReserveN(now, 1)
		now = now.Add(r.DelayFrom(now))
		sent = append(sent, now)
	}
	assert.Greater(t, maxInWindow(sent, time.Second), DefaultRateLimit)
}

// recordingTransport notes when each request leaves the client for the network.
type recordingTransport struct {
	mu   sync.Mutex
	sent []time.Time
	next http.RoundTripper
}

func (rt *recordingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	rt.mu.Lock()
	rt.sent = append(rt.sent, time.Now())
	rt.mu.Unlock()
	return rt.next.RoundTrip(r)
}

// Through a real client: concurrent calls with the default limiter leave for the network at
// most 50 in any one-second window. (Arrival at the server adds the network's jitter, which
// the 50 ms of slack in the default pace is for.)
func TestNewClient_defaultLimiterOnTheWire(t *testing.T) {
	if testing.Short() {
		t.Skip("paces 100 requests (2 s)")
	}
	srv := newTestServer(t)
	srv.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) {
		_, _ = w.Write([]byte(`{"id":"u1"}`))
	})
	rt := &recordingTransport{next: http.DefaultTransport}
	client, err := NewClient(WithBaseURL(srv.URL), WithAPIKey(testKey), WithHTTPClient(&http.Client{Transport: rt}))
	require.NoError(t, err)
	var wg sync.WaitGroup
	for range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 10 {
				_, err := client.call(ctx, getUser)
				assert.NoError(t, err)
			}
		}()
	}
	wg.Wait()
	rt.mu.Lock()
	defer rt.mu.Unlock()
	sort.Slice(rt.sent, func(i, j int) bool { return rt.sent[i].Before(rt.sent[j]) })
	require.Len(t, rt.sent, 100)
	assert.LessOrEqual(t, maxInWindow(rt.sent, time.Second), DefaultRateLimit)
	assert.Equal(t, 100, srv.count("GET /v1/user"))
}

// A limiter that fails for its own reasons (a shared store being down) is not reported as a
// timeout, even when the context has a deadline; rate.Limiter's early refusal is.
func TestRateLimiter_ownFailureUnderDeadlineIsNotDeadlineExceeded(t *testing.T) {
	down := errors.New("redis: connection refused")
	client, srv := setupServer(t, WithRateLimiter(limiterFunc(func(context.Context) error { return down })))
	dctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	_, err := client.call(dctx, getUser)
	require.ErrorIs(t, err, down)
	assert.NotErrorIs(t, err, context.DeadlineExceeded)
	assert.Empty(t, srv.sent())

	lim := rate.NewLimiter(rate.Every(time.Hour), 1)
	require.True(t, lim.Allow())
	client, _ = setupServer(t, WithRateLimiter(lim))
	_, err = client.call(dctx, getUser)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	// Also through a wrapper, such as one that records admissions.
	client, _ = setupServer(t, WithRateLimiter(limiterFunc(lim.Wait)))
	_, err = client.call(dctx, getUser)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
}
