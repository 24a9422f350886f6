package clockifytest

import "net/http"

// groupCall resolves the workspace (admin rights required), the group and
// the member for E18/E19. Callers hold s.mu for writing.
func (c *call) groupCall(userID string) (*workspace, *group, *member, *apiError) {
	ws, err := c.adminWorkspace()
	if err != nil {
		return nil, nil, nil, err
	}
	g := ws.groups[c.r.PathValue("userGroupId")]
	if g == nil {
		return nil, nil, nil, notFound("UserGroup")
	}
	m := ws.members[userID]
	if m == nil {
		return nil, nil, nil, notFound("User")
	}
	return ws, g, m, nil
}

// E18 POST /v1/workspaces/{workspaceId}/user-groups/{userGroupId}/users {"userId"} → 200 UserGroupDtoV1.
// Adding a user already in the group changes nothing.
func (s *Server) addUserToGroup(c *call) (int, any, *apiError) {
	var req struct {
		UserID string `json:"userId"`
	}
	if err := c.decode(&req); err != nil {
		return 0, nil, err
	}
	if req.UserID == "" {
		return 0, nil, invalidField("userId", "This field can't be empty")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ws, g, m, err := c.groupCall(req.UserID)
	if err != nil {
		return 0, nil, err
	}
	g.userIDs = appendUnique(g.userIDs, m.user.id)
	s.st.touch()
	return http.StatusOK, s.st.groupDTO(ws, g), nil
}

// E19 DELETE /v1/workspaces/{workspaceId}/user-groups/{userGroupId}/users/{userId} → 200 UserGroupDtoV1.
// Removing a user who is not in the group changes nothing.
func (s *Server) removeUserFromGroup(c *call) (int, any, *apiError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	ws, g, m, err := c.groupCall(c.r.PathValue("userId"))
	if err != nil {
		return 0, nil, err
	}
	g.userIDs = removeString(g.userIDs, m.user.id)
	s.st.touch()
	return http.StatusOK, s.st.groupDTO(ws, g), nil
}
