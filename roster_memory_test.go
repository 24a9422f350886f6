package clockify_test

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
)

// fakeProcessEnv makes the test binary serve a generated fake (TestRosterFakeProcess) instead
// of running tests, so that a benchmark measures the client's heap alone.
const fakeProcessEnv = "CLOCKIFY_ROSTER_FAKE_MEMBERS"

// TestRosterFakeProcess is not a test: run by BenchmarkPlanRosterMemory in a child process, it
// serves a fake with the number of generated members the environment names, prints its URL,
// the owner's key and the workspace id, and serves until its standard input closes.
func TestRosterFakeProcess(t *testing.T) {
	n, err := strconv.Atoi(os.Getenv(fakeProcessEnv))
	if err != nil {
		t.Skip("run by BenchmarkPlanRosterMemory only")
	}
	srv := clockifytest.NewServer(clockifytest.WithGeneratedMembers(n))
	defer srv.Close()
	var emails []string
	for _, m := range srv.Members(srv.WorkspaceID()) {
		if m.ID != srv.OwnerID() {
			emails = append(emails, m.Email)
		}
	}
	f, err := os.CreateTemp("", "roster-emails-*")
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprint(f, strings.Join(emails, "\n"))
	f.Close()
	fmt.Printf("FAKE %s %s %s %s\n", srv.URL, srv.OwnerKey(), srv.WorkspaceID(), f.Name())
	_, _ = bufio.NewReader(os.Stdin).ReadString('\n')
	os.Remove(f.Name())
}

// startFakeProcess runs TestRosterFakeProcess in a child process and returns its URL, the
// owner's key, the workspace and the members' emails.
func startFakeProcess(b *testing.B, members int) (url, key, ws string, emails []string) {
	cmd := exec.Command(os.Args[0], "-test.run=^TestRosterFakeProcess$", "-test.v")
	cmd.Env = append(os.Environ(), fakeProcessEnv+"="+strconv.Itoa(members))
	stdin, err := cmd.StdinPipe()
	if err != nil {
		b.Fatal(err)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { stdin.Close(); _ = cmd.Wait() })
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		if f := strings.Fields(sc.Text()); len(f) == 5 && f[0] == "FAKE" {
			raw, err := os.ReadFile(f[4])
			if err != nil {
				b.Fatal(err)
			}
			go func() { // keep the pipe drained
				for sc.Scan() {
				}
			}()
			return f[1], f[2], f[3], strings.Split(string(raw), "\n")
		}
	}
	b.Fatal("the fake process did not start")
	return
}

// heapSampler records the peak of the live heap objects while it runs.
type heapSampler struct {
	peak atomic.Uint64
	stop chan struct{}
	wg   sync.WaitGroup
}

func heapObjects() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

func startHeapSampler() *heapSampler {
	h := &heapSampler{stop: make(chan struct{})}
	h.wg.Add(1)
	go func() {
		defer h.wg.Done()
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			if v := heapObjects(); v > h.peak.Load() {
				h.peak.Store(v)
			}
			select {
			case <-h.stop:
				return
			case <-t.C:
			}
		}
	}()
	return h
}

func (h *heapSampler) Stop() uint64 {
	close(h.stop)
	h.wg.Wait()
	return h.peak.Load()
}

// BenchmarkPlanRosterMemory plans a roster of 100,000 members (status, rate and roles managed,
// one rate change for most) against a fake served by a child process, so that only the
// client's heap is measured. It reports the peak of the live heap during the plan above what
// was live before it (the specs included), per member ("peak-B/member"); the heap the plan
// itself keeps ("plan-B/member"); and their difference, the heap the planning needs on top
// of the plan ("extra-B/member"). The heap is sampled every millisecond, so a shorter peak may
// be missed. Run it with:
// go test -run '^$' -bench PlanRosterMemory -benchtime 1x -count 3 .
func BenchmarkPlanRosterMemory(b *testing.B) {
	const members = 100_000
	url, key, ws, emails := startFakeProcess(b, members)
	if len(emails) != members {
		b.Fatalf("%d members, want %d", len(emails), members)
	}
	c, err := clockify.NewClient(clockify.WithAPIKey(key), clockify.WithBaseURL(url), clockify.WithoutRateLimit(),
		clockify.WithHTTPClient(&http.Client{}))
	if err != nil {
		b.Fatal(err)
	}
	specs := make([]clockify.MemberSpec, len(emails))
	for i, e := range emails {
		specs[i] = clockify.MemberSpec{Email: e, Status: clockify.MembershipActive, HourlyRate: clockify.Ptr[int64](5100),
			Roles: []clockify.RoleAssignment{}}
	}
	var peak, kept float64
	for range b.N {
		runtime.GC()
		base := heapObjects()
		h := startHeapSampler()
		plan, err := c.Members.PlanRoster(context.Background(), ws, specs, nil)
		top := h.Stop()
		if err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		held := heapObjects()
		if len(plan.Actions) < members*9/10 {
			b.Fatalf("planned %d actions", len(plan.Actions))
		}
		runtime.KeepAlive(plan)
		peak += float64(top - base)
		kept += float64(held) - float64(base)
	}
	n := float64(b.N) * members
	b.ReportMetric(peak/n, "peak-B/member")
	b.ReportMetric(kept/n, "plan-B/member")
	b.ReportMetric((peak-kept)/n, "extra-B/member")
	runtime.KeepAlive(specs)
}
