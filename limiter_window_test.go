package clockify

import (
	"context"
	"errors"
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
	assert.LessOrEqual(t, maxInWindow(sent, time.Second), ClockifyRateLimit)
	assert.LessOrEqual(t, maxInWindow(sent, defaultWindow), ClockifyRateLimit, "50 ms of slack for jitter")
	perSecond := float64(len(sent)-1) / sent[len(sent)-1].Sub(sent[0]).Seconds()
	t.Logf("%.2f requests per second; at most %d in a 1 s window", perSecond, maxInWindow(sent, time.Second))
	assert.InDelta(t, DefaultRateLimit, perSecond, 0.1)

	// The plain token bucket this replaces admits 51.
	plain := rate.NewLimiter(ClockifyRateLimit, 1)
	now, sent = start, nil
	for range 200 {
		r := plain.ReserveN(now, 1)
		now = now.Add(r.DelayFrom(now))
		sent = append(sent, now)
	}
	assert.Greater(t, maxInWindow(sent, time.Second), ClockifyRateLimit)
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
