package redisrate

import (
	"context"
	"fmt"
	"time"
)

// roundTrip runs fn, one exchange with Redis, under ctx bounded by timeout, and returns its
// result, ctx's error once ctx ends, or an error saying Redis did not answer in time. fn runs
// on its own goroutine so that ctx and the timeout end the wait promptly even when the Redis
// client does not apply context deadlines to its sockets (go-redis does not by default); that
// goroutine ends with the client's own read timeout. If the caller stopped waiting and fn
// then succeeds, abandoned (when not nil) is given fn's result to undo it.
func roundTrip[T any](ctx context.Context, timeout time.Duration, fn func(context.Context) (T, error), abandoned func(T)) (T, error) {
	callCtx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	type answer struct {
		v   T
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
		v, err := fn(callCtx)
		done <- answer{v, err}
	}()
	var zero T
	select {
	case a := <-done:
		if a.err != nil {
			if ctxErr := ctx.Err(); ctxErr != nil {
				return zero, ctxErr
			}
		}
		return a.v, a.err
	case <-callCtx.Done():
		if abandoned != nil {
			go func() {
				if a := <-done; a.err == nil {
					abandoned(a.v)
				}
			}()
		}
		if ctxErr := ctx.Err(); ctxErr != nil {
			return zero, ctxErr
		}
		return zero, fmt.Errorf("no answer within %v (down, unreachable or overloaded)", timeout)
	}
}
