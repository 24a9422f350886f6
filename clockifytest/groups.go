package clockifytest

import (
	"cmp"
	"net/http"
	"slices"
)

func parseListGroups(c *call) (listSpec, *apiError) {
	var spec listSpec
	var err *apiError
	spec.page, spec.pageSize, err = pageParams(c.r.URL.Query(), 50)
	return spec, err
}

// listGroups serves GET /v1/workspaces/{workspaceId}/user-groups → 200 array
// of UserGroupDtoV1, paged by page and page-size (defaults 1 and 50) and
// ordered by name (then id), with Last-Page. Any active member (or the
// add-on) may list.
// https://docs.clockify.me/#tag/Group/operation/getUserGroups
func (s *Server) listGroups(c *call, spec listSpec) (int, any, *apiError) {
	groups := slices.Clone(c.ws.groupList)
	slices.SortFunc(groups, func(a, b *group) int { return cmp.Or(cmp.Compare(a.name, b.name), cmp.Compare(a.id, b.id)) })
	out := []userGroupDTO{}
	for i := (spec.page - 1) * spec.pageSize; i < len(groups) && len(out) < spec.pageSize; i++ {
		out = append(out, s.st.groupDTO(c.ws, groups[i]))
	}
	setLastPage(c.w, len(out), spec.pageSize)
	return http.StatusOK, out, nil
}

// groupItemAllow is the Allow header of …/user-groups/{userGroupId}: live,
// a group is updated (PUT) or deleted (DELETE) there but cannot be read.
const groupItemAllow = "PUT, DELETE"

// groupItem answers …/user-groups/{userGroupId}: 405 code 3000 for GET (no
// single-group read), POST and PATCH, with the live Allow header. Group
// update and deletion are outside the fake's surface, so PUT and DELETE get
// the 404 of any route the fake does not model.
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

func parseGroupUser(c *call) (string, *apiError) {
	var req struct {
		UserID string `json:"userId"`
	}
	if err := c.decode(&req, "public com.clockify.adapter.http.v1.dto.UserGroupDtoV1 com.clockify.adapter.http.v1.usergroup.UserGroupHttpAdapter.addUser(java.lang.String,java.lang.String,com.clockify.adapter.http.v1.requests.UserGroupUserRequest,com.clockify.adapter.spring.security.CurrentAuth)"); err != nil {
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
