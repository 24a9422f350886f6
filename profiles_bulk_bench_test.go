package clockify_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
)

// BenchmarkUpdateMany_rate measures the rate a bulk capacity change achieves against a server
// that enforces Clockify's 50 requests/second (a token bucket with a burst of 50), with the
// client's default limiter (50/s, evenly spaced). It reports updates/s (the goal is at least 45)
// and the 429s the server answered (the goal is none: the client's limiter keeps the bulk job
// under the server's). Run it with: go test -run '^$' -bench UpdateMany -benchtime 1x .
func BenchmarkUpdateMany_rate(b *testing.B) {
	const members = 250
	srv := clockifytest.NewServer(clockifytest.WithRateLimit(50), clockifytest.WithGeneratedMembers(members))
	defer srv.Close()
	c := srv.Client() // the default limiter: DefaultRateLimit, DefaultRateBurst
	ws := srv.WorkspaceID()

	changes := make([]clockify.ProfileChange, 0, members)
	for _, m := range srv.Members(ws) {
		if m.ID == srv.OwnerID() {
			continue // the owner's profile can't be edited
		}
		changes = append(changes, clockify.ProfileChange{UserID: m.ID})
	}
	if len(changes) != members {
		b.Fatalf("seeded %d members, want %d", len(changes), members)
	}

	var updates, count429 int
	var elapsed time.Duration
	b.ResetTimer()
	for i := range b.N {
		capacity := clockify.Hours(6 + float64(i%3))
		for j := range changes {
			changes[j].Update = &clockify.ProfileUpdate{WorkCapacity: &capacity}
		}
		srv.ResetRequests()
		start := time.Now()
		results := c.Profiles.UpdateMany(bctx, ws, changes, nil)
		elapsed += time.Since(start)
		for _, r := range results {
			if r.Err != nil {
				b.Fatalf("update of %s: %v", r.UserID, r.Err)
			}
		}
		updates += len(results)
		for _, r := range srv.Requests() {
			if r.Status == http.StatusTooManyRequests {
				count429++
			}
		}
	}
	b.ReportMetric(float64(updates)/elapsed.Seconds(), "updates/s")
	b.ReportMetric(float64(count429), "429s")
}
