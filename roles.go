package clockify

import "encoding/json"

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
