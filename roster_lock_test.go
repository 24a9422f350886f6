package clockify_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
)

// recordingLocker is a WorkspaceLocker that records its use and how many requests the fake had
// seen at each step.
type recordingLocker struct {
	srv      *clockifytest.Server
	err      error
	mu       sync.Mutex
	keys     []string
	lockedAt int
	freedAt  int
	unlocks  int
}

func (l *recordingLocker) Lock(_ context.Context, key string) (func(context.Context) error, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.keys = append(l.keys, key)
	if l.err != nil {
		return nil, l.err
	}
	l.lockedAt = len(l.srv.Requests())
	return func(context.Context) error {
		l.mu.Lock()
		defer l.mu.Unlock()
		l.unlocks++
		l.freedAt = len(l.srv.Requests())
		return nil
	}, nil
}

func TestApplyRoster_holdsTheCallersLockWhileItWorks(t *testing.T) {
	srv, c := rosterDemo(t)
	plan := planRoster(t, c, []clockify.MemberSpec{{Name: "Twin", Limited: true}}, nil)
	srv.ResetRequests()
	l := &recordingLocker{srv: srv}
	results := c.Members.ApplyRoster(context.Background(), plan, &clockify.BulkOptions{Locker: l})
	require.NoError(t, results[0].Err)
	assert.Equal(t, []string{clockify.RosterLockKey(rosterWS)}, l.keys)
	assert.Equal(t, 0, l.lockedAt, "locked before the re-reading")
	assert.Equal(t, len(srv.Requests()), l.freedAt, "released after the last request")
	assert.Equal(t, 1, l.unlocks)
}

func TestApplyRoster_lockRefusedSendsNothing(t *testing.T) {
	srv, c := rosterDemo(t)
	plan := planRoster(t, c, []clockify.MemberSpec{{Name: "Twin", Limited: true}}, nil)
	srv.ResetRequests()
	refused := errors.New("redis is down")
	results := c.Members.ApplyRoster(context.Background(), plan, &clockify.BulkOptions{Locker: &recordingLocker{srv: srv, err: refused}})
	assert.ErrorIs(t, results[0].Err, refused)
	assert.Empty(t, srv.Requests())
	// The process's own lock was given back: the next apply goes ahead.
	require.NoError(t, c.Members.ApplyRoster(context.Background(), plan, nil)[0].Err)
}

func TestApplyRoster_waitingForTheLockEndsWithTheContext(t *testing.T) {
	_, c := rosterDemo(t)
	plan := planRoster(t, c, []clockify.MemberSpec{{Name: "Twin", Limited: true}}, nil)
	// Another apply of this workspace holds the process's lock until release is closed.
	release := make(chan struct{})
	held := make(chan struct{})
	blocker := &blockingLocker{held: held, release: release}
	done := make(chan []clockify.RosterResult)
	go func() {
		done <- c.Members.ApplyRoster(context.Background(), plan, &clockify.BulkOptions{Locker: blocker})
	}()
	<-held
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	results := c.Members.ApplyRoster(ctx, plan, nil)
	assert.ErrorIs(t, results[0].Err, context.Canceled)
	close(release)
	first := <-done
	assert.NoError(t, first[0].Err)
}

// blockingLocker lets its holder go on only once release is closed.
type blockingLocker struct {
	held    chan struct{}
	release chan struct{}
}

func (b *blockingLocker) Lock(context.Context, string) (func(context.Context) error, error) {
	close(b.held)
	<-b.release
	return func(context.Context) error { return nil }, nil
}

// hookTransport calls after once a response to a request that match accepts has arrived.
type hookTransport struct {
	base  http.RoundTripper
	match func(*http.Request) bool
	once  sync.Once
	after func()
}

func (h *hookTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := h.base.RoundTrip(r)
	if err == nil && h.match(r) {
		h.once.Do(h.after)
	}
	return resp, err
}

// A run of another process that adds the same limited member between this run's re-reading
// and its add (no shared lock) makes this run stale instead of adding a duplicate.
func TestApplyRoster_limitedMemberAddedMeanwhileIsNotDuplicated(t *testing.T) {
	srv, c := rosterDemo(t)
	plan := planRoster(t, c, []clockify.MemberSpec{{Name: "Twin", Limited: true}}, nil)
	hook := &hookTransport{base: srv.HTTPClient().Transport,
		match: func(r *http.Request) bool {
			return r.Method == http.MethodGet && strings.HasSuffix(r.URL.Path, "/users") && r.URL.Query().Get("include-roles") == "true"
		},
		after: func() {
			srv.AddMember(rosterWS, clockifytest.MemberSeed{Name: "Twin", AccountStatus: "LIMITED"})
		}}
	other := srv.Client(append(fastOpts, clockify.WithHTTPClient(&http.Client{Transport: hook}))...)
	srv.ResetRequests()
	results := other.Members.ApplyRoster(context.Background(), plan, nil)
	require.ErrorIs(t, results[0].Err, clockify.ErrStalePlan)
	assert.Empty(t, sentTo(srv, http.MethodPost, "/v1/workspaces/"+rosterWS+"/limited-users"))
	n := 0
	for _, m := range srv.Members(rosterWS) {
		if m.Name == "Twin" {
			n++
		}
	}
	assert.Equal(t, 1, n)
}
