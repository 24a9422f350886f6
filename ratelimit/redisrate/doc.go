// Package redisrate is a clockify.RateLimiter whose budget lives in Redis, so that many
// processes (replicas of a sync job, workers fanning out over workspaces) share Clockify's
// limit of 50 requests per second per workspace and credential instead of each spending it
// alone. It runs GCRA through github.com/go-redis/redis_rate on github.com/redis/go-redis.
package redisrate
