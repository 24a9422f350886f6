package redisrate_test

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clockify-go/clockify/ratelimit/redisrate"
)

// Stopping Redis mid-run: waiters get errors naming Redis, none is admitted while it is
// down, and the limiter works again once Redis is back.
func TestWait_failsClosedWhileRedisIsDown(t *testing.T) {
	srv := startRedisProcess(t)
	rdb := redis.NewClient(&redis.Options{Addr: srv.addr()})
	t.Cleanup(func() { _ = rdb.Close() })
	key, err := redisrate.Key("ws1", fingerprint)
	require.NoError(t, err)
	l := redisrate.New(rdb, key, 50)

	var stopped atomic.Bool
	var admittedWhileDown, admitted, failures atomic.Int64
	var errMu sync.Mutex
	var firstErr error
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				err := l.Wait(ctx)
				switch {
				case err == nil && stopped.Load():
					admittedWhileDown.Add(1)
				case err == nil:
					admitted.Add(1)
				case errors.Is(err, context.Canceled):
				default:
					failures.Add(1)
					errMu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					errMu.Unlock()
					time.Sleep(10 * time.Millisecond)
				}
			}
		}()
	}

	time.Sleep(500 * time.Millisecond)
	srv.stop()
	stopped.Store(true)
	time.Sleep(2 * time.Second)
	cancel()
	wg.Wait()

	assert.Positive(t, admitted.Load(), "admitted before the outage")
	assert.Zero(t, admittedWhileDown.Load(), "admitted without Redis: an unlimited mode")
	require.Positive(t, failures.Load(), "no error while Redis was down")
	err = firstErr
	require.ErrorIs(t, err, redisrate.ErrRedisUnavailable)
	assert.Contains(t, err.Error(), "Redis")
	assert.Contains(t, err.Error(), key, "the error names the budget")
	t.Logf("before outage: %d admitted; during 2 s outage: %d errors, first: %v",
		admitted.Load(), failures.Load(), err)

	srv.start()
	waitCtx, waitCancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer waitCancel()
	for {
		err := l.Wait(waitCtx)
		if err == nil {
			break
		}
		require.ErrorIs(t, err, redisrate.ErrRedisUnavailable, "recovering after Redis restarted")
		time.Sleep(50 * time.Millisecond)
	}
}
