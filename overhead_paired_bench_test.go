package clockify_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
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
	b.Run("call=ProfilesGet", func(b *testing.B) {
		impls := profilesGetImpls(b, context.Background(), cannedServer(b, benchProfile))
		paired(b, "call", 1, impls[0].call, impls[1].call) // sdk, raw-plain
	})
	// Under a context that can be cancelled (a server's request, signal.NotifyContext) each
	// attempt gets a deadline of its own rather than a shared one; both sides use that context.
	b.Run("call=ProfilesGet/ctx=cancellable", func(b *testing.B) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		impls := profilesGetImpls(b, ctx, cannedServer(b, benchProfile))
		paired(b, "call", 1, impls[0].call, impls[1].call)
	})
	b.Run("call=MembersCurrent", func(b *testing.B) {
		impls := membersCurrentImpls(b, cannedServer(b, benchUser))
		paired(b, "call", 1, impls[0].call, impls[1].call)
	})
}

// BenchmarkOverheadPairedAll is BenchmarkOverheadMembersAll made in turn: one pass over 20,000
// members with Members.All and one with the hand-written paging loop per iteration, reporting
// the time per member of each side and their ratio.
//
//	go test -run '^$' -bench OverheadPairedAll -benchtime 10x -count 12 .
func BenchmarkOverheadPairedAll(b *testing.B) {
	const members = 20000
	mp := newMemberPages(members)
	srv := httptest.NewServer(http.HandlerFunc(mp.serve))
	defer srv.Close()
	for _, size := range []int{50, 500, 5000} {
		b.Run(fmt.Sprintf("page-size=%d", size), func(b *testing.B) {
			for p := 1; p <= members/size+1; p++ {
				mp.page(p, size)
			}
			sdk := iterateSDK(b, benchClient(b, srv.URL), size)
			raw := iterateRaw(b, rawClient(), srv.URL, size)
			count := func(iterate func() int) func() error {
				return func() error {
					if n := iterate(); n != members {
						return fmt.Errorf("iterated %d members, want %d", n, members)
					}
					return nil
				}
			}
			paired(b, "member", members, count(sdk), count(raw))
		})
	}
}

// paired runs sdk and raw once each per iteration, alternating which goes first, and reports
// the time of each side per unit (a call, or a member of each pass: per of them a run) and
// their ratio, sdk/raw.
func paired(b *testing.B, unit string, per int, sdk, raw func() error) {
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
	b.ReportMetric(float64(spent[0].Nanoseconds())/float64(b.N*per), "sdk-ns/"+unit)
	b.ReportMetric(float64(spent[1].Nanoseconds())/float64(b.N*per), "raw-ns/"+unit)
	b.ReportMetric(float64(spent[0])/float64(spent[1]), "sdk/raw")
}
