package clockifytest

import (
	"net/http"
	"slices"
)

const msgOwnerRole = "The workspace owner's role can't be changed"

// roleRequest is RoleRequestV1, the body of a role grant and removal.
type roleRequest struct {
	EntityID   string  `json:"entityId"`
	Role       string  `json:"role"`
	SourceType *string `json:"sourceType"`
}

func parseRoleGrant(c *call) (roleRequest, *apiError) {
	return parseRole(c, sig("List<RoleDetailsDtoV1>", "user.UserHttpAdapter", "createUserRole", "RoleRequestV1"))
}

func parseRoleRemoval(c *call) (roleRequest, *apiError) {
	return parseRole(c, sig("void", "user.UserHttpAdapter", "deleteUserRole", "RoleRequestV1"))
}

// parseRole reads and validates a RoleRequestV1 body (framework-level
// errors, answered before any rule).
func parseRole(c *call, signature string) (roleRequest, *apiError) {
	var req roleRequest
	if err := c.decode(&req, signature); err != nil {
		return req, err
	}
	switch {
	case req.EntityID == "":
		return req, invalidField("entityId", "This field can't be empty")
	case req.Role == "":
		return req, invalidField("role", "This field can't be empty")
	case !slices.Contains(assignableRoles, req.Role):
		return req, badEnumJSON("Role", req.Role, assignableRoles)
	case req.SourceType != nil && *req.SourceType != "USER_GROUP":
		return req, badEnumJSON("AuthorizationSourceType", *req.SourceType, []string{"USER_GROUP"})
	case req.SourceType != nil && req.Role != RoleTeamManager:
		return req, invalidField("sourceType", "USER_GROUP source is only valid for the TEAM_MANAGER role")
	}
	return req, nil
}

// group reports a team-manager role over a user group.
func (req roleRequest) group() bool { return req.SourceType != nil }

// checkRole checks what grant and removal share: the MANAGER_ROLE feature
// for manager roles, and that the role's entity exists (400 code 501 if not).
func checkRole(ws *workspace, req roleRequest) *apiError {
	if req.Role != RoleWorkspaceAdmin && !ws.hasFeature(FeatureManagerRole) {
		return errAccessDenied
	}
	switch {
	case req.Role == RoleWorkspaceAdmin && req.EntityID != ws.id:
		return errWorkspaceNotFound
	case req.Role == RoleProjectManager && ws.projects[req.EntityID] == nil:
		return notFound("Project")
	case req.Role == RoleTeamManager && req.group() && ws.groups[req.EntityID] == nil:
		return notFound("UserGroup")
	case req.Role == RoleTeamManager && !req.group() && ws.members[req.EntityID] == nil:
		return notFound("User")
	}
	return nil
}

// roleList returns the slice of m's that keeps a manager role of req's kind.
func roleList(m *member, req roleRequest) *[]string {
	switch {
	case req.Role == RoleProjectManager:
		return &m.pmProjects
	case req.group():
		return &m.tmGroups
	}
	return &m.tmUsers
}

// grantRole serves POST /v1/workspaces/{workspaceId}/users/{userId}/roles →
// 201, an array with the granted role in the nested RoleDetailsDtoV1 shape.
// Granting a role already held succeeds and changes nothing.
// https://docs.clockify.me/#tag/User/operation/createUserRole
func (s *Server) grantRole(c *call, req roleRequest) (int, any, *apiError) {
	if err := checkRole(c.ws, req); err != nil {
		return 0, nil, err
	}
	if req.Role == RoleWorkspaceAdmin {
		c.target.admin = true
	} else {
		l := roleList(c.target, req)
		*l = appendUnique(*l, req.EntityID)
	}
	s.st.touch()
	var src *authSourceDTO
	if req.group() {
		src = &authSourceDTO{ID: req.EntityID, Type: "USER_GROUP"}
	}
	return http.StatusCreated, []roleDetailsDTO{{
		Role:   roleDTO{ID: req.EntityID, Name: req.Role, Source: src},
		UserID: c.target.user.id, WorkspaceID: c.ws.id,
	}}, nil
}

// removeRole serves DELETE /v1/workspaces/{workspaceId}/users/{userId}/roles
// (JSON body) → 204. Only the owner removes the admin role
// (https://clockify.me/help/users/admins). Removing a role the member does
// not hold succeeds and changes nothing.
// https://docs.clockify.me/#tag/User/operation/deleteUserRole
func (s *Server) removeRole(c *call, req roleRequest) (int, any, *apiError) {
	if err := checkRole(c.ws, req); err != nil {
		return 0, nil, err
	}
	if req.Role == RoleWorkspaceAdmin {
		switch {
		case !c.ws.isOwner(c.caller):
			return 0, nil, errAccessDenied
		case c.ws.isOwner(c.target.user.id):
			return 0, nil, restriction(msgOwnerRole)
		}
		c.target.admin = false
	} else {
		l := roleList(c.target, req)
		*l = removeString(*l, req.EntityID)
	}
	s.st.touch()
	return http.StatusNoContent, nil, nil
}

// listManagers serves GET /v1/workspaces/{workspaceId}/users/{userId}/managers:
// the member's team managers, direct or through a group, with Last-Page.
// https://docs.clockify.me/#tag/User/operation/getManagersOfUser
func (s *Server) listManagers(c *call, spec listSpec) (int, any, *apiError) {
	managers := c.ws.managersOf(c.target.user.id)
	list := s.page(c.ws, spec.sortColumn, spec.sortOrder, spec.page, spec.pageSize, func(m *member) bool { return managers[m] })
	out := make([]userDTO, len(list))
	for i, m := range list {
		out[i] = s.st.userDTO(c.ws, m, "NONE", false)
	}
	setLastPage(c.w, len(out), spec.pageSize)
	return http.StatusOK, out, nil
}
