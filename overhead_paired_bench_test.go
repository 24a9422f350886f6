package clockify_test

import (
	"context"
	"testing"
	"time"
)

// BenchmarkOverheadPaired makes the SDK's call and the hand-written call (into a plain struct)
// in turn, one of each per iteration and in alternating order, in one process, and reports the
// time of each side per call and their ratio. A machine whose speed drifts slows both sides
// alike within a few microseconds, so the ratio is far steadier than one taken between
// separate runs. Garbage collection started by either side's allocations may land on either
// side's timing, which evens out the sides' GC costs somewhat; allocation counts are reported
// exactly by BenchmarkOverheadProfilesGet and BenchmarkOverheadMembersCurrent.
//
//	go test -run '^$' -bench OverheadPaired -benchtime 3s -count 12 .
func BenchmarkOverheadPaired(b *testing.B) {
	ctx := context.Background()
	const ws, user = "64b1f0a2c3d4e5f6aaaa0002", "64b1f0a2c3d4e5f601234568"
	b.Run("call=ProfilesGet", func(b *testing.B) {
		srv := cannedServer(b, benchProfile)
		c, hc := benchClient(b, srv.URL), rawClient()
		url := srv.URL + "/v1/workspaces/" + ws + "/member-profile/" + user
		paired(b, func() error {
			_, _, err := c.Profiles.Get(ctx, ws, user)
			return err
		}, func() error {
			var p plainProfile
			_, err := rawGet(ctx, hc, url, &p)
			return err
		})
	})
	b.Run("call=MembersCurrent", func(b *testing.B) {
		srv := cannedServer(b, benchUser)
		c, hc := benchClient(b, srv.URL), rawClient()
		paired(b, func() error {
			_, _, err := c.Members.Current(ctx)
			return err
		}, func() error {
			var u plainUser
			_, err := rawGet(ctx, hc, srv.URL+"/v1/user", &u)
			return err
		})
	})
}

// paired runs sdk and raw once each per iteration, alternating which goes first, and reports
// sdk-ns/call, raw-ns/call and sdk/raw.
func paired(b *testing.B, sdk, raw func() error) {
	for _, f := range []func() error{sdk, raw} { // dial and warm up both sides first
		if err := f(); err != nil {
			b.Fatal(err)
		}
	}
	var spent [2]time.Duration
	sides := [2]func() error{sdk, raw}
	i := 0
	for b.Loop() {
		for k := range 2 {
			side := (i + k) % 2
			start := time.Now()
			if err := sides[side](); err != nil {
				b.Fatal(err)
			}
			spent[side] += time.Since(start)
		}
		i++
	}
	b.ReportMetric(float64(spent[0].Nanoseconds())/float64(b.N), "sdk-ns/call")
	b.ReportMetric(float64(spent[1].Nanoseconds())/float64(b.N), "raw-ns/call")
	b.ReportMetric(float64(spent[0])/float64(spent[1]), "sdk/raw")
}
