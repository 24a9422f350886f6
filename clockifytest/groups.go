package clockifytest

import (
	"cmp"
	"net/http"
	"slices"
)

// listGroups is GET /v1/workspaces/{workspaceId}/user-groups → 200 array of
// UserGroupDtoV1, paged by page and page-size (defaults 1 and 50) and
// ordered by name (then id), with Last-Page like E4. Any active member (or
// the add-on) may list; the fake models no other query parameter.
func (s *Server) listGroups(c *call) (int, any, *apiError) {
	q := c.r.URL.Query()
	page, err := intParam(q, "page", 1)
	if err != nil {
		return 0, nil, err
	}
	size, err := intParam(q, "page-size", 50)
	if err != nil {
		return 0, nil, err
	}
	if err := checkPaging(page, size, "page", "page-size"); err != nil {
		return 0, nil, err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	ws, err := c.workspace()
	if err != nil {
		return 0, nil, err
	}
	groups := make([]*group, 0, len(ws.groups))
	for _, g := range ws.groups {
		groups = append(groups, g)
	}
	slices.SortFunc(groups, func(a, b *group) int { return cmp.Or(cmp.Compare(a.name, b.name), cmp.Compare(a.id, b.id)) })
	out := []userGroupDTO{}
	for i := (page - 1) * size; i < len(groups) && len(out) < size; i++ {
		out = append(out, s.st.groupDTO(ws, groups[i]))
	}
	setLastPage(c.w, len(out), size)
	return http.StatusOK, out, nil
}

// groupItemAllow is the Allow header of …/user-groups/{userGroupId}: live,
// a group is updated (PUT) or deleted (DELETE) there but cannot be read.
const groupItemAllow = "PUT, DELETE"

// groupItem answers …/user-groups/{userGroupId}: 405 code 3000 for GET (no
// single-group read, clockify-api.md §2), POST and PATCH, with the live
// Allow header. Group update and deletion are outside the fake's surface,
// so PUT and DELETE get the 404 of any route the fake does not model.
func (s *Server) groupItem(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodPut, http.MethodDelete:
		writeError(w, routeNotFound(r.URL.Path))
	default:
		e := methodNotAllowed(r.Method, nil)
		e.allow = groupItemAllow
		writeError(w, e)
	}
}

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
