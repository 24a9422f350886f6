package redisrate_test

import (
	"context"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"
	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/require"

	"github.com/clockify-go/clockify/ratelimit/redisrate"
)

// miniClient returns a client of an in-process miniredis, closed with the test.
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
	require.Less(t, time.Since(start), 500*time.Millisecond)
}
