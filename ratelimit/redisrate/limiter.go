package redisrate

import (
	"context"
	"fmt"
	"reflect"
	"time"

	"github.com/go-redis/redis_rate/v10"
	"github.com/redis/go-redis/v9"
)

// DefaultTimeout bounds one round trip to Redis in Wait (see SetTimeout) and, unless
// WithLockTimeout says otherwise, in a Locker.
const DefaultTimeout = time.Second

// Slack is how far apart in time perSecond+1 admissions always are beyond one second: the
// limiter admits at most perSecond requests in any window of 1 s + Slack, so requests that
// drift by up to Slack between admission and reaching Clockify still never exceed perSecond
// in any one-second window.
const Slack = 50 * time.Millisecond

// Limiter is a clockify.RateLimiter whose budget lives in Redis, shared by every Limiter (in
// any process) built with the same key and perSecond. It is safe for concurrent use. It
// satisfies clockify.RateLimiter by its method set (Wait(ctx context.Context) error), so
// this module needs no import of the core module.
type Limiter struct {
	rl        *redis_rate.Limiter
	key       string
	perSecond int
	limit     redis_rate.Limit
	timeout   time.Duration
	invalid   error // why New's arguments cannot work; returned by every Wait
}

// New returns a limiter admitting at most perSecond requests in any one-second window across
// every Limiter sharing rdb's server and key, at no less than 90 % of perSecond when busy
// (see the package doc for the exact figures). Use Key to build key from the workspace and
// the credential's fingerprint; every Limiter on one key must use the same perSecond. Bad
// arguments (nil rdb, empty key, perSecond < 1) make every Wait return an error matching
// ErrInvalidArgument.
func New(rdb redis.UniversalClient, key string, perSecond int) *Limiter {
	l := &Limiter{key: key, perSecond: perSecond, timeout: DefaultTimeout}
	switch {
	case isNil(rdb):
		l.invalid = fmt.Errorf("%w: redis client must not be nil", ErrInvalidArgument)
	case key == "":
		l.invalid = fmt.Errorf("%w: rate limit key must not be empty", ErrInvalidArgument)
	case perSecond < 1:
		l.invalid = fmt.Errorf("%w: rate limit needs perSecond >= 1, got %d", ErrInvalidArgument, perSecond)
	default:
		l.rl = redis_rate.NewLimiter(rdb)
		l.limit = gcraLimit(perSecond)
	}
	return l
}

// gcraLimit picks the GCRA parameters. With burst b and emission interval T, GCRA admits at
// most b + floor(W/T) requests in any window of length W. Spreading perSecond-b+1 intervals
// over 1 s + Slack therefore admits at most perSecond in any window shorter than 1 s + Slack.
// Burst 2 lets a waiter that wakes late (timer and round-trip latency) catch up instead of
// pushing every later slot back; it costs one slot per second, which only pays at high rates.
func gcraLimit(perSecond int) redis_rate.Limit {
	burst := 1
	if perSecond >= 20 {
		burst = 2
	}
	return redis_rate.Limit{Rate: perSecond - burst + 1, Burst: burst, Period: time.Second + Slack}
}

// SetTimeout bounds each round trip to Redis in Wait (default DefaultTimeout); a slower
// answer fails closed with ErrRedisUnavailable. Call it before the limiter is shared.
func (l *Limiter) SetTimeout(d time.Duration) {
	if d > 0 {
		l.timeout = d
	}
}

// Wait blocks until the shared budget admits one request, and returns nil. It returns
// ctx's error as soon as ctx ends, and at once (wrapping context.DeadlineExceeded) when the
// next free slot lies beyond ctx's deadline. When Redis cannot be asked it returns an error
// matching ErrRedisUnavailable: it fails closed, never admitting a request unpaced.
func (l *Limiter) Wait(ctx context.Context) error {
	if l.invalid != nil {
		return l.invalid
	}
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		retryAfter, err := l.allow(ctx)
		if err != nil {
			return err
		}
		if retryAfter <= 0 {
			return nil
		}
		if dl, ok := ctx.Deadline(); ok && time.Until(dl) < retryAfter {
			return fmt.Errorf("redisrate: next slot in %v is after the context deadline: %w",
				retryAfter.Round(time.Millisecond), context.DeadlineExceeded)
		}
		t := time.NewTimer(retryAfter)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
	}
}

// allow asks Redis for one slot and returns 0 when admitted, else how long until the next.
func (l *Limiter) allow(ctx context.Context) (time.Duration, error) {
	res, err := roundTrip(ctx, l.timeout, func(ctx context.Context) (*redis_rate.Result, error) {
		return l.rl.Allow(ctx, l.key, l.limit)
	}, nil)
	if err != nil {
		if ctxErr := ctx.Err(); ctxErr != nil {
			return 0, ctxErr
		}
		return 0, fmt.Errorf("%w (key %q): %w", ErrRedisUnavailable, l.key, err)
	}
	if res.Allowed > 0 {
		return 0, nil
	}
	return max(res.RetryAfter, time.Microsecond), nil
}

// isNil reports a nil interface or one holding a nil pointer (a typed nil *redis.Client).
func isNil(rdb redis.UniversalClient) bool {
	if rdb == nil {
		return true
	}
	v := reflect.ValueOf(rdb)
	return v.Kind() == reflect.Pointer && v.IsNil()
}
