package redisrate_test

import (
	"context"
	"fmt"
	"os"

	"github.com/redis/go-redis/v9"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/ratelimit/redisrate"
)

// Every replica of a sync job builds its client like this; together they stay within
// Clockify's 50 requests per second for this workspace and key.
func ExampleNew() {
	apiKey, workspaceID := os.Getenv("CLOCKIFY_API_KEY"), os.Getenv("CLOCKIFY_WORKSPACE_ID")
	rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("REDIS_ADDR")})
	defer rdb.Close()

	limiter := redisrate.New(rdb, redisrate.Key(workspaceID, apiKey), 50)
	c, err := clockify.NewClient(clockify.WithAPIKey(apiKey), clockify.WithRateLimiter(limiter))
	if err != nil {
		fmt.Println(err)
		return
	}
	for m, err := range c.Members.All(context.Background(), workspaceID, nil) {
		if err != nil {
			fmt.Println(err) // errors.Is(err, redisrate.ErrRedisUnavailable): nothing was sent
			return
		}
		fmt.Println(m.Email)
	}
}
