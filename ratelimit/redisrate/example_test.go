package redisrate_test

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/clockify-go/clockify/ratelimit/redisrate"
)

// Every replica of a sync job builds its limiter like this and hands it to the client with
// clockify.WithRateLimiter(limiter); together they stay within Clockify's 50 requests per
// second for this workspace and key. The fingerprint is clockify.Fingerprint(apiKey).
func ExampleNew() {
	workspaceID, fingerprint := os.Getenv("CLOCKIFY_WORKSPACE_ID"), os.Getenv("CLOCKIFY_KEY_FINGERPRINT")
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
	defer rdb.Close()

	key, err := redisrate.Key(workspaceID, fingerprint)
	if err != nil {
		fmt.Println(err) // errors.Is(err, redisrate.ErrInvalidArgument)
		return
	}
	limiter := redisrate.New(rdb, key, 50)
	// c, err := clockify.NewClient(clockify.WithAPIKey(apiKey), clockify.WithRateLimiter(limiter))
	if err := limiter.Wait(context.Background()); err != nil {
		fmt.Println(err) // errors.Is(err, redisrate.ErrRedisUnavailable): send nothing
	}
}

// Each process applying rosters to the same workspace shares one Locker, handed to the
// roster's options as its WorkspaceLocker; applies then run one at a time across processes.
func ExampleLocker() {
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
	defer rdb.Close()
	locker := redisrate.NewLocker(rdb, 30*time.Second)

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	unlock, err := locker.Lock(ctx, os.Getenv("CLOCKIFY_WORKSPACE_ID"))
	if err != nil {
		fmt.Println(err) // ErrNotObtained (with ctx's error), ErrRedisUnavailable or ErrInvalidArgument
		return
	}
	// ... the work that must not run twice at once ...
	if err := unlock(context.Background()); err != nil {
		fmt.Println(err) // errors.Is(err, redisrate.ErrLockLost): the work was not exclusive
	}
}
