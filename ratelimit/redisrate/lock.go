package redisrate

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/bsm/redislock"
	"github.com/redis/go-redis/v9"
)

// LockKeyPrefix is put before the key given to Locker.Lock to name the lock in Redis, so that
// locks do not collide with the budgets of Limiters or with other data in the same Redis.
const LockKeyPrefix = "clockify:lock:"

// MinLockTTL is the shortest lease NewLocker accepts: the lease is refreshed every third of
// it, and a shorter one would expire on an ordinary network hiccup.
const MinLockTTL = time.Second

// Default backoff between two tries of a lock held by another process (see WithLockBackoff).
const (
	DefaultLockMinBackoff = 16 * time.Millisecond
	DefaultLockMaxBackoff = time.Second
)

// Locker serialises work on one key (a workspace's roster applies, say) across processes
// sharing one Redis. Its Lock method has the signature of clockify.WorkspaceLocker, so a
// *Locker can be passed where the core module asks for one. It is safe for concurrent use.
//
// The lock itself is github.com/bsm/redislock (SET NX PX with a random token; refresh and
// release are scripts that act only while the token still matches), so a lock is only ever
// released or extended by its holder. Holding it is a lease: see NewLocker.
type Locker struct {
	client     *redislock.Client
	ttl        time.Duration
	minBackoff time.Duration
	maxBackoff time.Duration
	timeout    time.Duration
	invalid    error // why NewLocker's arguments cannot work; returned by every Lock
}

// LockerOption configures a Locker.
type LockerOption func(*Locker)

// WithLockBackoff sets how long Lock waits between two tries of a lock held by another
// process: it starts at min and doubles up to max (defaults DefaultLockMinBackoff and
// DefaultLockMaxBackoff). A waiter therefore gets the lock at most max after it is released.
// min <= 0 or max < min make every Lock fail with ErrInvalidArgument.
func WithLockBackoff(min, max time.Duration) LockerOption {
	return func(l *Locker) {
		if min <= 0 || max < min {
			l.invalid = fmt.Errorf("%w: lock backoff needs 0 < min <= max, got %v and %v", ErrInvalidArgument, min, max)
			return
		}
		l.minBackoff, l.maxBackoff = min, max
	}
}

// WithLockTimeout bounds each round trip to Redis made by a Locker (default DefaultTimeout);
// a slower answer fails closed with ErrRedisUnavailable. d <= 0 makes every Lock fail with
// ErrInvalidArgument.
func WithLockTimeout(d time.Duration) LockerOption {
	return func(l *Locker) {
		if d <= 0 {
			l.invalid = fmt.Errorf("%w: lock timeout must be positive, got %v", ErrInvalidArgument, d)
			return
		}
		l.timeout = d
	}
}

// NewLocker returns a Locker whose locks live in rdb as leases of ttl. While a lock is held
// its lease is refreshed every ttl/3, so work may take any time; if the holding process dies,
// the lock frees itself ttl after the last refresh. If Redis cannot be reached for a whole
// ttl the lease may lapse and another process may take the lock: the holder learns it from
// its unlock function (ErrLockLost). Choose ttl well above the Redis outages you expect to
// ride out and well below how long the others may wait after a crash. Bad arguments (nil
// rdb, ttl < MinLockTTL, a bad option) make every Lock return an error matching
// ErrInvalidArgument.
func NewLocker(rdb redis.UniversalClient, ttl time.Duration, opts ...LockerOption) *Locker {
	l := &Locker{ttl: ttl, minBackoff: DefaultLockMinBackoff, maxBackoff: DefaultLockMaxBackoff, timeout: DefaultTimeout}
	for _, opt := range opts {
		if opt != nil {
			opt(l)
		}
	}
	switch {
	case l.invalid != nil:
	case isNil(rdb):
		l.invalid = fmt.Errorf("%w: redis client must not be nil", ErrInvalidArgument)
	case ttl < MinLockTTL:
		l.invalid = fmt.Errorf("%w: lock ttl must be at least %v, got %v", ErrInvalidArgument, MinLockTTL, ttl)
	default:
		l.client = redislock.New(rdb)
	}
	return l
}

// Lock blocks until the caller holds the lock named key or ctx ends; unlock releases it.
//
// While another process holds the lock, Lock tries again after a backoff (see
// WithLockBackoff) until ctx ends, and then returns an error matching both ErrNotObtained and
// ctx's error. If Redis cannot be asked it returns at once with an error matching
// ErrRedisUnavailable: it never grants a lock it could not take. An empty key or a Locker
// built with bad arguments gives an error matching ErrInvalidArgument.
//
// unlock stops the lease's refresh and deletes the lock if it is still this holder's. It
// returns an error matching ErrLockLost if the lease was lost while held (gone from Redis, or
// not confirmed for a whole TTL while Redis was unreachable): the work was then not
// guaranteed exclusive. It returns one matching only ErrRedisUnavailable if Redis could not
// be told but the lease was confirmed less than a TTL ago: the work was exclusive and the
// lock frees itself within the TTL. It tries even when its ctx has already
// ended, within the Locker's round-trip timeout, so that a deferred unlock after a cancelled
// job still lets the next process in. Calling unlock again returns the first call's result.
func (l *Locker) Lock(ctx context.Context, key string) (unlock func(context.Context) error, err error) {
	if l.invalid != nil {
		return nil, l.invalid
	}
	if key == "" {
		return nil, fmt.Errorf("%w: lock key must not be empty", ErrInvalidArgument)
	}
	lock, err := l.obtain(ctx, key)
	if err != nil {
		return nil, err
	}
	h := &heldLock{locker: l, key: key, lock: lock, lastOK: time.Now(), done: make(chan struct{})}
	var refreshCtx context.Context
	refreshCtx, h.stop = context.WithCancel(context.Background())
	go h.keepAlive(refreshCtx)
	return h.unlock, nil
}

// obtain tries to take the lock until it succeeds, ctx ends or Redis fails.
func (l *Locker) obtain(ctx context.Context, key string) (*redislock.Lock, error) {
	backoff := redislock.ExponentialBackoff(l.minBackoff, l.maxBackoff)
	var timer *time.Timer
	for {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("%w (lock %q): %w", ErrNotObtained, key, err)
		}
		lock, err := roundTrip(ctx, l.timeout, func(ctx context.Context) (*redislock.Lock, error) {
			return l.client.Obtain(ctx, LockKeyPrefix+key, l.ttl, nil) // one try: the loop retries
		}, l.releaseQuietly)
		switch {
		case err == nil:
			return lock, nil
		case ctx.Err() != nil:
			return nil, fmt.Errorf("%w (lock %q): %w", ErrNotObtained, key, ctx.Err())
		case !errors.Is(err, redislock.ErrNotObtained):
			return nil, fmt.Errorf("%w (lock %q): %w", ErrRedisUnavailable, key, err)
		}
		if timer == nil {
			timer = time.NewTimer(backoff.NextBackoff())
			defer timer.Stop()
		} else {
			timer.Reset(backoff.NextBackoff())
		}
		select {
		case <-ctx.Done():
		case <-timer.C:
		}
	}
}

// releaseQuietly releases a lock obtained after its caller stopped waiting for it.
func (l *Locker) releaseQuietly(lock *redislock.Lock) {
	ctx, cancel := context.WithTimeout(context.Background(), l.timeout)
	defer cancel()
	_ = lock.Release(ctx) // on failure the lease lapses within ttl
}

// heldLock is one holding of a lock: its lease refresh and its unlock.
type heldLock struct {
	locker *Locker
	key    string
	lock   *redislock.Lock
	stop   context.CancelFunc // ends keepAlive
	done   chan struct{}      // closed when keepAlive has returned

	mu     sync.Mutex
	lastOK time.Time // when the last confirmed refresh (or the obtain) was sent
	gone   bool      // a refresh found the lease gone from Redis

	once      sync.Once
	unlockErr error
}

// keepAlive refreshes the lease every ttl/3 until ctx ends or Redis says the lease is gone.
// A refresh that fails for another reason (Redis unreachable) is tried again at the next tick:
// the lease lasts a whole ttl from the last confirmed refresh.
func (h *heldLock) keepAlive(ctx context.Context) {
	defer close(h.done)
	l := h.locker
	tick := time.NewTicker(l.ttl / 3)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		sent := time.Now()
		_, err := roundTrip(ctx, min(l.timeout, l.ttl/3), func(ctx context.Context) (struct{}, error) {
			return struct{}{}, h.lock.Refresh(ctx, l.ttl, nil)
		}, nil)
		if ctx.Err() != nil {
			return
		}
		h.mu.Lock()
		if err == nil {
			h.lastOK = sent
		} else if errors.Is(err, redislock.ErrNotObtained) {
			h.gone = true
		}
		h.mu.Unlock()
		if h.gone {
			return
		}
	}
}

func (h *heldLock) unlock(ctx context.Context) error {
	h.once.Do(func() { h.unlockErr = h.release(ctx) })
	return h.unlockErr
}

// release stops the refresh, deletes the lock if it is still ours and says whether the lease
// was held throughout.
func (h *heldLock) release(ctx context.Context) error {
	h.stop()
	<-h.done // prompt: keepAlive's round trip ends with its context
	l := h.locker
	_, err := roundTrip(context.WithoutCancel(ctx), l.timeout, func(ctx context.Context) (struct{}, error) {
		return struct{}{}, h.lock.Release(ctx)
	}, nil)
	h.mu.Lock()
	gone, unconfirmed := h.gone, time.Since(h.lastOK)
	h.mu.Unlock()
	switch {
	case gone:
		return fmt.Errorf("%w (lock %q): the lease was gone from Redis when refreshed", ErrLockLost, h.key)
	case err == nil:
		return nil // our token was still there: the lease never lapsed
	case errors.Is(err, redislock.ErrLockNotHeld):
		return fmt.Errorf("%w (lock %q): the lease was gone from Redis when released", ErrLockLost, h.key)
	case unconfirmed >= l.ttl:
		return fmt.Errorf("%w (lock %q): no refresh confirmed for %v, the lease may have lapsed: %w: %w",
			ErrLockLost, h.key, unconfirmed.Round(time.Millisecond), ErrRedisUnavailable, err)
	default:
		return fmt.Errorf("%w (lock %q): release failed, the lock frees itself within %v: %w", ErrRedisUnavailable, h.key, l.ttl, err)
	}
}
