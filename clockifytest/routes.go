package clockifytest

import (
	"bytes"
	"context"
	"encoding/json"
	"mime"
	"net/http"
	"strings"
)

// access is who may call a route. The route table states it, and the
// server checks it (under its lock, after the request is parsed) before the
// endpoint runs, so an endpoint never repeats the check.
type access int

const (
	// anyone: any valid credential, API key or add-on token.
	anyone access = iota
	// apiKeys: any valid API key; to such a route an add-on token is no
	// credential at all (401 code 1000).
	apiKeys
	// members: an active member of {workspaceId}, or an add-on installed
	// there; anyone else gets 400 code 501 "Workspace doesn't belong to User".
	members
	// admins: as members, and the caller must be the workspace's owner or a
	// workspace admin (an add-on acts as the owner); others get 403
	// "Access Denied". See https://clockify.me/help/users/who-can-do-what.
	admins
)

// route is one endpoint: "method pattern", who may call it, and what it does.
type route struct {
	method  string
	pattern string
	access  access
	h       handler
}

// handler is an endpoint in two steps. parse reads the query and body and
// refuses what the framework refuses (bad JSON, bad enum, missing field),
// before any lock or rule, as Spring answers those first. run applies the
// product rules and the change, holding the server's lock, with the
// workspace, caller and path entities already resolved in the call.
type handler struct {
	parse    func(c *call) (any, *apiError) // nil: nothing to read
	run      func(c *call, req any) (int, any, *apiError)
	readOnly bool // run only reads: the read lock suffices (GET routes always)
}

// serves is a handler without a request to parse.
func serves(run func(c *call) (int, any, *apiError)) handler {
	return handler{run: func(c *call, _ any) (int, any, *apiError) { return run(c) }}
}

// parsed is a handler whose request, of type T, parse reads before the lock.
func parsed[T any](parse func(c *call) (T, *apiError), run func(c *call, req T) (int, any, *apiError)) handler {
	return handler{
		parse: func(c *call) (any, *apiError) { return parse(c) },
		run:   func(c *call, req any) (int, any, *apiError) { return run(c, req.(T)) },
	}
}

// reads marks a non-GET handler that changes nothing, such as a search by POST.
func (h handler) reads() handler {
	h.readOnly = true
	return h
}

// wsPath is the prefix of every workspace-scoped route.
const wsPath = "/v1/workspaces/{workspaceId}"

// routes lists every endpoint the fake serves, with Clockify's paths and
// verbs (https://docs.clockify.me/). Adding one is one line here and one
// handler.
func (s *Server) routes() []route {
	const get, post, put, patch, del = http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete
	return []route{
		{get, "/v1/user", anyone, parsed(parseCurrentUser, s.getCurrentUser)},
		{post, "/v1/file/image", anyone, parsed(parseImageUpload, s.uploadImage)},
		{get, "/v1/workspaces", apiKeys, parsed(parseWorkspaceRoles, s.listWorkspaces)},
		{get, wsPath, members, serves(s.getWorkspace)},

		{get, wsPath + "/users", members, parsed(parseListUsers, s.listUsers)},
		{post, wsPath + "/users/info", members, parsed(parseFilterUsers, s.filterUsers).reads()},
		{post, wsPath + "/users", admins, parsed(parseInvite, s.inviteUser)},
		{post, wsPath + "/limited-users", admins, parsed(parseLimitedUsers, s.addLimitedUsers)},
		{put, wsPath + "/users/{userId}", admins, parsed(parseStatus, s.updateUserStatus)},
		{del, wsPath + "/users/{userId}", admins, serves(s.removeMember)},

		{put, wsPath + "/users/{userId}/hourly-rate", admins, parsed(parseHourlyRate, s.memberRate(false))},
		{put, wsPath + "/users/{userId}/cost-rate", admins, parsed(parseCostRate, s.memberRate(true))},
		{put, wsPath + "/hourly-rate", admins, parsed(parseWorkspaceHourlyRate, s.workspaceRate(false))},
		{put, wsPath + "/cost-rate", admins, parsed(parseWorkspaceCostRate, s.workspaceRate(true))},
		{put, wsPath + "/projects/{projectId}/users/{userId}/hourly-rate", admins, parsed(parseProjectHourlyRate, s.projectRate(false))},
		{put, wsPath + "/projects/{projectId}/users/{userId}/cost-rate", admins, parsed(parseProjectCostRate, s.projectRate(true))},

		{get, wsPath + "/member-profile/{userId}", members, serves(s.getMemberProfile)},
		{patch, wsPath + "/member-profile/{userId}", admins, parsed(parseProfileUpdate, s.updateMemberProfile)},
		{put, wsPath + "/users/{userId}/custom-field/{customFieldId}/value", members, parsed(parseCustomFieldValue, s.upsertCustomFieldValue)},

		{get, wsPath + "/users/{userId}/managers", members, parsed(parseSortAndPage, s.listManagers)},
		{post, wsPath + "/users/{userId}/roles", admins, parsed(parseRoleGrant, s.grantRole)},
		{del, wsPath + "/users/{userId}/roles", admins, parsed(parseRoleRemoval, s.removeRole)},

		{get, wsPath + "/time-entries/status/in-progress", admins, parsed(parseInProgress, s.listRunningTimers)},
		{get, wsPath + "/user/{userId}/time-entries", members, parsed(parseMemberEntries, s.listMemberEntries)},
		{patch, wsPath + "/user/{userId}/time-entries", members, parsed(parseStopTimer, s.stopTimer)},

		{get, wsPath + "/approval-requests", members, parsed(parseApprovals, s.listApprovals)},

		{get, wsPath + "/user-groups", members, parsed(parseListGroups, s.listGroups)},
		{post, wsPath + "/user-groups", admins, parsed(parseGroupCreate, s.createGroup)},
		{put, wsPath + "/user-groups/{userGroupId}", admins, parsed(parseGroupRename, s.renameGroup)},
		{del, wsPath + "/user-groups/{userGroupId}", admins, serves(s.deleteGroup)},
		{post, wsPath + "/user-groups/{userGroupId}/users", admins, parsed(parseGroupUser, s.addUserToGroup)},
		{del, wsPath + "/user-groups/{userGroupId}/users/{userId}", admins, serves(s.removeUserFromGroup)},

		{get, wsPath + "/webhooks", members, parsed(parseListWebhooks, s.listWebhooks)},
		{post, wsPath + "/webhooks", members, parsed(parseWebhookCreate, s.createWebhook)},
		{get, wsPath + "/webhooks/{webhookId}", members, serves(s.getWebhook)},
		{put, wsPath + "/webhooks/{webhookId}", members, parsed(parseWebhookUpdate, s.updateWebhook)},
		{del, wsPath + "/webhooks/{webhookId}", members, serves(s.deleteWebhook)},
		{patch, wsPath + "/webhooks/{webhookId}/token", members, serves(s.regenerateWebhookToken)},
		{post, wsPath + "/webhooks/{webhookId}/logs", members, parsed(parseWebhookLogs, s.webhookLogs).reads()},
	}
}

func (s *Server) mount() {
	for _, rt := range s.routes() {
		s.mux.Handle(rt.method+" "+rt.pattern, s.endpoint(rt))
	}
	s.mux.HandleFunc("/", s.noRoute)
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

// endpoint runs a route: parse the request, take the lock, check access and
// resolve the path's entities, run, answer.
func (s *Server) endpoint(rt route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.Context().Value(ctxPrincipal).(principal)
		if p.addonWS != "" && rt.access == apiKeys {
			writeError(w, errAuthHeaders)
			return
		}
		body, _ := r.Context().Value(ctxBody).([]byte)
		c := &call{s: s, w: w, r: r, p: p, body: body}
		status, v, err := s.run(c, rt)
		switch {
		case err != nil:
			writeError(w, err)
		case status == http.StatusNoContent:
			w.WriteHeader(status)
		case v == nil: // 200 with no body (DELETE …/webhooks/{webhookId})
			w.WriteHeader(status)
		default:
			writeJSON(w, status, v)
		}
	})
}

func (s *Server) run(c *call, rt route) (int, any, *apiError) {
	var req any
	if rt.h.parse != nil {
		var err *apiError
		if req, err = rt.h.parse(c); err != nil {
			return 0, nil, err
		}
	}
	if rt.method == http.MethodGet || rt.h.readOnly {
		s.mu.RLock()
		defer s.mu.RUnlock()
	} else {
		s.mu.Lock()
		defer s.mu.Unlock()
	}
	if err := c.authorize(rt.access); err != nil {
		return 0, nil, err
	}
	return rt.h.run(c, req)
}

// call is the context of one endpoint invocation.
type call struct {
	s    *Server
	w    http.ResponseWriter
	r    *http.Request
	p    principal
	body []byte

	// Resolved before run, per the route's access and path:
	ws      *workspace // {workspaceId}
	caller  string     // who acts: the key's user, or the owner for an add-on
	target  *member    // {userId}
	group   *group     // {userGroupId}
	project *project   // {projectId}
}

// authorize resolves {workspaceId} for the caller and checks the route's
// access, then resolves the entities the path names (group, project, user;
// 400 code 501 for an unknown one). Callers hold s.mu.
func (c *call) authorize(a access) *apiError {
	if a == anyone || a == apiKeys {
		c.caller = c.p.userID
		return nil
	}
	ws := c.s.st.workspaces[c.r.PathValue("workspaceId")]
	switch {
	case ws == nil:
		return errWorkspaceNotFound
	case c.p.addonWS != "" && c.p.addonWS != ws.id:
		return errWorkspaceNotFound
	case c.p.addonWS != "":
		c.caller = ws.ownerID
	default:
		if m := ws.members[c.p.userID]; m == nil || m.status != MembershipActive {
			return errWorkspaceNotFound
		}
		c.caller = c.p.userID
	}
	c.ws = ws
	if a == admins && !ws.isAdmin(c.caller) {
		return errAccessDenied
	}
	return c.resolvePath()
}

func (c *call) resolvePath() *apiError {
	if id := c.r.PathValue("userGroupId"); id != "" {
		if c.group = c.ws.groups[id]; c.group == nil {
			return notFound("UserGroup")
		}
	}
	if id := c.r.PathValue("projectId"); id != "" {
		if c.project = c.ws.projects[id]; c.project == nil {
			return notFound("Project")
		}
	}
	if id := c.r.PathValue("userId"); id != "" {
		if c.target = c.ws.members[id]; c.target == nil {
			return notFound("User")
		}
	}
	return nil
}

// isAdmin reports whether the caller administers the call's workspace.
func (c *call) isAdmin() bool { return c.ws.isAdmin(c.caller) }

// decode reads the JSON body into dst, answering like Spring/Jackson would:
// 3002 quoting the handler's Java signature sig for a missing body, 415 for
// a non-JSON content type, 3000 for bad JSON.
func (c *call) decode(dst any, sig string) *apiError {
	if len(bytes.TrimSpace(c.body)) == 0 {
		return missingBody(sig)
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

// sig is the Java signature of a Clockify handler taking the workspace id,
// as the 3002 "Required request body is missing" error quotes it.
func sig(ret, adapter, method, req string) string { return sigN(1, ret, adapter, method, req) }

// sigN is sig for a handler taking n ids from the path.
func sigN(n int, ret, adapter, method, req string) string {
	return "public com.clockify.adapter.http.v1.dto." + ret + " com.clockify.adapter.http.v1." + adapter + "." + method +
		"(" + strings.Repeat("java.lang.String,", n) + "com.clockify.adapter.http.v1.requests." + req + ",com.clockify.adapter.spring.security.CurrentAuth)"
}
