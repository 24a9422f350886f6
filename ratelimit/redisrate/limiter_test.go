package redisrate_test

import (
	"context"
	"errors"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clockify-go/clockify/ratelimit/redisrate"
)

// miniClient returns a client of an in-process miniredis, both closed with the test.
func miniClient(t *testing.T) (*redis.Client, *miniredis.Miniredis) {
	t.Helper()
	mr := miniredis.RunT(t)
	rdb := redis.NewClient(&redis.Options{Addr: mr.Addr()})
	t.Cleanup(func() { _ = rdb.Close() })
	return rdb, mr
}

func TestWait_admitsFirstRequestAtOnce(t *testing.T) {
	rdb, _ := miniClient(t)
	l := redisrate.New(rdb, "ws1", 50)
	start := time.Now()
	require.NoError(t, l.Wait(context.Background()))
	assert.Less(t, time.Since(start), 500*time.Millisecond)
}

func TestNew_badArgumentsFailEveryWait(t *testing.T) {
	rdb, _ := miniClient(t)
	for name, l := range map[string]*redisrate.Limiter{
		"nil client":  redisrate.New(nil, "k", 50),
		"empty key":   redisrate.New(rdb, "", 50),
		"zero rate":   redisrate.New(rdb, "k", 0),
		"negative":    redisrate.New(rdb, "k", -5),
		"typed nil":   redisrate.New((*redis.Client)(nil), "k", 50),
		"nil cluster": redisrate.New((*redis.ClusterClient)(nil), "k", 50),
	} {
		t.Run(name, func(t *testing.T) {
			err := l.Wait(context.Background())
			require.ErrorIs(t, err, redisrate.ErrInvalidArgument)
			assert.NotErrorIs(t, err, redisrate.ErrRedisUnavailable)
		})
	}
}

func TestWait_slotBeyondDeadlineFailsAtOnce(t *testing.T) {
	rdb, _ := miniClient(t)
	l := redisrate.New(rdb, "ws1", 1) // one slot per 1.05 s
	require.NoError(t, l.Wait(context.Background()))

	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	start := time.Now()
	err := l.Wait(ctx)
	require.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Less(t, time.Since(start), 200*time.Millisecond, "must not sleep towards a deadline it cannot meet")
}

func TestWait_returnsPromptlyWhenContextIsCancelled(t *testing.T) {
	rdb, _ := miniClient(t)
	l := redisrate.New(rdb, "ws1", 1)
	require.NoError(t, l.Wait(context.Background()))

	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	start := time.Now()
	err := l.Wait(ctx)
	require.ErrorIs(t, err, context.Canceled)
	assert.Less(t, time.Since(start), 500*time.Millisecond)
}

func TestWait_keysHaveIndependentBudgets(t *testing.T) {
	rdb, _ := miniClient(t)
	mustKey := func(ws, fp string) string {
		k, err := redisrate.Key(ws, fp)
		require.NoError(t, err)
		return k
	}
	a := redisrate.New(rdb, mustKey("ws1", "fp:0123456789ab"), 1)
	a2 := redisrate.New(rdb, mustKey("ws1", "fp:0123456789ab"), 1)
	b := redisrate.New(rdb, mustKey("ws1", "fp:ba9876543210"), 1)
	c := redisrate.New(rdb, mustKey("ws2", "fp:0123456789ab"), 1)
	require.NoError(t, a.Wait(context.Background()))

	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	require.ErrorIs(t, a2.Wait(ctx), context.DeadlineExceeded, "same key: the slot is taken")
	require.NoError(t, b.Wait(ctx), "other credential")
	require.NoError(t, c.Wait(ctx), "other workspace")
}

func TestWait_failsClosedWhenRedisIsGone(t *testing.T) {
	rdb, mr := miniClient(t)
	l := redisrate.New(rdb, "ws1", 50)
	require.NoError(t, l.Wait(context.Background()))
	mr.Close()

	err := l.Wait(context.Background())
	require.ErrorIs(t, err, redisrate.ErrRedisUnavailable)
	assert.Contains(t, err.Error(), "Redis")
}

// A server that accepts connections and never answers stands for a Redis that hangs.
func silentServer(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	done := make(chan struct{})
	t.Cleanup(func() { close(done); _ = ln.Close() })
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go func() { <-done; _ = conn.Close() }()
		}
	}()
	return ln.Addr().String()
}

func TestWait_slowRedisFailsClosedWithinTimeout(t *testing.T) {
	rdb := redis.NewClient(&redis.Options{Addr: silentServer(t), MaxRetries: -1})
	t.Cleanup(func() { _ = rdb.Close() })
	l := redisrate.New(rdb, "ws1", 50)
	l.SetTimeout(200 * time.Millisecond)

	start := time.Now()
	err := l.Wait(context.Background())
	require.ErrorIs(t, err, redisrate.ErrRedisUnavailable)
	assert.True(t, strings.Contains(err.Error(), "Redis"), err.Error())
	assert.Less(t, time.Since(start), time.Second)
}

func TestWait_slowRedisHonoursContextDeadline(t *testing.T) {
	rdb := redis.NewClient(&redis.Options{Addr: silentServer(t), MaxRetries: -1})
	t.Cleanup(func() { _ = rdb.Close() })
	l := redisrate.New(rdb, "ws1", 50) // default timeout 1 s, longer than the deadline

	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	err := l.Wait(ctx)
	require.True(t, errors.Is(err, context.DeadlineExceeded), "got %v", err)
	assert.Less(t, time.Since(start), 500*time.Millisecond)
}

// The method set clockify.RateLimiter asks for. This module does not import the core module,
// so the test states the interface itself; the core's RateLimiter is exactly this.
type rateLimiter interface {
	Wait(ctx context.Context) error
}

var _ rateLimiter = (*redisrate.Limiter)(nil)

// A Limiter that cannot ask Redis admits nothing, so a client using it sends nothing: every
// Wait fails with ErrRedisUnavailable until Redis is back, and the error names the key only.
func TestWait_admitsNothingWhileRedisIsGone(t *testing.T) {
	rdb, mr := miniClient(t)
	key, err := redisrate.Key("ws1", "fp:0123456789ab")
	require.NoError(t, err)
	var l rateLimiter = redisrate.New(rdb, key, 50)
	require.NoError(t, l.Wait(context.Background()))
	mr.Close()

	for range 3 {
		err := l.Wait(context.Background())
		require.ErrorIs(t, err, redisrate.ErrRedisUnavailable)
		assert.Contains(t, err.Error(), key)
	}
	require.NoError(t, mr.Restart())
	require.NoError(t, l.Wait(context.Background()), "works again once Redis is back")
}
