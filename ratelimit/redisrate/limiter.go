package redisrate

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"time"

	"github.com/clockify-go/clockify"
	"github.com/go-redis/redis_rate/v10"
	"github.com/redis/go-redis/v9"
)

// ErrRedisUnavailable is matched (errors.Is) by every error Wait returns because Redis could
// not be asked: connection refused, timeout, a failed script. Wait then fails closed: the
// request is not sent.
var ErrRedisUnavailable = errors.New("redisrate: Redis unavailable")

// DefaultTimeout bounds one round trip to Redis in Wait (see SetTimeout).
const DefaultTimeout = time.Second

// Slack is how far apart in time perSecond+1 admissions always are beyond one second: the
// limiter admits at most perSecond requests in any window of 1 s + Slack, so requests that
// drift by up to Slack between admission and reaching Clockify still never exceed perSecond
// in any one-second window.
const Slack = 50 * time.Millisecond

// Limiter is a clockify.RateLimiter whose budget lives in Redis, shared by every Limiter (in
// any process) built with the same key and perSecond. It is safe for concurrent use.
type Limiter struct {
	rl        *redis_rate.Limiter
	key       string
	perSecond int
	limit     redis_rate.Limit
	timeout   time.Duration
	invalid   error // why New's arguments cannot work; returned by every Wait
}

var _ clockify.RateLimiter = (*Limiter)(nil)

// New returns a limiter admitting at most perSecond requests in any one-second window across
// every Limiter sharing rdb's server and key, at no less than 90 % of perSecond when busy
// (see the package doc for the exact figures). Use Key to build key from the workspace and
// the credential; every Limiter on one key must use the same perSecond. Bad arguments (nil
// rdb, empty key, perSecond < 1) make every Wait return a *clockify.ValidationError.
func New(rdb redis.UniversalClient, key string, perSecond int) *Limiter {
	l := &Limiter{key: key, perSecond: perSecond, timeout: DefaultTimeout}
	switch {
	case isNil(rdb):
		l.invalid = &clockify.ValidationError{Field: "redis client", Reason: "must not be nil"}
	case key == "":
		l.invalid = &clockify.ValidationError{Field: "rate limit key", Reason: "must not be empty"}
	case perSecond < 1:
		l.invalid = &clockify.ValidationError{Field: "rate limit", Reason: fmt.Sprintf("needs perSecond >= 1, got %d", perSecond)}
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
// The call runs on its own goroutine so that ctx and the timeout end the wait promptly even
// when the Redis client does not apply context deadlines to its sockets (go-redis does not
// by default); the goroutine ends with the Redis client's own read timeout.
func (l *Limiter) allow(ctx context.Context) (time.Duration, error) {
	callCtx, cancel := context.WithTimeout(ctx, l.timeout)
	defer cancel()
	type answer struct {
		res *redis_rate.Result
		err error
	}
	done := make(chan answer, 1)
	go func() {
		defer func() {
			// A panic here would kill the caller's process from a goroutine it cannot guard.
			if p := recover(); p != nil {
				done <- answer{err: fmt.Errorf("redis client panicked: %v", p)}
			}
		}()
		res, err := l.rl.Allow(callCtx, l.key, l.limit)
		done <- answer{res, err}
	}()
	select {
	case a := <-done:
		if a.err != nil {
			if ctxErr := ctx.Err(); ctxErr != nil {
				return 0, ctxErr
			}
			return 0, fmt.Errorf("%w (key %q): %w", ErrRedisUnavailable, l.key, a.err)
		}
		if a.res.Allowed > 0 {
			return 0, nil
		}
		return max(a.res.RetryAfter, time.Microsecond), nil
	case <-callCtx.Done():
		if ctxErr := ctx.Err(); ctxErr != nil {
			return 0, ctxErr
		}
		return 0, fmt.Errorf("%w (key %q): no answer within %v (down, unreachable or overloaded)", ErrRedisUnavailable, l.key, l.timeout)
	}
}

// isNil reports a nil interface or one holding a nil pointer (a typed nil *redis.Client).
func isNil(rdb redis.UniversalClient) bool {
	if rdb == nil {
		return true
	}
	v := reflect.ValueOf(rdb)
	return v.Kind() == reflect.Pointer && v.IsNil()
}
