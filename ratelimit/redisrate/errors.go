package redisrate

import "errors"

// ErrInvalidArgument is matched (errors.Is) by every error caused by an argument that cannot
// work: a nil Redis client, an empty key, perSecond < 1, a lease shorter than MinLockTTL, a
// fingerprint that is not one. The error's message names the argument. Nothing is sent to
// Redis. (This module does not import the clockify module, so the error does not match
// clockify.ErrInvalidInput; test for this one.)
var ErrInvalidArgument = errors.New("redisrate: invalid argument")

// ErrRedisUnavailable is matched (errors.Is) by every error returned because Redis could not
// be asked: connection refused, timeout, a failed script. Limiter.Wait and Locker.Lock then
// fail closed: no request is admitted and no lock is granted.
var ErrRedisUnavailable = errors.New("redisrate: Redis unavailable")

// ErrNotObtained is matched by Locker.Lock's error when ctx ended before the lock was free;
// the error also matches ctx's error (context.Canceled or context.DeadlineExceeded).
var ErrNotObtained = errors.New("redisrate: lock not obtained")

// ErrLockLost is matched by the error of a Locker's unlock function when the lease was not
// held throughout: it expired (Redis could not be reached to refresh it for a whole lease
// time) or was removed from Redis. Another process may have held the lock meanwhile, so the
// work done under it was not guaranteed exclusive.
var ErrLockLost = errors.New("redisrate: lock lost")
