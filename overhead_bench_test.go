package clockify_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/clockify-go/clockify"
)

// The benchmarks in this file put the SDK side by side with the same call written by hand with
// net/http and encoding/json, against a loopback server that only writes canned bytes, so that
// the difference between the sub-benchmarks is the SDK's own cost (request building, retry
// wrapper, limiter, credential transport, timeout, error checks). -count alone repeats one
// sub-benchmark before starting the next, so a machine whose speed drifts shows the drift as a
// difference; internal/benchratio runs the sides next to each other, round after round, and
// reports the median per-round ratio:
//
//	go run ./internal/benchratio -rounds 20 -benchtime 0.5s OverheadProfilesGet OverheadMembersCurrent
//	go run ./internal/benchratio -rounds 16 -benchtime 5x OverheadMembersAll

const benchKey = "bench-key-0123456789abcdef"

// benchProfile is a 330-byte member profile, as Clockify sends it for a member without custom
// fields.
const benchProfile = `{"email":"charles.babbage@example.org","hasPassword":true,"hasPendingApprovalRequest":false,` +
	`"imageUrl":"https://img.clockify.me/no-user-image.png","name":"Charles Babbage","userCustomFieldValues":[],` +
	`"weekStart":"SUNDAY","workCapacity":"PT10H","workingDays":["SATURDAY","TUESDAY","SUNDAY","THURSDAY","MONDAY"],` +
	`"workspaceNumber":4}`

// plainProfile is what a hand-written client would decode a profile into: strings, no types.
type plainProfile struct {
	Email                     string   `json:"email"`
	Name                      string   `json:"name"`
	ImageURL                  string   `json:"imageUrl"`
	HasPassword               bool     `json:"hasPassword"`
	HasPendingApprovalRequest bool     `json:"hasPendingApprovalRequest"`
	WeekStart                 string   `json:"weekStart"`
	WorkCapacity              string   `json:"workCapacity"`
	WorkingDays               []string `json:"workingDays"`
	WorkspaceNumber           int      `json:"workspaceNumber"`
	CustomFields              []any    `json:"userCustomFieldValues"`
}

// benchUser is the current user as Clockify sends it from GET /v1/user (settings trimmed to
// the fields the SDK types).
const benchUser = `{"id":"64b1f0a2c3d4e5f601234567","email":"ada.lovelace@example.org","name":"Ada Lovelace",` +
	`"memberships":[],"profilePicture":"https://img.example.org/avatars/ada.png",` +
	`"activeWorkspace":"64b1f0a2c3d4e5f6aaaa0002","defaultWorkspace":"64b1f0a2c3d4e5f6aaaa0002",` +
	`"settings":{"weekStart":"MONDAY","timeZone":"Europe/London","timeFormat":"HOUR24","dateFormat":"DD/MM/YYYY"},` +
	`"status":"ACTIVE","customFields":[]}`

// plainUser is what a hand-written client would decode the current user into.
type plainUser struct {
	ID               string            `json:"id"`
	Email            string            `json:"email"`
	Name             string            `json:"name"`
	Memberships      []any             `json:"memberships"`
	ProfilePicture   string            `json:"profilePicture"`
	ActiveWorkspace  string            `json:"activeWorkspace"`
	DefaultWorkspace string            `json:"defaultWorkspace"`
	Settings         map[string]string `json:"settings"`
	Status           string            `json:"status"`
	CustomFields     []any             `json:"customFields"`
}

// cannedServer answers every request with body as JSON.
func cannedServer(b *testing.B, body string) *httptest.Server {
	b.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(body))
	}))
	b.Cleanup(srv.Close)
	return srv
}

// benchClient is an SDK client with its defaults (timeout, retries, credential transport), except
// the rate limiter, which would otherwise be all that is measured.
func benchClient(b *testing.B, baseURL string) *clockify.Client {
	b.Helper()
	c, err := clockify.NewClient(clockify.WithAPIKey(benchKey), clockify.WithBaseURL(baseURL), clockify.WithoutRateLimit())
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// rawClient is the hand-written side: an http.Client on its own transport, as the SDK has.
func rawClient() *http.Client {
	return &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
}

// rawGet is a hand-written GET decoding the JSON answer into out.
func rawGet(ctx context.Context, hc *http.Client, url string, out any) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("X-Api-Key", benchKey)
	req.Header.Set("Accept", "application/json")
	resp, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("status %d", resp.StatusCode)
	}
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		return nil, err
	}
	// Read to the end, as the SDK does: a chunked body closed before its end costs the
	// connection, and the next call would dial a new one.
	_, err = io.Copy(io.Discard, resp.Body)
	return resp, err
}

// BenchmarkOverheadProfilesGet is Profiles.Get against a hand-written call decoding the same
// 330-byte profile into a plain struct of strings (raw-plain) and into clockify.Profile
// (raw-typed).
//
//	go run ./internal/benchratio OverheadProfilesGet
func BenchmarkOverheadProfilesGet(b *testing.B) {
	runImpls(b, profilesGetImpls(b, context.Background(), cannedServer(b, benchProfile)))
}

// BenchmarkOverheadProfilesGetCancellable is BenchmarkOverheadProfilesGet with every call
// under a context that can be cancelled (as a server's request context is): the SDK then
// gives each attempt a deadline context of its own instead of a shared one.
//
//	go run ./internal/benchratio OverheadProfilesGetCancellable
func BenchmarkOverheadProfilesGetCancellable(b *testing.B) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	runImpls(b, profilesGetImpls(b, ctx, cannedServer(b, benchProfile)))
}

// BenchmarkOverheadMembersCurrent is Members.Current against a hand-written GET /v1/user
// decoding into a plain struct (raw-plain) and into clockify.User (raw-typed).
//
//	go run ./internal/benchratio OverheadMembersCurrent
func BenchmarkOverheadMembersCurrent(b *testing.B) {
	runImpls(b, membersCurrentImpls(b, cannedServer(b, benchUser)))
}

// impl is one way of making a call: the SDK's or a hand-written one. call fails on an error or
// an empty answer.
type impl struct {
	name string
	call func() error
}

// profilesGetImpls are Profiles.Get (sdk) and the hand-written calls into a plain struct
// (raw-plain) and into clockify.Profile (raw-typed), against srv, all under ctx.
func profilesGetImpls(b *testing.B, ctx context.Context, srv *httptest.Server) []impl {
	const ws, user = "64b1f0a2c3d4e5f6aaaa0002", "64b1f0a2c3d4e5f601234568"
	url := srv.URL + "/v1/workspaces/" + ws + "/member-profile/" + user
	c, hc := benchClient(b, srv.URL), rawClient()
	return []impl{
		{"sdk", func() error {
			p, _, err := c.Profiles.Get(ctx, ws, user)
			return answered(err, p != nil && p.Email != "")
		}},
		{"raw-plain", func() error {
			var p plainProfile
			_, err := rawGet(ctx, hc, url, &p)
			return answered(err, p.Email != "")
		}},
		{"raw-typed", func() error {
			var p clockify.Profile
			_, err := rawGet(ctx, hc, url, &p)
			return answered(err, p.Email != "")
		}},
	}
}

// membersCurrentImpls are Members.Current (sdk) and the hand-written GET /v1/user into a plain
// struct (raw-plain) and into clockify.User (raw-typed), against srv.
func membersCurrentImpls(b *testing.B, srv *httptest.Server) []impl {
	ctx := context.Background()
	c, hc := benchClient(b, srv.URL), rawClient()
	return []impl{
		{"sdk", func() error {
			u, _, err := c.Members.Current(ctx)
			return answered(err, u != nil && u.ID != "")
		}},
		{"raw-plain", func() error {
			var u plainUser
			_, err := rawGet(ctx, hc, srv.URL+"/v1/user", &u)
			return answered(err, u.ID != "")
		}},
		{"raw-typed", func() error {
			var u clockify.User
			_, err := rawGet(ctx, hc, srv.URL+"/v1/user", &u)
			return answered(err, u.ID != "")
		}},
	}
}

// answered is err, or an error when the call succeeded with an empty answer.
func answered(err error, full bool) error {
	if err == nil && !full {
		return errors.New("empty answer")
	}
	return err
}

// runImpls runs each impl as a sub-benchmark impl=name, reporting allocations and the
// process's CPU time per call.
func runImpls(b *testing.B, impls []impl) {
	for _, im := range impls {
		b.Run("impl="+im.name, func(b *testing.B) {
			b.ReportAllocs()
			cpu, ok := processCPU()
			defer func() { reportCPU(b, cpu, ok, float64(b.N), "cpu-ns/op") }()
			for b.Loop() {
				if err := im.call(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// memberPages serves GET /v1/workspaces/{id}/users from pages rendered in advance, with
// Clockify's Last-Page rule ("false" on a full page, so a list that fills its last page ends
// with an empty one).
type memberPages struct {
	all   [][]byte // each member's JSON
	mu    sync.Mutex
	pages map[[2]int][]byte
}

func newMemberPages(n int) *memberPages {
	mp := &memberPages{pages: map[[2]int][]byte{}}
	for i := range n {
		id := fmt.Sprintf("64b1f0a2c3d4e5f6%08x", i)
		mp.all = append(mp.all, fmt.Appendf(nil, `{"id":"%s","email":"member%d@example.org","name":"Member %d",`+
			`"memberships":[{"userId":"%s","hourlyRate":null,"costRate":null,"targetId":"64b1f0a2c3d4e5f6aaaa0002",`+
			`"membershipType":"WORKSPACE","membershipStatus":"ACTIVE"}],"profilePicture":"https://img.clockify.me/no-user-image.png",`+
			`"activeWorkspace":"64b1f0a2c3d4e5f6aaaa0002","defaultWorkspace":"64b1f0a2c3d4e5f6aaaa0002",`+
			`"settings":null,"status":"ACTIVE","customFields":[]}`, id, i, i, id))
	}
	return mp
}

// page renders page (1-based) of size members once.
func (mp *memberPages) page(page, size int) []byte {
	mp.mu.Lock()
	defer mp.mu.Unlock()
	if p, ok := mp.pages[[2]int{page, size}]; ok {
		return p
	}
	lo, hi := min((page-1)*size, len(mp.all)), min(page*size, len(mp.all))
	p := append(append([]byte("["), bytes.Join(mp.all[lo:hi], []byte(","))...), ']')
	mp.pages[[2]int{page, size}] = p
	return p
}

func (mp *memberPages) serve(w http.ResponseWriter, r *http.Request) {
	page, _ := strconv.Atoi(r.URL.Query().Get("page"))
	size, _ := strconv.Atoi(r.URL.Query().Get("page-size"))
	if page < 1 || size < 1 {
		http.Error(w, "bad page", http.StatusBadRequest)
		return
	}
	lo := min((page-1)*size, len(mp.all))
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Last-Page", strconv.FormatBool(len(mp.all)-lo < size))
	w.Write(mp.page(page, size))
}

// BenchmarkOverheadMembersAll iterates 20,000 members with Members.All, and with a
// hand-written paging loop decoding each page into []*clockify.User (raw), at page sizes 50,
// 500 and 5000, from the same pre-rendered pages. ns/member and allocs/member are per member
// iterated; their difference between sdk and raw is the SDK's cost per member.
//
//	go run ./internal/benchratio -benchtime 5x OverheadMembersAll
func BenchmarkOverheadMembersAll(b *testing.B) {
	const members = 20000
	mp := newMemberPages(members)
	srv := httptest.NewServer(http.HandlerFunc(mp.serve))
	defer srv.Close()
	render := func(size int) { // before the clock starts, and only for the sizes that run
		for p := 1; p <= members/size+1; p++ {
			mp.page(p, size)
		}
	}
	for _, size := range []int{50, 500, 5000} {
		b.Run(fmt.Sprintf("page-size=%d/impl=sdk", size), func(b *testing.B) {
			render(size)
			perMember(b, members, iterateSDK(b, benchClient(b, srv.URL), size))
		})
		b.Run(fmt.Sprintf("page-size=%d/impl=raw", size), func(b *testing.B) {
			render(size)
			perMember(b, members, iterateRaw(b, rawClient(), srv.URL, size))
		})
	}
}

// benchWorkspace is the workspace the member benchmarks list.
const benchWorkspace = "64b1f0a2c3d4e5f6aaaa0002"

// iterateSDK is a pass over every member with Members.All, counting them.
func iterateSDK(b *testing.B, c *clockify.Client, size int) func() int {
	ctx := context.Background()
	opts := &clockify.ListMembersOptions{ListOptions: clockify.ListOptions{PageSize: size}}
	return func() int {
		n := 0
		for u, err := range c.Members.All(ctx, benchWorkspace, opts) {
			if err != nil || u.ID == "" {
				b.Fatal(u, err)
			}
			n++
		}
		return n
	}
}

// iterateRaw is the same pass written by hand: a paging loop decoding each page into
// []*clockify.User.
func iterateRaw(b *testing.B, hc *http.Client, baseURL string, size int) func() int {
	ctx := context.Background()
	return func() int {
		n := 0
		for page := 1; ; page++ {
			url := baseURL + "/v1/workspaces/" + benchWorkspace + "/users?include-roles=false&page=" +
				strconv.Itoa(page) + "&page-size=" + strconv.Itoa(size)
			var us []*clockify.User
			resp, err := rawGet(ctx, hc, url, &us)
			if err != nil {
				b.Fatal(err)
			}
			for _, u := range us {
				if u.ID == "" {
					b.Fatal(u)
				}
				n++
			}
			if len(us) < size || resp.Header.Get("Last-Page") == "true" {
				return n
			}
		}
	}
}

// reportCPU reports the process's CPU time per unit of work since start (from processCPU).
// Both sides of a comparison run the same in-process server, so the CPU time spent per call
// compares them as wall time does, but is far less disturbed by other processes on a busy
// machine: it counts the work done, not the time spent waiting for a core.
func reportCPU(b *testing.B, start time.Duration, ok bool, units float64, unit string) {
	if end, ok2 := processCPU(); ok && ok2 {
		b.ReportMetric(float64((end-start).Nanoseconds())/units, unit)
	}
}

// perMember runs iterate, which must return members, and reports time and allocations per
// member.
func perMember(b *testing.B, members int, iterate func() int) {
	// One untimed pass first: whichever side ran first would otherwise also pay for growing the
	// heap to the size a page needs, and for dialing the connection.
	if n := iterate(); n != members {
		b.Fatalf("iterated %d members, want %d", n, members)
	}
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	cpu, ok := processCPU()
	for b.Loop() {
		if n := iterate(); n != members {
			b.Fatalf("iterated %d members, want %d", n, members)
		}
	}
	b.StopTimer()
	reportCPU(b, cpu, ok, float64(b.N)*float64(members), "cpu-ns/member")
	runtime.ReadMemStats(&after)
	per := float64(b.N) * float64(members)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/per, "ns/member")
	b.ReportMetric(float64(after.Mallocs-before.Mallocs)/per, "allocs/member")
}
