package clockifytest

import (
	"net/http"
	"slices"
)

const msgOwnerRole = "The workspace owner's role can't be changed"

// roleRequest is RoleRequestV1 (E16, E17).
type roleRequest struct {
	EntityID   string  `json:"entityId"`
	Role       string  `json:"role"`
	SourceType *string `json:"sourceType"`
}

// decodeRole reads and validates a RoleRequestV1 body (framework-level
// errors, answered before any rule).
func decodeRole(c *call) (roleRequest, *apiError) {
	var req roleRequest
	if err := c.decode(&req); err != nil {
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

// roleChange is a role request resolved against a workspace.
type roleChange struct {
	ws     *workspace
	caller string
	target *member
	req    roleRequest
	group  bool // team manager of a user group
}

// resolveRole checks what E16 and E17 share: admin rights, the MANAGER_ROLE
// feature for manager roles, and that the target member and the role's
// entity exist (400 code 501 if not). Callers hold s.mu for writing.
func (c *call) resolveRole(req roleRequest) (*roleChange, *apiError) {
	ws, err := c.adminWorkspace()
	if err != nil {
		return nil, err
	}
	if req.Role != RoleWorkspaceAdmin && !ws.hasFeature(FeatureManagerRole) {
		return nil, errAccessDenied
	}
	target, err := c.target(ws, "userId")
	if err != nil {
		return nil, err
	}
	rc := &roleChange{ws: ws, caller: c.callerID(ws), target: target, req: req, group: req.SourceType != nil}
	switch {
	case req.Role == RoleWorkspaceAdmin && req.EntityID != ws.id:
		return nil, errWorkspaceNotFound
	case req.Role == RoleProjectManager && ws.projects[req.EntityID] == nil:
		return nil, notFound("Project")
	case req.Role == RoleTeamManager && rc.group && ws.groups[req.EntityID] == nil:
		return nil, notFound("UserGroup")
	case req.Role == RoleTeamManager && !rc.group && ws.members[req.EntityID] == nil:
		return nil, notFound("User")
	}
	return rc, nil
}

// list returns the slice a manager role is kept in.
func (rc *roleChange) list() *[]string {
	switch {
	case rc.req.Role == RoleProjectManager:
		return &rc.target.pmProjects
	case rc.group:
		return &rc.target.tmGroups
	}
	return &rc.target.tmUsers
}

// E16 POST /v1/workspaces/{workspaceId}/users/{userId}/roles → 201, an array
// with the granted role in the nested RoleDetailsDtoV1 shape. Granting a role
// already held succeeds and changes nothing.
func (s *Server) grantRole(c *call) (int, any, *apiError) {
	req, err := decodeRole(c)
	if err != nil {
		return 0, nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	rc, err := c.resolveRole(req)
	if err != nil {
		return 0, nil, err
	}
	if req.Role == RoleWorkspaceAdmin {
		rc.target.admin = true
	} else {
		l := rc.list()
		*l = appendUnique(*l, req.EntityID)
	}
	s.st.touch()
	var src *authSourceDTO
	if rc.group {
		src = &authSourceDTO{ID: req.EntityID, Type: "USER_GROUP"}
	}
	return http.StatusCreated, []roleDetailsDTO{{
		Role:   roleDTO{ID: req.EntityID, Name: req.Role, Source: src},
		UserID: rc.target.user.id, WorkspaceID: rc.ws.id,
	}}, nil
}

// E17 DELETE /v1/workspaces/{workspaceId}/users/{userId}/roles (JSON body) → 204.
// Only the owner removes the admin role (§15 row 9). Removing a role the
// member does not hold succeeds and changes nothing.
func (s *Server) removeRole(c *call) (int, any, *apiError) {
	req, err := decodeRole(c)
	if err != nil {
		return 0, nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	rc, err := c.resolveRole(req)
	if err != nil {
		return 0, nil, err
	}
	if req.Role == RoleWorkspaceAdmin {
		switch {
		case !rc.ws.isOwner(rc.caller):
			return 0, nil, errAccessDenied
		case rc.ws.isOwner(rc.target.user.id):
			return 0, nil, restriction(msgOwnerRole)
		}
		rc.target.admin = false
	} else {
		l := rc.list()
		*l = removeString(*l, req.EntityID)
	}
	s.st.touch()
	return http.StatusNoContent, nil, nil
}
