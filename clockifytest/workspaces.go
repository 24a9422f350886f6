package clockifytest

import (
	"net/http"
	"slices"
)

// E2 GET /v1/workspaces
//
// Lists the workspaces where the caller is an active member. roles (repeated
// or comma-joined) keeps those where the caller holds any listed role; the
// owner is not counted as WORKSPACE_ADMIN here (clockify-api.md §9).
func (s *Server) listWorkspaces(c *call) (int, any, *apiError) {
	roles := multiParam(c.r.URL.Query(), "roles")
	for _, r := range roles {
		if !slices.Contains(filterRoles, r) {
			return 0, nil, badEnumParam("roles", "Role", r)
		}
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := []workspaceDTO{}
	for _, ws := range s.st.wsOrder {
		m := ws.members[c.p.userID]
		if m == nil || m.status != MembershipActive {
			continue
		}
		if len(roles) > 0 && !slices.ContainsFunc(roles, func(r string) bool { return ws.hasRole(m, r, false) }) {
			continue
		}
		out = append(out, ws.dto())
	}
	return http.StatusOK, out, nil
}

// E3 GET /v1/workspaces/{workspaceId}
func (s *Server) getWorkspace(c *call) (int, any, *apiError) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	ws, err := c.workspace()
	if err != nil {
		return 0, nil, err
	}
	return http.StatusOK, ws.dto(), nil
}
