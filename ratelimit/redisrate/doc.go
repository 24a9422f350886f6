// Package redisrate coordinates several processes that use the clockify SDK on the same
// workspace, through one Redis: a Limiter shares Clockify's limit of 50 requests per second
// per workspace and credential among them (replicas of a sync job, workers fanning out over
// workspaces) instead of each spending it alone, and a Locker lets one of them at a time
// apply a roster to a workspace. It runs GCRA (github.com/go-redis/redis_rate) and
// github.com/bsm/redislock on github.com/redis/go-redis.
//
//	rdb := redis.NewClient(&redis.Options{Addr: "redis:6379"})
//	key, err := redisrate.Key(workspaceID, clockify.Fingerprint(apiKey))
//	...
//	c, err := clockify.NewClient(clockify.WithAPIKey(apiKey),
//		clockify.WithRateLimiter(redisrate.New(rdb, key, 50)))
//
// It is a separate module (go get github.com/clockify-go/clockify/ratelimit/redisrate) so
// that the core SDK does not depend on Redis. It does not import the core module either:
// *Limiter satisfies clockify.RateLimiter and *Locker satisfies clockify.WorkspaceLocker by
// their method sets, so any release of this module works with any release of the core that
// has those interfaces, and the two are versioned apart.
//
// # Keys
//
// Clockify counts requests per workspace and credential, so the key names both: Key builds
// "clockify:{workspaceID}:{fingerprint}" from the fingerprint clockify.Fingerprint(apiKey)
// returns, and refuses anything else, so that the key holds no secret. One Redis serves any
// number of workspaces and keys, each with its own budget. Every Limiter on one key must be
// built with the same perSecond.
//
// # Window
//
// Clockify does not say how it counts "50 requests per second", so the limiter is safe for
// any reading: at most perSecond requests in any one-second sliding window (in fact in any
// window shorter than 1 s + Slack), at no less than 90 % of perSecond when busy. Plain GCRA
// at perSecond with burst 1 would admit perSecond+1 in a closed one-second window. New
// therefore spreads the slots over 1.05 s: from 20/s up, perSecond-1 slots per 1.05 s with a
// burst of 2 (50/s runs at 46.7/s, 93 %; the burst lets a late waiter catch up instead of
// losing its slot); below 20/s, perSecond slots per 1.05 s with a burst of 1 (95 %). Slots
// are timed by the Redis server's clock, so clock skew between machines does not matter;
// the 50 ms Slack absorbs the jitter between being admitted and reaching Clockify.
//
// # Waiting
//
// Wait returns ctx's error as soon as ctx ends, and returns at once, with an error wrapping
// context.DeadlineExceeded, when the next free slot lies past ctx's deadline. Waiters poll
// Redis when their slot should be free; there is no queue, so under heavy contention the
// order of admission is not first come, first served.
//
// # When Redis is down or slow
//
// The limiter fails closed: if Redis cannot be asked (refused connection, no answer within
// the timeout set by SetTimeout, 1 s by default), Wait returns an error matching
// ErrRedisUnavailable and naming the key (never the API key), and the clockify client
// returns it without sending the request. It never falls back to an unpaced mode, and not
// to a local limiter either: a local limiter in each replica would spend the whole budget
// again (or a guessed fraction of it), which is the overrun this package exists to prevent.
// Callers who prefer degraded service to none can catch ErrRedisUnavailable and pace
// themselves. Waits resume as soon as Redis answers again.
//
// # One writer per workspace
//
// A roster apply must not run twice at once on one workspace (two runs could each create the
// same limited member, which the API cannot remove). Within one process the core module
// serialises applies itself; across processes, hand it a Locker:
//
//	locker := redisrate.NewLocker(rdb, 30*time.Second)
//	// pass locker as the roster options' WorkspaceLocker
//
// Lock waits, with backoff, until the lock is free or its context ends (ErrNotObtained); it
// fails closed with ErrRedisUnavailable when Redis cannot be asked. The lock is
// github.com/bsm/redislock's: a lease of the given TTL, refreshed every third of it while
// held, so a crashed holder frees the lock after at most one TTL, and unlock reports a lease
// that lapsed or vanished meanwhile (ErrLockLost). The Locker lives in this module rather
// than a module of its own because the deployments that need it are the ones that already
// share a Redis and a rate budget across processes: one module to install, version and
// configure, on the same Redis client.
//
// # Errors
//
// Every error matches one of ErrInvalidArgument (a bad argument; nothing was sent),
// ErrRedisUnavailable (Redis could not be asked; nothing was admitted or locked),
// ErrNotObtained (the lock stayed taken until the context ended) or ErrLockLost (a lease was
// not held throughout), or is the context's own error. Messages name the budget or lock key,
// never an API key.
//
// # Tests
//
// The integration tests need a real Redis: set REDIS_ADDR=host:port of a disposable server
// (and have redis-server on PATH for the outage test). Without REDIS_ADDR they are skipped,
// unless CI is set, in which case they fail.
package redisrate
