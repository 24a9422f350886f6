package clockifytest

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"mime"
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

	limiter  limiter
	faults   faultQueue
	recorder recorder
	latency  latency
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
	s.routes()
	seed(s)
	s.owner = s.IssueKey(s.ownerID)
	if cfg.generated > 0 {
		s.GenerateMembers(s.wsID, cfg.generated)
	}
	s.limiter.retryAfter = cfg.retryAfter
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

// Close shuts the server down, closing open connections.
func (s *Server) Close() { s.ts.Close() }

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

type ctxKey int

const (
	ctxPrincipal ctxKey = iota
	ctxBody
)

// serve authenticates and dispatches.
func (s *Server) serve(w http.ResponseWriter, r *http.Request, body []byte) {
	p, err := s.authenticate(r)
	if err != nil {
		writeError(w, err)
		return
	}
	ctx := context.WithValue(r.Context(), ctxPrincipal, p)
	ctx = context.WithValue(ctx, ctxBody, body)
	s.mux.ServeHTTP(w, r.WithContext(ctx))
}

// route is one endpoint of clockify-api.md §11.
type route struct {
	pattern string // "METHOD /path"
	addon   bool   // accepts X-Addon-Token
	sig     string // Java handler signature quoted by the 3002 "body is missing" error
	h       func(c *call) (int, any, *apiError)
}

func (s *Server) routes() {
	for _, rt := range []route{
		{"GET /v1/user", true, "", s.getCurrentUser},
		{"GET /v1/workspaces", false, "", s.listWorkspaces},
		{"GET /v1/workspaces/{workspaceId}", true, "", s.getWorkspace},
		{"GET /v1/workspaces/{workspaceId}/users", true, "", s.listUsers},
		{"POST /v1/workspaces/{workspaceId}/users/info", true, sig("UserDtoV1", "user.UserHttpAdapter", "filterUsersOfWorkspace", "GetUsersRequestV1"), s.filterUsers},
		{"POST /v1/workspaces/{workspaceId}/users", true, sig("WorkspaceDtoV1", "workspace.WorkspaceHttpAdapter", "addUsers", "AddUserToWorkspaceRequest"), s.inviteUser},
		{"POST /v1/workspaces/{workspaceId}/limited-users", true, sig("LimitedUsersDtoV1", "workspace.WorkspaceHttpAdapter", "addLimitedUsersWithInfo", "AddLimitedUsersRequest"), s.addLimitedUsers},
		{"PUT /v1/workspaces/{workspaceId}/users/{userId}", true, sig("WorkspaceDtoV1", "workspace.WorkspaceHttpAdapter", "updateUserStatus", "UpdateUserStatusRequest"), s.updateUserStatus},
		{"DELETE /v1/workspaces/{workspaceId}/users/{userId}", true, "", s.removeMember},
		{"PUT /v1/workspaces/{workspaceId}/users/{userId}/hourly-rate", true, sig("WorkspaceDtoV1", "workspace.WorkspaceHttpAdapter", "setHourlyRateForUser", "HourlyRateRequestV1"), s.setHourlyRate},
		{"PUT /v1/workspaces/{workspaceId}/users/{userId}/cost-rate", true, sig("WorkspaceDtoV1", "workspace.WorkspaceHttpAdapter", "setCostRateForUser", "CostRateRequestV1"), s.setCostRate},
		{"GET /v1/workspaces/{workspaceId}/member-profile/{userId}", true, "", s.getMemberProfile},
		{"PATCH /v1/workspaces/{workspaceId}/member-profile/{userId}", true, sig("MemberProfileDtoV1", "user.UserHttpAdapter", "updateMemberProfileWithAdditionalData", "MemberProfileFullRequestV1"), s.updateMemberProfile},
		{"PUT /v1/workspaces/{workspaceId}/users/{userId}/custom-field/{customFieldId}/value", true, sig("UserCustomFieldValueDtoV1", "user.UserHttpAdapter", "upsertUserCustomFieldValue", "UpsertUserCustomFieldRequestV1"), s.upsertCustomFieldValue},
		{"GET /v1/workspaces/{workspaceId}/users/{userId}/managers", true, "", s.listManagers},
		{"POST /v1/workspaces/{workspaceId}/users/{userId}/roles", true, sig("List<RoleDetailsDtoV1>", "user.UserHttpAdapter", "createUserRole", "RoleRequestV1"), s.grantRole},
		{"DELETE /v1/workspaces/{workspaceId}/users/{userId}/roles", true, sig("void", "user.UserHttpAdapter", "deleteUserRole", "RoleRequestV1"), s.removeRole},
		{"GET /v1/workspaces/{workspaceId}/user-groups", true, "", s.listGroups},
		{"POST /v1/workspaces/{workspaceId}/user-groups/{userGroupId}/users", true, "public com.clockify.adapter.http.v1.dto.UserGroupDtoV1 com.clockify.adapter.http.v1.usergroup.UserGroupHttpAdapter.addUser(java.lang.String,java.lang.String,com.clockify.adapter.http.v1.requests.UserGroupUserRequest,com.clockify.adapter.spring.security.CurrentAuth)", s.addUserToGroup},
		{"DELETE /v1/workspaces/{workspaceId}/user-groups/{userGroupId}/users/{userId}", true, "", s.removeUserFromGroup},
	} {
		s.mux.Handle(rt.pattern, s.endpoint(rt))
	}
	s.mux.HandleFunc("/v1/workspaces/{workspaceId}/user-groups/{userGroupId}", s.groupItem)
	s.mux.HandleFunc("/", s.noRoute)
}

func sig(ret, adapter, method, req string) string {
	return "public com.clockify.adapter.http.v1.dto." + ret + " com.clockify.adapter.http.v1." + adapter + "." + method +
		"(java.lang.String,com.clockify.adapter.http.v1.requests." + req + ",com.clockify.adapter.spring.security.CurrentAuth)"
}

var probeMethods = []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete}

// noRoute answers what no endpoint pattern matched: 405 with Allow when the
// path exists under another verb, 404 otherwise (both code 3000).
func (s *Server) noRoute(w http.ResponseWriter, r *http.Request) {
	var allow []string
	for _, m := range probeMethods {
		probe := r.Clone(r.Context())
		probe.Method = m
		if _, pattern := s.mux.Handler(probe); pattern != "/" && pattern != "" {
			allow = append(allow, m)
		}
	}
	if len(allow) > 0 {
		writeError(w, methodNotAllowed(r.Method, allow))
		return
	}
	writeError(w, routeNotFound(r.URL.Path))
}

func (s *Server) endpoint(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.Context().Value(ctxPrincipal).(principal)
		if p.addonWS != "" && !rt.addon {
			// The endpoint accepts no add-on token, so as far as it is
			// concerned no credential was sent.
			writeError(w, errAuthHeaders)
			return
		}
		body, _ := r.Context().Value(ctxBody).([]byte)
		c := &call{s: s, w: w, r: r, p: p, rt: &rt, body: body}
		status, v, err := rt.h(c)
		switch {
		case err != nil:
			writeError(w, err)
		case status == http.StatusNoContent:
			w.WriteHeader(status)
		default:
			writeJSON(w, status, v)
		}
	})
}

// call is the context of one endpoint invocation.
type call struct {
	s    *Server
	w    http.ResponseWriter
	r    *http.Request
	p    principal
	rt   *route
	body []byte
}

// decode reads the JSON body into dst, answering like Spring/Jackson would:
// 3002 for a missing body, 415 for a non-JSON content type, 3000 for bad JSON.
func (c *call) decode(dst any) *apiError {
	if len(bytes.TrimSpace(c.body)) == 0 {
		return missingBody(c.rt.sig)
	}
	ct := c.r.Header.Get("Content-Type")
	if ct == "" {
		ct = "application/octet-stream"
	}
	if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != "application/json" {
		return &apiError{status: http.StatusUnsupportedMediaType, code: 3000, msg: "Content-Type '" + ct + "' is not supported"}
	}
	if err := json.Unmarshal(c.body, dst); err != nil {
		return badJSON(err.Error())
	}
	return nil
}

// workspace resolves {workspaceId} for the caller: it must exist and the
// caller must be an active member (or hold an add-on token for it).
// Callers hold s.mu.
func (c *call) workspace() (*workspace, *apiError) {
	ws := c.s.st.workspaces[c.r.PathValue("workspaceId")]
	if ws == nil {
		return nil, errWorkspaceNotFound
	}
	if c.p.addonWS != "" {
		if c.p.addonWS != ws.id {
			return nil, errWorkspaceNotFound
		}
		return ws, nil
	}
	if m := ws.members[c.p.userID]; m == nil || m.status != MembershipActive {
		return nil, errWorkspaceNotFound
	}
	return ws, nil
}

// callerID is the user the request acts as; an add-on acts as the owner of
// the workspace it is installed in.
func (c *call) callerID(ws *workspace) string {
	if c.p.addonWS != "" {
		return ws.ownerID
	}
	return c.p.userID
}

// adminWorkspace resolves the workspace and requires the caller to be its
// owner or an admin (clockify-api.md §15 rows 10 and 15).
func (c *call) adminWorkspace() (*workspace, *apiError) {
	ws, err := c.workspace()
	if err != nil {
		return nil, err
	}
	if !ws.isAdmin(c.callerID(ws)) {
		return nil, errAccessDenied
	}
	return ws, nil
}

// target resolves a member of ws from the path value name.
func (c *call) target(ws *workspace, name string) (*member, *apiError) {
	m := ws.members[c.r.PathValue(name)]
	if m == nil {
		return nil, notFound("User")
	}
	return m, nil
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
