package clockify_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
)

// BenchmarkPlanRoster plans a roster of 1,000 members against a fake that enforces Clockify's
// 50 requests/second, with the client's default limiter (50/s, evenly spaced). It reports the
// requests one plan costs, the time the limiter alone imposes on them (requests/50 s), and the
// 429s the server answered (none expected). "lists" manages status, rates, roles and groups
// (read from the member and group lists); "profiles" also manages every member's capacity, one
// profile read each; "profiles-100ms-latency" adds 100 ms to every answer, as a distant API
// would; "profiles-unpaced" has no limit at all, the SDK's (and the fake's) own cost.
// Run it with: go test -run '^$' -bench PlanRoster -benchtime 1x -count 5 .
func BenchmarkPlanRoster(b *testing.B) {
	const members = 1000
	for _, bc := range []struct {
		name     string
		profiles bool
		paced    bool
		latency  time.Duration
	}{{"lists", false, true, 0}, {"profiles", true, true, 0}, {"profiles-100ms-latency", true, true, 100 * time.Millisecond},
		{"profiles-unpaced", true, false, 0}} {
		b.Run(bc.name, func(b *testing.B) {
			var srvOpts []clockifytest.ServerOption
			var clientOpts []clockify.Option
			if bc.latency > 0 {
				srvOpts = append(srvOpts, clockifytest.WithLatency(bc.latency))
			}
			if bc.paced {
				srvOpts = append(srvOpts, clockifytest.WithRateLimit(50))
			} else {
				clientOpts = append(clientOpts, clockify.WithoutRateLimit())
			}
			srv := clockifytest.NewServer(append(srvOpts, clockifytest.WithGeneratedMembers(members))...)
			defer srv.Close()
			c := srv.Client(clientOpts...)
			ws := srv.WorkspaceID()
			group := srv.AddUserGroup(ws, clockifytest.GroupSeed{Name: "Everyone"})
			var specs []clockify.MemberSpec
			for _, m := range srv.Members(ws) {
				if m.ID == srv.OwnerID() {
					continue
				}
				sp := clockify.MemberSpec{Email: m.Email, Status: clockify.MembershipActive, HourlyRate: clockify.Ptr[int64](5000),
					Roles: []clockify.RoleAssignment{}, Groups: []string{group}}
				if bc.profiles {
					sp.Profile = &clockify.ProfileUpdate{WorkCapacity: clockify.Ptr(clockify.Hours(7))}
				}
				specs = append(specs, sp)
			}
			if len(specs) != members {
				b.Fatalf("seeded %d members, want %d", len(specs), members)
			}
			var requests, count429 int
			var elapsed time.Duration
			b.ResetTimer()
			for range b.N {
				srv.ResetRequests()
				start := time.Now()
				plan, err := c.Members.PlanRoster(bctx, ws, specs, nil)
				elapsed += time.Since(start)
				if err != nil {
					b.Fatal(err)
				}
				if len(plan.Actions) < members {
					b.Fatalf("planned %d actions, want at least %d", len(plan.Actions), members)
				}
				for _, r := range srv.Requests() {
					requests++
					if r.Status == http.StatusTooManyRequests {
						count429++
					}
				}
			}
			b.ReportMetric(float64(requests)/float64(b.N), "requests/op")
			b.ReportMetric(float64(requests)/float64(b.N)/50, "limiter-s/op")
			b.ReportMetric(elapsed.Seconds()/float64(b.N), "s/op")
			b.ReportMetric(float64(count429)/float64(b.N), "429s/op")
		})
	}
}
