package clockify

import (
	"context"
	"fmt"
	"strings"
	"time"

	"golang.org/x/time/rate"
)

const (
	// ClockifyRateLimit is Clockify's documented limit for paid workspaces, in requests per
	// second per API key and workspace
	// (https://clockify.me/help/getting-started/webhook-and-api-limitations).
	ClockifyRateLimit = 50
	// DefaultRateLimit is the pace of a client given no pace option, in requests per second:
	// ClockifyRateLimit-1 requests spread over 1.05 s (46.7/s), which stays below the limit for
	// any reading of "per second"; see defaultLimiter.
	DefaultRateLimit = (ClockifyRateLimit - 1) / 1.05
	// DefaultRateBurst is the default limiter's burst: requests are spaced evenly rather than
	// sent in bursts, since a burst on top of the steady rate lets a bulk job overrun the limit
	// and collect 429s it never needed.
	DefaultRateBurst = 1

	// defaultWindow is the window over which the default limiter spreads ClockifyRateLimit-1
	// requests, as the redisrate module does: 50 ms beyond one second absorb the jitter
	// between being admitted and reaching Clockify.
	defaultWindow = 1050 * time.Millisecond
)

// defaultLimiter paces a client that was given no limiter. How Clockify counts "50 requests
// per second" is not documented, and a token bucket at exactly 50/s with burst 1 admits 51
// requests in a closed one-second window (at 0, 20, …, 1000 ms). So requests are spaced
// 1.05 s / 49 = 21.4 ms apart: at most 47 start in any one-second window and at most 50 in
// any 1.05 s window, at 46.7 requests per second (93 % of the limit) when busy.
func defaultLimiter() *rate.Limiter {
	return rate.NewLimiter(rate.Every(defaultWindow/(ClockifyRateLimit-1)), DefaultRateBurst)
}

// RateLimiter paces outgoing requests; *rate.Limiter from golang.org/x/time/rate is one. Wait
// blocks until a request may be sent or ctx ends.
type RateLimiter interface {
	Wait(ctx context.Context) error
}

type unlimited struct{}

func (unlimited) Wait(ctx context.Context) error { return ctx.Err() }

// limiterError is a failure of the client's RateLimiter: the request was not sent, and
// retrying would only fail the same way.
type limiterError struct{ err error }

func (e *limiterError) Error() string { return "rate limiter: " + e.err.Error() }
func (e *limiterError) Unwrap() error { return e.err }

// wait paces one attempt. It runs outside the http.Client, so its Timeout does not count the
// time spent waiting for the limiter (a Free-plan pace of one request per two minutes would
// otherwise always exceed the default 60 s timeout).
func (c *Client) wait(ctx context.Context) error {
	if err := c.limiter.Wait(ctx); err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		if wouldExceedDeadline(err) {
			return &limiterError{fmt.Errorf("%w: %w", context.DeadlineExceeded, err)}
		}
		return &limiterError{err}
	}
	return nil
}

// wouldExceedDeadline reports x/time/rate's early refusal of a wait that would outlast the
// context's deadline ("rate: Wait(n=1) would exceed context deadline"), also from a limiter
// wrapping a *rate.Limiter: to the caller that is the deadline being exceeded. Any other
// failure (a shared limiter's store being down, say) stays what it is, deadline or not.
func wouldExceedDeadline(err error) bool {
	msg := err.Error()
	return strings.HasPrefix(msg, "rate: Wait(n=") && strings.HasSuffix(msg, "would exceed context deadline")
}
