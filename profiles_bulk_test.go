package clockify

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// capacityChanges returns n changes setting user i's capacity to i minutes (user ids "u0", ...).
func capacityChanges(n int) []ProfileChange {
	changes := make([]ProfileChange, n)
	for i := range changes {
		changes[i] = ProfileChange{UserID: "u" + strconv.Itoa(i), Update: &ProfileUpdate{WorkCapacity: Ptr(Duration(time.Duration(i) * time.Minute))}}
	}
	return changes
}

// echoProfile answers a PATCH with the capacity it was sent. It runs on the server's goroutine,
// so a bad body fails the test with assert and an error answer, never with require.
func echoProfile(t *testing.T, w http.ResponseWriter, r *http.Request) {
	var u struct {
		WorkCapacity string `json:"workCapacity"`
	}
	if err := json.NewDecoder(r.Body).Decode(&u); !assert.NoError(t, err) {
		http.Error(w, `{"message":"undecodable body"}`, http.StatusBadRequest)
		return
	}
	fmt.Fprintf(w, `{"email":"%s@example.com","workCapacity":%q,"workspaceNumber":1}`, r.PathValue("user"), u.WorkCapacity)
}

// inFlight measures the most requests a handler served at once.
type inFlight struct{ now, max atomic.Int32 }

func (f *inFlight) track(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		n := f.now.Add(1)
		defer f.now.Add(-1)
		for m := f.max.Load(); n > m; m = f.max.Load() {
			if f.max.CompareAndSwap(m, n) {
				break
			}
		}
		h(w, r)
	}
}

// barrier holds the first n requests until all n are in flight at once, which proves the
// changes run concurrently; later requests pass straight through. An implementation that never
// has n in flight cannot fill it: each held request then gives up when the generous deadline
// passes and the test fails, instead of hanging. Nothing measures speed.
type barrier struct {
	t        *testing.T
	n        int32
	arrived  atomic.Int32
	full     chan struct{}
	deadline context.Context
	failOnce sync.Once
}

func newBarrier(t *testing.T, n int) *barrier {
	dctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return &barrier{t: t, n: int32(n), full: make(chan struct{}), deadline: dctx}
}

func (b *barrier) hold(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if b.arrived.Add(1) == b.n {
			close(b.full)
		}
		select {
		case <-b.full:
		case <-b.deadline.Done():
			b.failOnce.Do(func() {
				b.t.Errorf("never %d requests in flight at once (%d arrived in all)", b.n, b.arrived.Load())
			})
		}
		h(w, r)
	}
}

func TestProfilesUpdateMany_keepsInputOrder(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	var peak inFlight
	all := newBarrier(t, 8)
	mux.HandleFunc("PATCH /v1/workspaces/ws1/member-profile/{user}", peak.track(all.hold(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(time.Duration(rand.IntN(3000)) * time.Microsecond) // answers finish out of order
		echoProfile(t, w, r)
	})))
	changes := capacityChanges(40)

	results := client.Profiles.UpdateMany(ctx, "ws1", changes, &BulkOptions{Concurrency: 8})
	require.Len(t, results, len(changes))
	for i, r := range results {
		require.NoError(t, r.Err, "change %d", i)
		assert.Equal(t, changes[i].UserID, r.UserID)
		require.NotNil(t, r.Profile)
		assert.Equal(t, *changes[i].Update.WorkCapacity, r.Profile.WorkCapacity, "change %d got another's answer", i)
		assert.Equal(t, changes[i].UserID+"@example.com", r.Profile.Email)
	}
	// The barrier proved 8 requests ran at once; Concurrency allows no more.
	assert.Equal(t, int32(8), peak.max.Load(), "Concurrency bounds the requests in flight")
}

func TestProfilesUpdateMany_defaultConcurrency(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	var peak inFlight
	all := newBarrier(t, DefaultBulkConcurrency)
	mux.HandleFunc("PATCH /v1/workspaces/ws1/member-profile/{user}", peak.track(all.hold(func(w http.ResponseWriter, r *http.Request) {
		echoProfile(t, w, r)
	})))
	results := client.Profiles.UpdateMany(ctx, "ws1", capacityChanges(20), nil)
	for _, r := range results {
		require.NoError(t, r.Err)
	}
	// The barrier proved DefaultBulkConcurrency requests ran at once; no more may.
	assert.Equal(t, int32(DefaultBulkConcurrency), peak.max.Load())
}

func TestProfilesUpdateMany_partialFailure(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("PATCH /v1/workspaces/ws1/member-profile/{user}", func(w http.ResponseWriter, r *http.Request) {
		switch r.PathValue("user") {
		case "u2":
			w.WriteHeader(http.StatusBadRequest)
			fmt.Fprint(w, `{"message":"User doesn't belong to Workspace","code":501}`)
		case "u5":
			w.WriteHeader(http.StatusInternalServerError)
			fmt.Fprint(w, `{"message":"boom"}`)
		default:
			echoProfile(t, w, r)
		}
	})
	changes := capacityChanges(8)

	results := client.Profiles.UpdateMany(ctx, "ws1", changes, &BulkOptions{Concurrency: 3})
	require.Len(t, results, 8)
	for i, r := range results {
		assert.Equal(t, changes[i].UserID, r.UserID)
		switch i {
		case 2:
			assert.ErrorIs(t, r.Err, ErrNotFound)
			assert.Nil(t, r.Profile)
		case 5:
			assert.ErrorIs(t, r.Err, ErrServer)
			var apiErr *APIError
			assert.ErrorAs(t, r.Err, &apiErr)
		default:
			assert.NoError(t, r.Err, "change %d", i)
			assert.NotNil(t, r.Profile)
		}
	}
}

func TestProfilesUpdateMany_validationErrorsPerChange(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	var requests atomic.Int32
	mux.HandleFunc("PATCH /v1/workspaces/ws1/member-profile/{user}", func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		echoProfile(t, w, r)
	})
	changes := capacityChanges(6)
	changes[1].Update = nil
	changes[3].Update = &ProfileUpdate{WorkCapacity: Ptr(Hours(25))}
	changes[4].UserID = ""

	results := client.Profiles.UpdateMany(ctx, "ws1", changes, &BulkOptions{Concurrency: 2})
	require.Len(t, results, 6)
	for i, field := range map[int]string{1: "update", 3: "WorkCapacity", 4: "userID"} {
		var ve *ValidationError
		require.ErrorAs(t, results[i].Err, &ve, "change %d", i)
		assert.Equal(t, field, ve.Field)
	}
	for _, i := range []int{0, 2, 5} {
		assert.NoError(t, results[i].Err)
	}
	assert.EqualValues(t, 3, requests.Load(), "invalid changes cost no request")
}

func TestProfilesUpdateMany_cancellationMarksUnstartedChanges(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	const answered = 5
	var requests atomic.Int32
	release := make(chan struct{})
	t.Cleanup(func() { close(release) }) // runs before the server's Close
	mux.HandleFunc("PATCH /v1/workspaces/ws1/member-profile/{user}", func(w http.ResponseWriter, r *http.Request) {
		if requests.Add(1) > answered {
			readBody(t, r) // the server notices a closed connection only once the body is read
			select {
			case <-r.Context().Done(): // hang until the client gives up
			case <-release:
			}
			return
		}
		echoProfile(t, w, r)
	})
	cctx, cancel := context.WithCancel(ctx)
	defer cancel()
	changes := capacityChanges(30)

	results := client.Profiles.UpdateMany(cctx, "ws1", changes, &BulkOptions{
		Concurrency: 3,
		Progress: func(done, total int, r BulkResult) {
			if done == answered {
				cancel()
			}
		},
	})
	require.Len(t, results, len(changes), "no result is missing")
	succeeded := 0
	for i, r := range results {
		assert.Equal(t, changes[i].UserID, r.UserID)
		if r.Err == nil {
			succeeded++
			assert.NotNil(t, r.Profile)
			continue
		}
		assert.ErrorIs(t, r.Err, context.Canceled, "change %d", i)
		assert.Nil(t, r.Profile)
	}
	assert.Equal(t, answered, succeeded)
	assert.LessOrEqual(t, requests.Load(), int32(answered+3), "no change starts after cancellation")
	for _, r := range results[answered+3:] {
		assert.ErrorIs(t, r.Err, context.Canceled)
	}
}

func TestProfilesUpdateMany_alreadyCancelled(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	var requests atomic.Int32
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { requests.Add(1) })
	cctx, cancel := context.WithCancel(ctx)
	cancel()

	results := client.Profiles.UpdateMany(cctx, "ws1", capacityChanges(10), nil)
	require.Len(t, results, 10)
	for _, r := range results {
		assert.ErrorIs(t, r.Err, context.Canceled)
	}
	assert.Zero(t, requests.Load())
}

func TestProfilesUpdateMany_progress(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("PATCH /v1/workspaces/ws1/member-profile/{user}", func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(time.Duration(rand.IntN(1000)) * time.Microsecond)
		echoProfile(t, w, r)
	})
	changes := capacityChanges(25)
	changes[7].Update = nil

	// Unguarded on purpose: -race reports it if Progress ever runs concurrently.
	var calls []int
	seen := map[string]bool{}
	var active atomic.Int32
	results := client.Profiles.UpdateMany(ctx, "ws1", changes, &BulkOptions{
		Concurrency: 6,
		Progress: func(done, total int, r BulkResult) {
			assert.EqualValues(t, 1, active.Add(1), "Progress runs one call at a time")
			defer active.Add(-1)
			assert.Equal(t, len(changes), total)
			calls = append(calls, done)
			seen[r.UserID] = true
		},
	})
	require.Len(t, results, 25)
	require.Len(t, calls, 25)
	for i, done := range calls {
		assert.Equal(t, i+1, done)
	}
	assert.Len(t, seen, 25, "each change is reported once")
}

func TestProfilesUpdateMany_sameMemberInInputOrder(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	var mu sync.Mutex
	var got []string
	mux.HandleFunc("PATCH /v1/workspaces/ws1/member-profile/{user}", func(w http.ResponseWriter, r *http.Request) {
		body := readBody(t, r)
		if r.PathValue("user") == "u1" {
			mu.Lock()
			got = append(got, body)
			mu.Unlock()
		}
		time.Sleep(time.Duration(rand.IntN(1000)) * time.Microsecond)
		fmt.Fprint(w, body)
	})
	changes := []ProfileChange{
		{UserID: "u1", Update: &ProfileUpdate{WorkCapacity: Ptr(Hours(1))}},
		{UserID: "u2", Update: &ProfileUpdate{WorkCapacity: Ptr(Hours(2))}},
		{UserID: "u1", Update: &ProfileUpdate{WorkCapacity: Ptr(Hours(3))}},
		{UserID: "u3", Update: &ProfileUpdate{WorkCapacity: Ptr(Hours(4))}},
		{UserID: "u1", Update: &ProfileUpdate{WorkCapacity: Ptr(Hours(5))}},
	}
	results := client.Profiles.UpdateMany(ctx, "ws1", changes, &BulkOptions{Concurrency: 5})
	for i, r := range results {
		require.NoError(t, r.Err)
		assert.Equal(t, *changes[i].Update.WorkCapacity, r.Profile.WorkCapacity)
	}
	assert.Equal(t, []string{`{"workCapacity":"PT1H"}`, `{"workCapacity":"PT3H"}`, `{"workCapacity":"PT5H"}`}, got)
}

func TestProfilesUpdateMany_empty(t *testing.T) {
	t.Parallel()
	client, _ := setup(t)
	results := client.Profiles.UpdateMany(ctx, "ws1", nil, &BulkOptions{Progress: func(int, int, BulkResult) { t.Error("no progress for no changes") }})
	assert.Empty(t, results)
}

func TestProfilesUpdateMany_usesTheClientsLimiter(t *testing.T) {
	t.Parallel()
	lim := &countingLimiter{}
	client, mux := setup(t, WithRateLimiter(lim))
	mux.HandleFunc("PATCH /v1/workspaces/ws1/member-profile/{user}", func(w http.ResponseWriter, r *http.Request) {
		echoProfile(t, w, r)
	})
	results := client.Profiles.UpdateMany(ctx, "ws1", capacityChanges(12), &BulkOptions{Concurrency: 4})
	for _, r := range results {
		require.NoError(t, r.Err)
	}
	assert.EqualValues(t, 12, lim.n.Load(), "every request waits on the client's limiter")
}

func TestProfilesGetMany_resultsInOrderWithPerMemberErrors(t *testing.T) {
	client, mux := setupServer(t)
	mux.HandleFunc("GET /v1/workspaces/ws1/member-profile/{id}", func(w http.ResponseWriter, r *http.Request) {
		id := r.PathValue("id")
		if id == "u404" {
			w.WriteHeader(http.StatusBadRequest)
			fmt.Fprint(w, `{"message":"User doesn't belong to Workspace","code":501}`)
			return
		}
		fmt.Fprintf(w, `{"email":"%s@example.com","workCapacity":"PT7H","workingDays":["MONDAY"]}`, id)
	})
	ids := []string{"u1", "u404", "u2", "", "u3"}
	var progress []int
	results := client.Profiles.GetMany(ctx, "ws1", ids, &BulkOptions{Concurrency: 3, Progress: func(done, total int, r BulkResult) {
		assert.Equal(t, len(ids), total)
		progress = append(progress, done)
	}})
	require.Len(t, results, len(ids))
	for i, id := range ids {
		assert.Equal(t, id, results[i].UserID)
	}
	assert.Equal(t, "u1@example.com", results[0].Profile.Email)
	assert.Equal(t, Hours(7), results[2].Profile.WorkCapacity)
	assert.ErrorIs(t, results[1].Err, ErrNotFound)
	assert.Nil(t, results[1].Profile)
	assert.ErrorIs(t, results[3].Err, ErrInvalidInput)
	assert.NoError(t, results[4].Err)
	assert.Equal(t, []int{1, 2, 3, 4, 5}, progress)
	assert.Equal(t, int32(4), int32(len(mux.requests())), "one request per valid id")
}

func TestProfilesGetMany_cancelledMarksEveryMember(t *testing.T) {
	client, mux := setup(t)
	failOnUnexpectedRequest(t, mux)
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	results := client.Profiles.GetMany(cctx, "ws1", []string{"u1", "u2"}, nil)
	for _, r := range results {
		assert.ErrorIs(t, r.Err, context.Canceled)
	}
}
