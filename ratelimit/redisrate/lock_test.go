package redisrate_test

import (
	"context"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clockify-go/clockify/ratelimit/redisrate"
)

// workspaceLocker is clockify.WorkspaceLocker, which a *Locker must satisfy by its method
// set: this module does not import the core module, so the test states the interface itself.
type workspaceLocker interface {
	Lock(ctx context.Context, key string) (unlock func(context.Context) error, err error)
}

var _ workspaceLocker = (*redisrate.Locker)(nil)

// eachRedis runs test against miniredis and against the real Redis at REDIS_ADDR (skipped
// without it, failed under CI without it). newClient returns a new connection pool, as a
// separate process would have.
func eachRedis(t *testing.T, test func(t *testing.T, newClient func() *redis.Client)) {
	t.Run("miniredis", func(t *testing.T) {
		mr := miniredis.RunT(t)
		test(t, func() *redis.Client {
			rdb := redis.NewClient(&redis.Options{Addr: mr.Addr()})
			t.Cleanup(func() { _ = rdb.Close() })
			return rdb
		})
	})
	t.Run("redis", func(t *testing.T) {
		realRedis(t)
		test(t, func() *redis.Client { return realRedis(t) })
	})
}

// lock takes key with l or fails the test, and releases it (if still held) at the end.
func lock(t *testing.T, l *redisrate.Locker, key string) func(context.Context) error {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	unlock, err := l.Lock(ctx, key)
	require.NoError(t, err)
	t.Cleanup(func() { _ = unlock(context.Background()) })
	return unlock
}

// requireHeld asserts that another process cannot take key now.
func requireHeld(t *testing.T, l *redisrate.Locker, key string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	unlock, err := l.Lock(ctx, key)
	if err == nil {
		_ = unlock(context.Background())
	}
	require.ErrorIs(t, err, redisrate.ErrNotObtained, "the lock was free")
	require.ErrorIs(t, err, context.DeadlineExceeded)
}

func TestLock_secondHolderWaitsUntilContextEnds(t *testing.T) {
	eachRedis(t, func(t *testing.T, newClient func() *redis.Client) {
		key := uniqueKey(t)
		a, b := redisrate.NewLocker(newClient(), 10*time.Second), redisrate.NewLocker(newClient(), 10*time.Second)
		unlockA := lock(t, a, key)

		ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
		defer cancel()
		unlockB, err := b.Lock(ctx, key)
		require.ErrorIs(t, err, redisrate.ErrNotObtained)
		require.ErrorIs(t, err, context.DeadlineExceeded)
		assert.NotErrorIs(t, err, redisrate.ErrRedisUnavailable)
		assert.Nil(t, unlockB)
		assert.Contains(t, err.Error(), key)
		require.NoError(t, unlockA(context.Background()))
	})
}

func TestLock_unlockLetsTheNextIn(t *testing.T) {
	eachRedis(t, func(t *testing.T, newClient func() *redis.Client) {
		key := uniqueKey(t)
		opt := redisrate.WithLockBackoff(time.Millisecond, 20*time.Millisecond)
		a, b := redisrate.NewLocker(newClient(), 10*time.Second, opt), redisrate.NewLocker(newClient(), 10*time.Second, opt)
		unlockA := lock(t, a, key)

		var released atomic.Bool
		type result struct {
			unlock        func(context.Context) error
			err           error
			afterReleased bool
		}
		got := make(chan result, 1)
		go func() {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			unlock, err := b.Lock(ctx, key)
			got <- result{unlock, err, released.Load()}
		}()
		time.Sleep(100 * time.Millisecond) // let b try (and fail) a few times first
		released.Store(true)
		require.NoError(t, unlockA(context.Background()))

		r := <-got
		require.NoError(t, r.err)
		assert.True(t, r.afterReleased, "b got the lock while a held it")
		requireHeld(t, a, key)
		require.NoError(t, r.unlock(context.Background()))
	})
}

func TestLock_cancelStopsWaiting(t *testing.T) {
	eachRedis(t, func(t *testing.T, newClient func() *redis.Client) {
		key := uniqueKey(t)
		a, b := redisrate.NewLocker(newClient(), 10*time.Second), redisrate.NewLocker(newClient(), 10*time.Second)
		lock(t, a, key) // held until the test ends: b can only return by its context

		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(50*time.Millisecond, cancel)
		_, err := b.Lock(ctx, key)
		require.ErrorIs(t, err, redisrate.ErrNotObtained)
		require.ErrorIs(t, err, context.Canceled)
	})
}

// A lease that vanished from Redis (expired while its holder could not refresh it, or
// deleted) lets another process in; the first holder's unlock says so and leaves the new
// holder's lock alone.
func TestLock_lostLeaseIsReportedByUnlock(t *testing.T) {
	eachRedis(t, func(t *testing.T, newClient func() *redis.Client) {
		key, rdb := uniqueKey(t), newClient()
		a, b := redisrate.NewLocker(newClient(), 10*time.Second), redisrate.NewLocker(newClient(), 10*time.Second)
		unlockA := lock(t, a, key)
		require.NoError(t, rdb.Del(context.Background(), redisrate.LockKeyPrefix+key).Err())
		unlockB := lock(t, b, key)

		err := unlockA(context.Background())
		require.ErrorIs(t, err, redisrate.ErrLockLost)
		assert.Contains(t, err.Error(), key)
		requireHeld(t, a, key)
		require.NoError(t, unlockB(context.Background()))
	})
}

func TestLock_secondUnlockRepeatsTheFirstAndFreesNothing(t *testing.T) {
	eachRedis(t, func(t *testing.T, newClient func() *redis.Client) {
		key := uniqueKey(t)
		a, b := redisrate.NewLocker(newClient(), 10*time.Second), redisrate.NewLocker(newClient(), 10*time.Second)
		unlockA := lock(t, a, key)
		require.NoError(t, unlockA(context.Background()))
		unlockB := lock(t, b, key)

		require.NoError(t, unlockA(context.Background()))
		requireHeld(t, a, key)
		require.NoError(t, unlockB(context.Background()))
	})
}

// A deferred unlock after a cancelled job still frees the lock at once.
func TestLock_unlockWithEndedContextStillReleases(t *testing.T) {
	eachRedis(t, func(t *testing.T, newClient func() *redis.Client) {
		key := uniqueKey(t)
		a, b := redisrate.NewLocker(newClient(), 10*time.Second), redisrate.NewLocker(newClient(), 10*time.Second)
		unlockA := lock(t, a, key)
		ended, cancel := context.WithCancel(context.Background())
		cancel()
		require.NoError(t, unlockA(ended))

		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second) // < ttl: a lapse would not do
		defer cancel()
		unlockB, err := b.Lock(ctx, key)
		require.NoError(t, err, "a's lock was not released")
		require.NoError(t, unlockB(context.Background()))
	})
}

func TestLock_keysAreIndependent(t *testing.T) {
	eachRedis(t, func(t *testing.T, newClient func() *redis.Client) {
		key := uniqueKey(t)
		a, b := redisrate.NewLocker(newClient(), 10*time.Second), redisrate.NewLocker(newClient(), 10*time.Second)
		lock(t, a, key+":ws1")
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second) // < ttl
		defer cancel()
		unlock, err := b.Lock(ctx, key+":ws2")
		require.NoError(t, err)
		require.NoError(t, unlock(context.Background()))
	})
}

// Twelve workers in four "processes" (own connection pools) take turns: never two inside.
func TestLock_manyProcessesOneAtATime(t *testing.T) {
	eachRedis(t, func(t *testing.T, newClient func() *redis.Client) {
		key := uniqueKey(t)
		var inside, most, done atomic.Int64
		var wg sync.WaitGroup
		for range 4 {
			l := redisrate.NewLocker(newClient(), 10*time.Second, redisrate.WithLockBackoff(time.Millisecond, 10*time.Millisecond))
			for range 3 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for range 5 {
						ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
						unlock, err := l.Lock(ctx, key)
						cancel()
						if !assert.NoError(t, err) {
							return
						}
						n := inside.Add(1)
						for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
						}
						time.Sleep(time.Millisecond)
						inside.Add(-1)
						assert.NoError(t, unlock(context.Background()))
						done.Add(1)
					}
				}()
			}
		}
		wg.Wait()
		assert.Equal(t, int64(60), done.Load())
		assert.Equal(t, int64(1), most.Load(), "two holders at once")
	})
}

// On miniredis time stands still unless moved: moving it to 100 ms before the lease's end
// shows the holder's refresh putting the lease back to its full length.
func TestLock_refreshKeepsTheLeaseWhileHeld(t *testing.T) {
	mr := miniredis.RunT(t)
	rdb := redis.NewClient(&redis.Options{Addr: mr.Addr()})
	t.Cleanup(func() { _ = rdb.Close() })
	a := redisrate.NewLocker(rdb, time.Second)
	unlock := lock(t, a, "ws1")
	name := redisrate.LockKeyPrefix + "ws1"

	for range 3 {
		mr.FastForward(900 * time.Millisecond)
		require.Eventually(t, func() bool { return mr.TTL(name) > 500*time.Millisecond },
			5*time.Second, 10*time.Millisecond, "lease not refreshed")
	}
	requireHeld(t, redisrate.NewLocker(rdb, time.Second), "ws1")
	require.NoError(t, unlock(context.Background()))
	assert.False(t, mr.Exists(name), "unlock left the lock in Redis")
}

// On a real Redis the lease outlives its TTL while held (it is refreshed every third of it).
func TestLock_heldBeyondTTLOnRealRedis(t *testing.T) {
	key := uniqueKey(t)
	a, b := redisrate.NewLocker(realRedis(t), time.Second), redisrate.NewLocker(realRedis(t), time.Second)
	unlock := lock(t, a, key)
	time.Sleep(2500 * time.Millisecond)
	requireHeld(t, b, key)
	require.NoError(t, unlock(context.Background()))
}

// A holder that can no longer reach Redis (crashed, partitioned) stops refreshing: the lock
// frees itself after the TTL, and the holder's unlock reports the lease as lost.
func TestLock_unreachableHolderLosesLeaseAfterTTL(t *testing.T) {
	key := uniqueKey(t)
	holder := realRedis(t)
	a, b := redisrate.NewLocker(holder, time.Second), redisrate.NewLocker(realRedis(t), time.Second)
	unlockA := lock(t, a, key)
	require.NoError(t, holder.Close())

	unlockB := lock(t, b, key) // waits for the lease to lapse
	err := unlockA(context.Background())
	require.ErrorIs(t, err, redisrate.ErrLockLost)
	require.ErrorIs(t, err, redisrate.ErrRedisUnavailable)
	require.NoError(t, unlockB(context.Background()))
}

// Redis gone during unlock, lease still fresh: the work was exclusive, the lock just could
// not be deleted now (it lapses by itself), so the error is ErrRedisUnavailable alone.
func TestLock_unlockWithRedisGoneWhileLeaseFresh(t *testing.T) {
	mr := miniredis.RunT(t)
	rdb := redis.NewClient(&redis.Options{Addr: mr.Addr(), MaxRetries: -1})
	t.Cleanup(func() { _ = rdb.Close() })
	unlock := lock(t, redisrate.NewLocker(rdb, 10*time.Second), "ws1")
	mr.Close()

	err := unlock(context.Background())
	require.ErrorIs(t, err, redisrate.ErrRedisUnavailable)
	assert.NotErrorIs(t, err, redisrate.ErrLockLost)
}

func TestLock_failsClosedWhenRedisIsGone(t *testing.T) {
	rdb, mr := miniClient(t)
	mr.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := redisrate.NewLocker(rdb, 10*time.Second).Lock(ctx, "ws1")
	require.ErrorIs(t, err, redisrate.ErrRedisUnavailable)
	assert.NotErrorIs(t, err, redisrate.ErrNotObtained, "must not wait out the context")
}

func TestLock_slowRedisFailsClosedWithinTimeout(t *testing.T) {
	rdb := redis.NewClient(&redis.Options{Addr: silentServer(t), MaxRetries: -1})
	t.Cleanup(func() { _ = rdb.Close() })
	l := redisrate.NewLocker(rdb, 10*time.Second, redisrate.WithLockTimeout(200*time.Millisecond))
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err := l.Lock(ctx, "ws1")
	require.ErrorIs(t, err, redisrate.ErrRedisUnavailable)
	assert.NotErrorIs(t, err, context.DeadlineExceeded)
}

func TestLock_slowRedisHonoursContext(t *testing.T) {
	rdb := redis.NewClient(&redis.Options{Addr: silentServer(t), MaxRetries: -1})
	t.Cleanup(func() { _ = rdb.Close() })
	l := redisrate.NewLocker(rdb, 10*time.Second) // round-trip timeout 1 s
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	_, err := l.Lock(ctx, "ws1")
	require.ErrorIs(t, err, redisrate.ErrNotObtained)
	require.ErrorIs(t, err, context.DeadlineExceeded)
}

func TestNewLocker_badArgumentsFailEveryLockAndSendNothing(t *testing.T) {
	mr := miniredis.RunT(t)
	rdb := redis.NewClient(&redis.Options{Addr: mr.Addr()})
	t.Cleanup(func() { _ = rdb.Close() })
	good := redisrate.NewLocker(rdb, 10*time.Second)
	for name, c := range map[string]struct {
		l   *redisrate.Locker
		key string
	}{
		"nil client":       {redisrate.NewLocker(nil, 10*time.Second), "ws1"},
		"typed nil":        {redisrate.NewLocker((*redis.Client)(nil), 10*time.Second), "ws1"},
		"zero ttl":         {redisrate.NewLocker(rdb, 0), "ws1"},
		"ttl below min":    {redisrate.NewLocker(rdb, redisrate.MinLockTTL-time.Millisecond), "ws1"},
		"zero min backoff": {redisrate.NewLocker(rdb, 10*time.Second, redisrate.WithLockBackoff(0, time.Second)), "ws1"},
		"max below min":    {redisrate.NewLocker(rdb, 10*time.Second, redisrate.WithLockBackoff(time.Second, time.Millisecond)), "ws1"},
		"zero timeout":     {redisrate.NewLocker(rdb, 10*time.Second, redisrate.WithLockTimeout(0)), "ws1"},
		"empty key":        {good, ""},
	} {
		t.Run(name, func(t *testing.T) {
			unlock, err := c.l.Lock(context.Background(), c.key)
			require.ErrorIs(t, err, redisrate.ErrInvalidArgument)
			assert.Nil(t, unlock)
		})
	}
	assert.Zero(t, mr.CommandCount(), "a command reached Redis")
}
