package clockify

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

// RolesService grants and removes manager roles: workspace admin, team manager and project
// manager.
type RolesService service

// RoleGrant is one role a member holds, as Clockify answers a grant: EntityID is what the role
// is over (the workspace, a project, a user or a user group).
type RoleGrant struct {
	WorkspaceID string
	UserID      string
	EntityID    string
	Role        Role
	// SourceType is "USER_GROUP" when the grant came through a user group.
	SourceType string
}

// UnmarshalJSON decodes Clockify's nested shape
// {"workspaceId","userId","role":{"id","name","source":{"id","type"}|null}}.
func (g *RoleGrant) UnmarshalJSON(b []byte) error {
	var w struct {
		WorkspaceID string `json:"workspaceId"`
		UserID      string `json:"userId"`
		Role        struct {
			ID     string `json:"id"`
			Name   Role   `json:"name"`
			Source *struct {
				ID   string `json:"id"`
				Type string `json:"type"`
			} `json:"source"`
		} `json:"role"`
	}
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*g = RoleGrant{WorkspaceID: w.WorkspaceID, UserID: w.UserID, EntityID: w.Role.ID, Role: w.Role.Name}
	if w.Role.Source != nil {
		g.SourceType = w.Role.Source.Type
	}
	return nil
}

// RoleAssignment is a manager role over one entity, the request of Assign and Remove. Build it
// with WorkspaceAdmin, ProjectManagerOf, TeamManagerOf or TeamManagerOfGroup: its fields are
// unexported so that a role cannot be paired with the wrong kind of entity. The zero value is
// refused with a *ValidationError.
type RoleAssignment struct {
	role     Role
	entityID string
	group    bool
}

// WorkspaceAdmin makes a member an admin of the workspace. workspaceID must be the workspace
// of the call.
func WorkspaceAdmin(workspaceID string) RoleAssignment {
	return RoleAssignment{role: RoleWorkspaceAdmin, entityID: workspaceID}
}

// ProjectManagerOf makes a member a manager of the project.
func ProjectManagerOf(projectID string) RoleAssignment {
	return RoleAssignment{role: RoleProjectManager, entityID: projectID}
}

// TeamManagerOf makes a member the team manager of one user.
func TeamManagerOf(userID string) RoleAssignment {
	return RoleAssignment{role: RoleTeamManager, entityID: userID}
}

// TeamManagerOfGroup makes a member the team manager of every user in a user group.
func TeamManagerOfGroup(userGroupID string) RoleAssignment {
	return RoleAssignment{role: RoleTeamManager, entityID: userGroupID, group: true}
}

// Assignment returns the RoleAssignment that grants g, for example to remove every role a
// member holds when offboarding them. The owner role cannot be assigned or removed, so an
// OWNER grant (or one of an unknown role) is a *ValidationError.
func (g RoleGrant) Assignment() (RoleAssignment, error) {
	if g.EntityID == "" {
		return RoleAssignment{}, &ValidationError{Field: "RoleGrant.EntityID", Reason: "must not be empty"}
	}
	switch g.Role {
	case RoleWorkspaceAdmin:
		return WorkspaceAdmin(g.EntityID), nil
	case RoleProjectManager:
		return ProjectManagerOf(g.EntityID), nil
	case RoleTeamManager:
		if g.SourceType == "USER_GROUP" {
			return TeamManagerOfGroup(g.EntityID), nil
		}
		return TeamManagerOf(g.EntityID), nil
	}
	return RoleAssignment{}, &ValidationError{Field: "RoleGrant.Role", Reason: fmt.Sprintf("role %q cannot be assigned or removed", g.Role)}
}

// Role is the role assigned.
func (a RoleAssignment) Role() Role { return a.role }

// EntityID is what the role is over: the workspace, project, user or user group.
func (a RoleAssignment) EntityID() string { return a.entityID }

// ViaGroup reports whether the assignment is over a user group (TeamManagerOfGroup).
func (a RoleAssignment) ViaGroup() bool { return a.group }

// String describes the assignment, e.g. "PROJECT_MANAGER of p1" or "TEAM_MANAGER of group g1".
func (a RoleAssignment) String() string {
	if a.role == "" {
		return "no role"
	}
	if a.group {
		return string(a.role) + " of group " + a.entityID
	}
	return string(a.role) + " of " + a.entityID
}

// entityField names the id an assignment needs, for validation errors.
func (a RoleAssignment) entityField() string {
	switch {
	case a.role == RoleWorkspaceAdmin:
		return "WorkspaceAdmin workspaceID"
	case a.role == RoleProjectManager:
		return "ProjectManagerOf projectID"
	case a.group:
		return "TeamManagerOfGroup userGroupID"
	default:
		return "TeamManagerOf userID"
	}
}

func (a RoleAssignment) validate(workspaceID string) error {
	if a.role == "" {
		return &ValidationError{Field: "RoleAssignment", Reason: "is empty; build it with WorkspaceAdmin, ProjectManagerOf, TeamManagerOf or TeamManagerOfGroup"}
	}
	if err := requireIDs(a.entityField(), a.entityID); err != nil {
		return err
	}
	if a.role == RoleWorkspaceAdmin && a.entityID != workspaceID {
		return &ValidationError{Field: a.entityField(), Reason: fmt.Sprintf("%q is not the workspace of the call (%q)", a.entityID, workspaceID)}
	}
	return nil
}

// roleRequest is Clockify's RoleRequestV1; sourceType is sent only for a group.
type roleRequest struct {
	EntityID   string `json:"entityId"`
	Role       Role   `json:"role"`
	SourceType string `json:"sourceType,omitempty"`
}

func (a RoleAssignment) request() roleRequest {
	r := roleRequest{EntityID: a.entityID, Role: a.role}
	if a.group {
		r.SourceType = "USER_GROUP"
	}
	return r
}

func rolesPath(workspaceID, userID string) string { return memberPath(workspaceID, userID) + "/roles" }

// Assign gives the member the role in a. Clockify answers 201 with the member's grants for it.
// A role is held or not, so assigning it twice is harmless and the call is retried like a PUT.
// Manager roles need the workspace feature MANAGER_ROLE; a refusal for lack of it comes back as
// a *RestrictionError (errors.Is(err, ErrPaidFeature)).
//
// Clockify API: POST /v1/workspaces/{workspaceId}/users/{userId}/roles
func (s *RolesService) Assign(ctx context.Context, workspaceID, userID string, a RoleAssignment) ([]*RoleGrant, *Response, error) {
	if err := requireIDs("workspaceID", workspaceID, "userID", userID); err != nil {
		return nil, nil, err
	}
	if err := a.validate(workspaceID); err != nil {
		return nil, nil, err
	}
	grants, resp, err := doList[RoleGrant](ctx, s.client, op{method: http.MethodPost, path: rolesPath(workspaceID, userID), body: a.request(), retrySafe: true})
	if err != nil {
		return nil, resp, s.client.explain(ctx, workspaceID, userID, err, assignRoleRules(a))
	}
	return grants, resp, nil
}

// Remove takes the role in a away from the member; Clockify answers 204. Only the workspace
// owner can remove the admin role: a refusal to anyone else comes back as a *RestrictionError
// (errors.Is(err, ErrOwnerOnly)) wrapping the server's *APIError.
//
// Clockify API: DELETE /v1/workspaces/{workspaceId}/users/{userId}/roles (with a JSON body)
func (s *RolesService) Remove(ctx context.Context, workspaceID, userID string, a RoleAssignment) (*Response, error) {
	if err := requireIDs("workspaceID", workspaceID, "userID", userID); err != nil {
		return nil, err
	}
	if err := a.validate(workspaceID); err != nil {
		return nil, err
	}
	resp, err := s.client.call(ctx, op{method: http.MethodDelete, path: rolesPath(workspaceID, userID), body: a.request(), retrySafe: true})
	if err != nil {
		return resp, s.client.explain(ctx, workspaceID, userID, err, removeRoleRules(a))
	}
	return resp, nil
}

// Of returns the roles the member holds in the workspace, in the order RoleOwner,
// RoleWorkspaceAdmin, RoleTeamManager, RoleProjectManager; none for a member without roles.
// An id that is not a member of the workspace (unknown, mistyped, or another workspace's) is
// an error matching ErrNotFound, as for every other method. The owner is reported as RoleOwner
// alone, although Clockify's search counts owners as admins too.
//
// Clockify lists members by role but has no per-member role lookup, and the shape of the roles
// include-roles adds is undocumented, so Of searches the members holding each role: one search
// for an owner, four for anyone else (each a single request unless more than MaxPageSize
// members hold the role), and, when none lists the member, one read of the member's profile to
// tell a member without roles from no member at all. To know which projects or users a member
// manages, list with ListMembersOptions.IncludeRoles and read User.RoleGrants.
//
// Clockify API: POST /v1/workspaces/{workspaceId}/users/info (once per role),
// GET /v1/workspaces/{workspaceId}/member-profile/{userId}
func (s *RolesService) Of(ctx context.Context, workspaceID, userID string) ([]Role, error) {
	c := clientOf(s)
	if err := c.usable(ctx); err != nil {
		return nil, err
	}
	if err := requireIDs("workspaceID", workspaceID, "userID", userID); err != nil {
		return nil, err
	}
	var roles []Role
	for _, r := range []Role{RoleOwner, RoleWorkspaceAdmin, RoleTeamManager, RoleProjectManager} {
		has, err := c.hasRole(ctx, workspaceID, userID, r)
		if err != nil {
			return nil, err
		}
		if !has {
			continue
		}
		if r == RoleOwner {
			return []Role{RoleOwner}, nil
		}
		roles = append(roles, r)
	}
	if len(roles) == 0 {
		// Clockify answers 400 "doesn't belong to Workspace" (ErrNotFound) for a non-member.
		if _, _, err := c.Profiles.Get(ctx, workspaceID, userID); err != nil {
			return nil, err
		}
	}
	return roles, nil
}
