package clockifytest

import (
	"net/http"
	"slices"
)

func parseWorkspaceRoles(c *call) ([]string, *apiError) {
	roles := multiParam(c.r.URL.Query(), "roles")
	for _, r := range roles {
		if !slices.Contains(filterRoles, r) {
			return nil, badEnumParam("roles", "Role", r)
		}
	}
	return roles, nil
}

// listWorkspaces serves GET /v1/workspaces: the workspaces where the caller
// is an active member. roles (repeated or comma-joined) keeps those where
// the caller holds any listed role; the owner is not counted as
// WORKSPACE_ADMIN here.
// https://docs.clockify.me/#tag/Workspace/operation/getWorkspacesOfUser
func (s *Server) listWorkspaces(c *call, roles []string) (int, any, *apiError) {
	out := []workspaceDTO{}
	for _, ws := range s.st.wsOrder {
		m := ws.members[c.caller]
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

// getWorkspace serves GET /v1/workspaces/{workspaceId}.
// https://docs.clockify.me/#tag/Workspace/operation/getWorkspaceOfUser
func (s *Server) getWorkspace(c *call) (int, any, *apiError) {
	return http.StatusOK, c.ws.dto(), nil
}
