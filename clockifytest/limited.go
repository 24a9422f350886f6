package clockifytest

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
)

// limitedUserRequest is LimitedUserRequest, one limited member to add.
type limitedUserRequest struct {
	CostRate         *int32              `json:"costRate"`
	HourlyRate       *int32              `json:"hourlyRate"`
	Name             string              `json:"name"`
	UserCustomFields []customFieldUpsert `json:"userCustomFields"`
	UserGroups       []string            `json:"userGroups"`
	WeekStart        string              `json:"weekStart"`
	WorkCapacity     string              `json:"workCapacity"`
	WorkingDays      []string            `json:"workingDays"`
}

// limitedUsersResponse is the fake's answer to POST …/limited-users. The
// live answer is an untyped object whose shape is unknown; the fake lists
// what it created.
type limitedUsersResponse struct {
	WorkspaceID string            `json:"workspaceId"`
	Users       []userRedactedDTO `json:"users"`
}

func parseLimitedUsers(c *call) ([]limitedUserRequest, *apiError) {
	var req struct {
		Users []limitedUserRequest `json:"users"`
	}
	if err := c.decode(&req, sig("LimitedUsersDtoV1", "workspace.WorkspaceHttpAdapter", "addLimitedUsersWithInfo", "AddLimitedUsersRequest")); err != nil {
		return nil, err
	}
	if len(req.Users) == 0 {
		return nil, &apiError{status: http.StatusBadRequest, msg: "users must not be empty"}
	}
	if len(req.Users) > 250 {
		return nil, &apiError{status: http.StatusBadRequest, msg: "users: size must be between 1 and 250"}
	}
	for i, u := range req.Users {
		if err := u.check(i); err != nil {
			return nil, err
		}
	}
	return req.Users, nil
}

// check applies LimitedUserRequest's field constraints to the i-th user.
func (u limitedUserRequest) check(i int) *apiError {
	field := func(name string) string { return fmt.Sprintf("users[%d].%s", i, name) }
	if err := checkName(field("name"), u.Name, true); err != nil {
		return err
	}
	if u.HourlyRate != nil && *u.HourlyRate < 0 {
		return invalidField(field("hourlyRate"), "must be greater than or equal to 0")
	}
	if u.CostRate != nil && *u.CostRate < 0 {
		return invalidField(field("costRate"), "must be greater than or equal to 0")
	}
	if err := checkEnumJSON("DayOfWeek", weekdays, append([]string{u.WeekStart}, u.WorkingDays...)...); err != nil {
		return err
	}
	if u.WorkCapacity != "" {
		if _, err := normalizeDuration(u.WorkCapacity); err != nil {
			return invalidField(field("workCapacity"), err.Error())
		}
	}
	return nil
}

// addLimitedUsers serves POST /v1/workspaces/{workspaceId}/limited-users:
// kiosk-only members without e-mail, a feature of paid plans
// (https://clockify.me/help/track-time-and-expenses/limited-users).
func (s *Server) addLimitedUsers(c *call, users []limitedUserRequest) (int, any, *apiError) {
	ws := c.ws
	if !ws.hasFeature(FeatureLimitedUsers) {
		return 0, nil, errAccessDenied
	}
	// Custom-field values need USER_CUSTOM_FIELDS, as in profile updates; an
	// empty userCustomFields list sets nothing and counts as absent.
	if !ws.hasFeature(FeatureUserCustomFields) &&
		slices.ContainsFunc(users, func(u limitedUserRequest) bool { return len(u.UserCustomFields) > 0 }) {
		return 0, nil, errAccessDenied
	}
	for _, u := range users {
		for _, gid := range u.UserGroups {
			if ws.groups[gid] == nil {
				return 0, nil, notFound("UserGroup")
			}
		}
		if err := ws.checkCustomFields(u.UserCustomFields); err != nil {
			return 0, nil, err
		}
	}
	resp := limitedUsersResponse{WorkspaceID: ws.id, Users: []userRedactedDTO{}}
	for _, u := range users {
		id := s.st.addMember(ws.id, u.seed())
		m := ws.members[id]
		for _, f := range u.UserCustomFields {
			m.storeValue(f.CustomFieldID, f.Value)
		}
		for _, gid := range u.UserGroups {
			g := ws.groups[gid]
			g.userIDs = appendUnique(g.userIDs, id)
		}
		resp.Users = append(resp.Users, userRedactedDTO{ID: id, Name: u.Name})
	}
	s.usersEvent(ws, "LIMITED_USERS_ADDED_TO_WORKSPACE", limitedIDs(resp.Users)...)
	return http.StatusOK, resp, nil
}

func (u limitedUserRequest) seed() MemberSeed {
	seed := MemberSeed{Name: u.Name, AccountStatus: AccountLimited, WeekStart: u.WeekStart,
		WorkCapacity: u.WorkCapacity, WorkingDays: u.WorkingDays}
	if u.HourlyRate != nil {
		seed.HourlyRate = &Rate{Amount: int64(*u.HourlyRate)}
	}
	if u.CostRate != nil {
		seed.CostRate = &Rate{Amount: int64(*u.CostRate)}
	}
	return seed
}

// checkName applies a member name's constraints (1–100 characters).
func checkName(field, name string, required bool) *apiError {
	n := len([]rune(strings.TrimSpace(name)))
	switch {
	case n == 0 && required, n == 0 && name != "":
		return invalidField(field, "This field can't be empty")
	case n > 100:
		return invalidField(field, "Name can't be longer than 100 characters")
	}
	return nil
}
