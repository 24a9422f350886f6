// Package redisrate is a clockify.RateLimiter whose budget lives in Redis, so that many
// processes (replicas of a sync job, workers fanning out over workspaces) share Clockify's
// limit of 50 requests per second per workspace and credential instead of each spending it
// alone. It runs GCRA (github.com/go-redis/redis_rate) on github.com/redis/go-redis.
//
//	rdb := redis.NewClient(&redis.Options{Addr: "redis:6379"})
//	l := redisrate.New(rdb, redisrate.Key(workspaceID, apiKey), 50)
//	c, err := clockify.NewClient(clockify.WithAPIKey(apiKey), clockify.WithRateLimiter(l))
//
// It is a separate module so that the core SDK does not depend on Redis.
//
// # Keys
//
// Clockify counts requests per workspace and credential, so the key names both: Key builds
// "clockify:{workspaceID}:{clockify.Fingerprint(apiKey)}", which holds no secret. One Redis
// serves any number of workspaces and keys, each with its own budget. Every Limiter on one
// key must be built with the same perSecond.
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
// # Tests
//
// The integration tests need a real Redis: set REDIS_ADDR=host:port of a disposable server
// (and have redis-server on PATH for the outage test). Without REDIS_ADDR they are skipped,
// unless CI is set, in which case they fail.
package redisrate
