package clockifytest

import (
	"cmp"
	"net/http"
	"slices"
	"strings"
)

// groupQuery is the query of the user-group list.
type groupQuery struct {
	name                  string
	sortColumn, sortOrder string
	page, pageSize        int
}

func parseListGroups(c *call) (groupQuery, *apiError) {
	q := c.r.URL.Query()
	gq := groupQuery{name: strings.ToLower(q.Get("name"))}
	var err *apiError
	if gq.sortColumn, err = enumParam(q, "sort-column", "UserGroupSortColumn", []string{"ID", "NAME"}, "NAME"); err != nil {
		return gq, err
	}
	if gq.sortOrder, err = enumParam(q, "sort-order", "SortOrder", sortOrders, "ASCENDING"); err != nil {
		return gq, err
	}
	if _, err = boolParam(q, "includeTeamManagers", false); err != nil {
		return gq, err
	}
	gq.page, gq.pageSize, err = pageParams(q, 50, maxPageSize)
	return gq, err
}

// listGroups serves GET /v1/workspaces/{workspaceId}/user-groups → 200 array
// of UserGroupDtoV1 whose name contains name (case-insensitive), ordered by
// sort-column (NAME by default, ties by id) and paged by page and page-size
// (defaults 1 and 50), with Last-Page. Any active member (or the add-on) may
// list.
// https://docs.clockify.me/#tag/Group/operation/getUserGroups
func (s *Server) listGroups(c *call, q groupQuery) (int, any, *apiError) {
	var groups []*group
	for _, g := range c.ws.groupList {
		if strings.Contains(strings.ToLower(g.name), q.name) {
			groups = append(groups, g)
		}
	}
	slices.SortFunc(groups, func(a, b *group) int {
		d := cmp.Compare(a.id, b.id)
		if q.sortColumn == "NAME" {
			d = cmp.Or(cmp.Compare(a.name, b.name), d)
		}
		if q.sortOrder == "DESCENDING" {
			d = -d
		}
		return d
	})
	out := []userGroupDTO{}
	for i := (q.page - 1) * q.pageSize; i < len(groups) && len(out) < q.pageSize; i++ {
		out = append(out, s.st.groupDTO(c.ws, groups[i]))
	}
	setLastPage(c.w, len(out), q.pageSize)
	return http.StatusOK, out, nil
}

// parseGroupName reads UserGroupRequest, {"name"}: 1 to 100 characters.
func parseGroupName(c *call, signature string) (string, *apiError) {
	var req struct {
		Name string `json:"name"`
	}
	if err := c.decode(&req, signature); err != nil {
		return "", err
	}
	return req.Name, checkName("name", req.Name, true)
}

func parseGroupCreate(c *call) (string, *apiError) {
	return parseGroupName(c, sig("UserGroupDtoV1", "usergroup.UserGroupHttpAdapter", "create", "UserGroupRequest"))
}

func parseGroupRename(c *call) (string, *apiError) {
	return parseGroupName(c, sigN(2, "UserGroupDtoV1", "usergroup.UserGroupHttpAdapter", "update", "UserGroupRequest"))
}

// nameTaken refuses a group name another group of ws already has
// (case-insensitive). Clockify refuses duplicates; its status and message
// are unrecorded, so the fake answers 400 without a code.
func (ws *workspace) nameTaken(name string, except *group) *apiError {
	for _, g := range ws.groupList {
		if g != except && strings.EqualFold(g.name, name) {
			return restriction("User group with name '%s' already exists", name)
		}
	}
	return nil
}

// createGroup serves POST /v1/workspaces/{workspaceId}/user-groups {"name"}
// → 201 UserGroupDtoV1.
// https://docs.clockify.me/#tag/Group/operation/create
func (s *Server) createGroup(c *call, name string) (int, any, *apiError) {
	if err := c.ws.nameTaken(name, nil); err != nil {
		return 0, nil, err
	}
	g := s.st.addGroup(c.ws, GroupSeed{Name: name})
	s.groupEvent(c.ws, g, "USER_GROUP_CREATED")
	return http.StatusCreated, s.st.groupDTO(c.ws, g), nil
}

// renameGroup serves PUT /v1/workspaces/{workspaceId}/user-groups/{userGroupId}
// {"name"} → 200 UserGroupDtoV1.
// https://docs.clockify.me/#tag/Group/operation/update
func (s *Server) renameGroup(c *call, name string) (int, any, *apiError) {
	if err := c.ws.nameTaken(name, c.group); err != nil {
		return 0, nil, err
	}
	c.group.name = name
	s.st.touch()
	s.groupEvent(c.ws, c.group, "USER_GROUP_UPDATED")
	return http.StatusOK, s.st.groupDTO(c.ws, c.group), nil
}

// deleteGroup serves DELETE /v1/workspaces/{workspaceId}/user-groups/{userGroupId}
// → 200 with the deleted UserGroupDtoV1. Its team managers lose the
// team-manager role over it; its members stay in the workspace.
// https://docs.clockify.me/#tag/Group/operation/delete
func (s *Server) deleteGroup(c *call) (int, any, *apiError) {
	ws, g := c.ws, c.group
	dto := s.st.groupDTO(ws, g)
	delete(ws.groups, g.id)
	ws.groupList = slices.DeleteFunc(ws.groupList, func(x *group) bool { return x == g })
	for _, m := range ws.memberList {
		m.tmGroups = removeString(m.tmGroups, g.id)
	}
	s.st.touch()
	s.groupEvent(ws, g, "USER_GROUP_DELETED")
	return http.StatusOK, dto, nil
}

func parseGroupUser(c *call) (string, *apiError) {
	var req struct {
		UserID string `json:"userId"`
	}
	if err := c.decode(&req, sigN(2, "UserGroupDtoV1", "usergroup.UserGroupHttpAdapter", "addUser", "UserGroupUserRequest")); err != nil {
		return "", err
	}
	if req.UserID == "" {
		return "", invalidField("userId", "This field can't be empty")
	}
	return req.UserID, nil
}

// addUserToGroup serves POST /v1/workspaces/{workspaceId}/user-groups/{userGroupId}/users
// {"userId"} → 200 UserGroupDtoV1. Adding a user already in the group
// changes nothing.
// https://docs.clockify.me/#tag/Group/operation/addUser
func (s *Server) addUserToGroup(c *call, userID string) (int, any, *apiError) {
	if c.ws.members[userID] == nil {
		return 0, nil, notFound("User")
	}
	c.group.userIDs = appendUnique(c.group.userIDs, userID)
	s.st.touch()
	return http.StatusOK, s.st.groupDTO(c.ws, c.group), nil
}

// removeUserFromGroup serves
// DELETE /v1/workspaces/{workspaceId}/user-groups/{userGroupId}/users/{userId}
// → 200 UserGroupDtoV1. Removing a user who is not in the group changes
// nothing.
// https://docs.clockify.me/#tag/Group/operation/deleteUser
func (s *Server) removeUserFromGroup(c *call) (int, any, *apiError) {
	c.group.userIDs = removeString(c.group.userIDs, c.target.user.id)
	s.st.touch()
	return http.StatusOK, s.st.groupDTO(c.ws, c.group), nil
}
