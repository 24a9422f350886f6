package redisrate_test

import (
	"context"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clockify-go/clockify/ratelimit/redisrate"
)

// maxInWindow returns the most times that fall in any closed window [t, t+w]. The busiest
// window of a set of points always starts at one of them, so checking those is checking all.
func maxInWindow(times []time.Time, w time.Duration) int {
	ts := append([]time.Time(nil), times...)
	sort.Slice(ts, func(i, j int) bool { return ts[i].Before(ts[j]) })
	best, j := 0, 0
	for i := range ts {
		for j < len(ts) && ts[j].Sub(ts[i]) <= w {
			j++
		}
		best = max(best, j-i)
	}
	return best
}

// steadyRate is admissions per second between the first and the last one.
func steadyRate(times []time.Time) float64 {
	if len(times) < 2 {
		return 0
	}
	first, last := times[0], times[0]
	for _, t := range times {
		if t.Before(first) {
			first = t
		}
		if t.After(last) {
			last = t
		}
	}
	return float64(len(times)-1) / last.Sub(first).Seconds()
}

func TestMaxInWindow(t *testing.T) {
	t0 := time.Unix(0, 0)
	at := func(ms ...int) []time.Time {
		var ts []time.Time
		for _, m := range ms {
			ts = append(ts, t0.Add(time.Duration(m)*time.Millisecond))
		}
		return ts
	}
	assert.Equal(t, 0, maxInWindow(nil, time.Second))
	assert.Equal(t, 2, maxInWindow(at(0, 1000, 2001), time.Second), "closed window counts both ends")
	assert.Equal(t, 3, maxInWindow(at(1500, 0, 900, 1000), time.Second), "order does not matter")
}

// hammer makes clients*workers goroutines call Wait on one shared key for d and returns the
// admission times. Each client has its own connection pool, as separate processes would.
func hammer(t *testing.T, clients []*redis.Client, key string, perSecond, workers int, d time.Duration) []time.Time {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	var mu sync.Mutex
	var admitted []time.Time
	var wg sync.WaitGroup
	for _, rdb := range clients {
		l := redisrate.New(rdb, key, perSecond)
		for range workers {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					err := l.Wait(ctx)
					if err != nil {
						assert.ErrorIs(t, err, context.DeadlineExceeded)
						return
					}
					mu.Lock()
					admitted = append(admitted, time.Now())
					mu.Unlock()
				}
			}()
		}
	}
	wg.Wait()
	return admitted
}

func TestWait_neverExceedsLimitInAnyOneSecondWindow(t *testing.T) {
	realRedis(t)
	for _, perSecond := range []int{50, 7} {
		clients := []*redis.Client{realRedis(t), realRedis(t), realRedis(t)}
		admitted := hammer(t, clients, uniqueKey(t), perSecond, 3, 3500*time.Millisecond)

		most := maxInWindow(admitted, time.Second)
		rate := steadyRate(admitted)
		t.Logf("perSecond=%d: %d admitted in 3.5 s, steady %.2f/s (%.1f %%), most in any 1 s window %d",
			perSecond, len(admitted), rate, 100*rate/float64(perSecond), most)
		require.LessOrEqual(t, most, perSecond, "more than perSecond in a one-second window")
	}
}
