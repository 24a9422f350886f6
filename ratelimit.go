package clockify

import (
	"context"
	"fmt"
)

const (
	// DefaultRateLimit is Clockify's documented limit for paid workspaces, in requests per
	// second per client (https://clockify.me/help/fr/getting-started/webhook-and-api-limitations).
	DefaultRateLimit = 50
	// DefaultRateBurst is the default limiter's burst. Requests are spaced evenly (one every
	// 20 ms) rather than sent in bursts: Clockify's own accounting of "50 per second" is not
	// documented, and a full burst on top of the steady rate lets a bulk job overrun it and
	// collect 429s it never needed.
	DefaultRateBurst = 1
)

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
		if _, ok := ctx.Deadline(); ok {
			// rate.Limiter refuses early a wait that would outlast the deadline; to the
			// caller that is the deadline being exceeded.
			return &limiterError{fmt.Errorf("%w: %w", context.DeadlineExceeded, err)}
		}
		return &limiterError{err}
	}
	return nil
}
