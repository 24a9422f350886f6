package clockify_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"runtime"
	"testing"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
)

// BenchmarkProfilesGet compares the SDK's cost per call with a hand-written net/http +
// encoding/json call to the same loopback server, in one run: the difference between the two
// sub-benchmarks is the SDK's overhead (request building, the retry wrapper, the limiter, the
// credential transport, error checks, decoding into the same Profile type).
//
//	go test -run '^$' -bench ProfilesGet -benchmem -count 6 .
func BenchmarkProfilesGet(b *testing.B) {
	srv := clockifytest.NewDemoServer()
	defer srv.Close()
	ctx := context.Background()
	path := "/v1/workspaces/" + clockifytest.DemoWorkspaceID + "/member-profile/" + clockifytest.DemoMemberID

	b.Run("sdk", func(b *testing.B) {
		c := srv.Client(clockify.WithoutRateLimit())
		b.ReportAllocs()
		for b.Loop() {
			if _, _, err := c.Profiles.Get(ctx, clockifytest.DemoWorkspaceID, clockifytest.DemoMemberID); err != nil {
				b.Fatal(err)
			}
		}
	})

	b.Run("raw", func(b *testing.B) {
		hc := &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
		key := srv.OwnerKey()
		b.ReportAllocs()
		for b.Loop() {
			req, err := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+path, nil)
			if err != nil {
				b.Fatal(err)
			}
			req.Header.Set("X-Api-Key", key)
			req.Header.Set("Accept", "application/json")
			resp, err := hc.Do(req)
			if err != nil {
				b.Fatal(err)
			}
			var p clockify.Profile
			err = json.NewDecoder(resp.Body).Decode(&p)
			resp.Body.Close()
			if err != nil || resp.StatusCode != http.StatusOK {
				b.Fatal(resp.StatusCode, err)
			}
		}
	})
}

// BenchmarkMembersAll iterates every member of workspaces of 5,000 and 20,000 members, in
// pages of 50 and of 5000, and reports the largest live heap the iteration adds
// (live-heap-MiB: measured after a GC every 500 members, less the heap before iterating,
// which includes the in-process fake server's own state). It stays at about one page's worth
// whatever the number of members: no page is kept once the loop has moved past it.
//
//	go test -run '^$' -bench MembersAll -benchtime 1x .
func BenchmarkMembersAll(b *testing.B) {
	for _, members := range []int{5000, 20000} {
		srv := clockifytest.NewServer(clockifytest.WithGeneratedMembers(members))
		c := srv.Client(clockify.WithoutRateLimit())
		for _, size := range []int{50, 5000} {
			b.Run(fmt.Sprintf("members=%d/page-size=%d", members, size), func(b *testing.B) {
				opts := &clockify.ListMembersOptions{ListOptions: clockify.ListOptions{PageSize: size}}
				b.ReportAllocs()
				// The fake server lives in this process and holds every member: measure above it.
				var ms runtime.MemStats
				runtime.GC()
				runtime.ReadMemStats(&ms)
				base, peak := ms.HeapAlloc, ms.HeapAlloc
				for b.Loop() {
					n := 0
					for _, err := range c.Members.All(context.Background(), srv.WorkspaceID(), opts) {
						if err != nil {
							b.Fatal(err)
						}
						if n++; n%500 == 0 {
							runtime.GC()
							runtime.ReadMemStats(&ms)
							peak = max(peak, ms.HeapAlloc)
						}
					}
					if n != members+1 { // the generated members and the owner
						b.Fatalf("iterated %d members, want %d", n, members+1)
					}
				}
				b.ReportMetric(float64(peak-base)/(1<<20), "live-heap-MiB")
			})
		}
		srv.Close()
	}
}
