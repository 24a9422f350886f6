package clockify

import (
	"bytes"
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
	// SourceType is "USER_GROUP" when the grant came through a user group, and SourceID that
	// group's id.
	SourceType string
	SourceID   string
}

// roleGrantJSON is Clockify's nested shape of a grant,
// {"workspaceId","userId","role":{"id","name","source":{"id","type"}|null}}.
type roleGrantJSON struct {
	WorkspaceID string `json:"workspaceId"`
	UserID      string `json:"userId"`
	Role        struct {
		ID     string          `json:"id"`
		Name   Role            `json:"name"`
		Source *roleSourceJSON `json:"source"`
	} `json:"role"`
}

// roleSourceJSON is the group a grant came through.
type roleSourceJSON struct {
	ID   string `json:"id,omitempty"`
	Type string `json:"type"`
}

// roleEntitiesJSON is the other shape seen for a user's roles with include-roles (clockify-cli
// reads it): {"role":"NAME","entities":[{"id","name","source"?}]}, one grant per entity.
type roleEntitiesJSON struct {
	WorkspaceID string `json:"workspaceId"`
	UserID      string `json:"userId"`
	Role        Role   `json:"role"`
	Entities    []struct {
		ID     string          `json:"id"`
		Source *roleSourceJSON `json:"source"`
	} `json:"entities"`
}

// decodeRoleEntry reads one role entry in either shape. An entry of neither shape, or naming
// no role, is an error rather than an empty grant.
func decodeRoleEntry(raw []byte) ([]RoleGrant, error) {
	var probe struct {
		Role json.RawMessage `json:"role"`
	}
	if err := json.Unmarshal(raw, &probe); err != nil {
		return nil, err
	}
	if r := bytes.TrimSpace(probe.Role); len(r) > 0 && r[0] == '"' {
		var w roleEntitiesJSON
		if err := json.Unmarshal(raw, &w); err != nil {
			return nil, err
		}
		if w.Role == "" || len(w.Entities) == 0 {
			return nil, fmt.Errorf("clockify: role entry %q names no entities", w.Role)
		}
		out := make([]RoleGrant, len(w.Entities))
		for i, e := range w.Entities {
			out[i] = RoleGrant{WorkspaceID: w.WorkspaceID, UserID: w.UserID, EntityID: e.ID, Role: w.Role}
			if e.Source != nil {
				out[i].SourceType, out[i].SourceID = e.Source.Type, e.Source.ID
			}
		}
		return out, nil
	}
	var g RoleGrant
	if err := json.Unmarshal(raw, &g); err != nil {
		return nil, err
	}
	if g.Role == "" {
		return nil, fmt.Errorf("clockify: role entry of an unknown shape")
	}
	return []RoleGrant{g}, nil
}

// UnmarshalJSON decodes Clockify's nested shape of a grant.
func (g *RoleGrant) UnmarshalJSON(b []byte) error {
	var w roleGrantJSON
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*g = RoleGrant{WorkspaceID: w.WorkspaceID, UserID: w.UserID, EntityID: w.Role.ID, Role: w.Role.Name}
	if w.Role.Source != nil {
		g.SourceType, g.SourceID = w.Role.Source.Type, w.Role.Source.ID
	}
	return nil
}

// MarshalJSON writes g in the shape UnmarshalJSON reads (Clockify's), so a decoded grant
// encodes and decodes to the same value.
func (g RoleGrant) MarshalJSON() ([]byte, error) {
	var w roleGrantJSON
	w.WorkspaceID, w.UserID, w.Role.ID, w.Role.Name = g.WorkspaceID, g.UserID, g.EntityID, g.Role
	if g.SourceType != "" || g.SourceID != "" {
		w.Role.Source = &roleSourceJSON{ID: g.SourceID, Type: g.SourceType}
	}
	return json.Marshal(w)
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
	grants, resp, err := doList[RoleGrant](ctx, clientOf(s), op{method: http.MethodPost, path: rolesPath(workspaceID, userID), body: a.request(), retrySafe: true})
	if err != nil {
		return nil, resp, clientOf(s).explain(ctx, workspaceID, userID, err, assignRoleRules(a))
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
	resp, err := clientOf(s).call(ctx, op{method: http.MethodDelete, path: rolesPath(workspaceID, userID), body: a.request(), retrySafe: true})
	if err != nil {
		return resp, clientOf(s).explain(ctx, workspaceID, userID, err, removeRoleRules(a))
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
