package clockify

import (
	"context"
	"net/http"
	"net/url"
)

// AddToGroup puts the member in the user group and returns the group as it now is. Adding a
// member twice is harmless, so the call is retried like a PUT.
//
// Clockify API: POST /v1/workspaces/{workspaceId}/user-groups/{userGroupId}/users
func (s *MembersService) AddToGroup(ctx context.Context, workspaceID, userID, userGroupID string) (*UserGroup, *Response, error) {
	if err := requireIDs("workspaceID", workspaceID, "userID", userID, "userGroupID", userGroupID); err != nil {
		return nil, nil, err
	}
	body := struct {
		UserID string `json:"userId"`
	}{userID}
	g, resp, err := do[UserGroup](ctx, clientOf(s), op{method: http.MethodPost, path: groupUsersPath(workspaceID, userGroupID), body: body, retrySafe: true})
	if err != nil {
		return nil, resp, clientOf(s).explain(ctx, workspaceID, userID, err, adminRules())
	}
	return g, resp, nil
}

// RemoveFromGroup takes the member out of the user group and returns the group as it now is.
//
// Clockify API: DELETE /v1/workspaces/{workspaceId}/user-groups/{userGroupId}/users/{userId}
func (s *MembersService) RemoveFromGroup(ctx context.Context, workspaceID, userID, userGroupID string) (*UserGroup, *Response, error) {
	if err := requireIDs("workspaceID", workspaceID, "userID", userID, "userGroupID", userGroupID); err != nil {
		return nil, nil, err
	}
	g, resp, err := do[UserGroup](ctx, clientOf(s), op{method: http.MethodDelete, path: groupUsersPath(workspaceID, userGroupID) + "/" + url.PathEscape(userID),
		retrySafe: true})
	if err != nil {
		return nil, resp, clientOf(s).explain(ctx, workspaceID, userID, err, adminRules())
	}
	return g, resp, nil
}
