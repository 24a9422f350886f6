package clockifytest

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"time"
)

// Server is an in-memory fake of the Clockify REST API, listening on a local
// httptest server. It serves /v1/... at its root, so its URL is the base URL
// an SDK client expects (the part before /v1). All methods are safe for
// concurrent use.
type Server struct {
	// URL is the base URL of the fake, e.g. "http://127.0.0.1:41234".
	URL string

	ts  *httptest.Server
	mux *http.ServeMux

	mu      sync.RWMutex
	st      *store
	wsID    string // the primary workspace
	ownerID string // its owner
	owner   string // the owner's API key

	realRetryWaits bool // Client keeps clockify.DefaultRetryPolicy

	limiter  limiter
	faults   faultQueue
	recorder recorder
	latency  latency
	hooks    webhookHub
}

// NewServer starts a fake with one paid workspace (DefaultWorkspaceID,
// "Test Workspace", plan STANDARD_2021 with DefaultPaidFeatures) whose owner
// (DefaultOwnerID, "Olivia Owner") holds the key returned by OwnerKey. Seed
// more with the Add* methods. Close it when done.
func NewServer(opts ...ServerOption) *Server {
	return newServer(seedDefault, opts)
}

func newServer(seed func(*Server), opts []ServerOption) *Server {
	cfg := serverConfig{}
	for _, o := range opts {
		o(&cfg)
	}
	s := &Server{st: newStore(), mux: http.NewServeMux()}
	s.mount()
	seed(s)
	s.owner = s.IssueKey(s.ownerID)
	if cfg.generated > 0 {
		s.GenerateMembers(s.wsID, cfg.generated)
	}
	s.limiter.retryAfter = cfg.retryAfter
	s.realRetryWaits = cfg.realWaits
	s.SetRateLimit(cfg.ratePerSecond, cfg.burst)
	s.SetLatency(cfg.latency)
	s.ts = httptest.NewServer(s)
	s.URL = s.ts.URL
	return s
}

// DefaultWorkspaceID and DefaultOwnerID identify what NewServer seeds.
const (
	DefaultWorkspaceID = "6650f1c20000000000000a01"
	DefaultOwnerID     = "6650f1c20000000000000b01"
)

func seedDefault(s *Server) {
	s.AddWorkspace(WorkspaceSeed{ID: DefaultWorkspaceID, Name: "Test Workspace", Plan: "STANDARD_2021"})
	s.AddMember(DefaultWorkspaceID, MemberSeed{
		ID: DefaultOwnerID, Name: "Olivia Owner", Email: "olivia.owner@example.com",
		Roles: Roles{Owner: true},
	})
	s.wsID, s.ownerID = DefaultWorkspaceID, DefaultOwnerID
}

// Close shuts the server down, closing open connections and stopping webhook deliveries.
func (s *Server) Close() { s.hooks.close(); s.ts.Close() }

// OwnerKey returns the API key of the primary workspace's owner; Client uses it.
func (s *Server) OwnerKey() string { return s.owner }

// WorkspaceID returns the primary workspace: DefaultWorkspaceID for NewServer,
// DemoWorkspaceID for NewDemoServer.
func (s *Server) WorkspaceID() string { return s.wsID }

// OwnerID returns the id of the primary workspace's owner.
func (s *Server) OwnerID() string { return s.ownerID }

// HTTPClient returns an *http.Client for raw requests to the fake.
func (s *Server) HTTPClient() *http.Client { return s.ts.Client() }

// ServeHTTP answers one request. The order is: record, latency, rate limit,
// injected faults, authentication, routing (404/405), then the endpoint.
// Rate-limited requests therefore never consume a fault, and a fault fires
// whatever credentials the request carries.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	_ = r.Body.Close()
	r.Body = io.NopCloser(bytes.NewReader(body))
	entry := newRecordedRequest(r, body)
	var once sync.Once
	commit := func(status int) {
		once.Do(func() {
			entry.Status = status
			s.recorder.add(entry)
		})
	}
	// The request is recorded when its status is written, before any byte
	// reaches the client, so a client that has its answer always finds it
	// in Requests; a request without an answer is recorded at the end.
	rw := &recordingWriter{ResponseWriter: w, commit: commit}
	defer func() { commit(rw.status) }()

	if !s.latency.sleep(r.Context()) {
		return
	}
	if err := s.limiter.allow(rw); err != nil {
		writeError(rw, err)
		return
	}
	if f, ok := s.faults.take(r); ok {
		entry.Faulted = true
		s.serveFault(rw, r, body, f)
		return
	}
	s.serve(rw, r, body)
}

// latency is a fixed delay added to every request.
type latency struct {
	mu sync.Mutex
	d  time.Duration
}

// SetLatency delays every later request by d (0 disables).
func (s *Server) SetLatency(d time.Duration) {
	s.latency.mu.Lock()
	s.latency.d = d
	s.latency.mu.Unlock()
}

// sleep waits the configured latency; false if the client gave up first.
func (l *latency) sleep(ctx context.Context) bool {
	l.mu.Lock()
	d := l.d
	l.mu.Unlock()
	return sleepCtx(ctx, d)
}

func sleepCtx(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return true
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
