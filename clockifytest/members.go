package clockifytest

import (
	"fmt"
	"net/http"
	"net/mail"
	"slices"
	"strings"
	"time"
)

// Messages of the state rules (clockify-api.md §15), answered as 400 without
// a code: the live codes are undocumented.
const (
	msgOwnerDeactivate = "The workspace owner can't be deactivated"
	msgOwnerRemove     = "The workspace owner can't be removed from the workspace"
	msgPendingStatus   = "User has not accepted the invitation yet; only the owner can revoke it in CAKE.com"
	msgDeclinedStatus  = "User has declined the invitation"
	msgDeactivateFirst = "User must be deactivated before being removed from the workspace"
)

// E6 POST /v1/workspaces/{workspaceId}/users?send-email=…
//
// Adds one e-mail address as a PENDING member (an existing account is
// reused; a new one is NOT_REGISTERED, name null, settings null). Only
// admins and owners may invite, and only on paid workspaces.
func (s *Server) inviteUser(c *call) (int, any, *apiError) {
	if v := c.r.URL.Query().Get("send-email"); v != "" && v != "true" && v != "false" {
		return 0, nil, &apiError{status: http.StatusBadRequest, code: 3000, msg: "send-email: must be \"true\" or \"false\""}
	}
	var req struct {
		Email string `json:"email"`
	}
	if err := c.decode(&req); err != nil {
		return 0, nil, err
	}
	email := strings.TrimSpace(req.Email)
	if email == "" {
		return 0, nil, invalidField("email", "This field can't be empty")
	}
	if a, err := mail.ParseAddress(email); err != nil || a.Address != email {
		return 0, nil, invalidField("email", "Email is not valid")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ws, err := c.adminWorkspace()
	if err != nil {
		return 0, nil, err
	}
	if !ws.paid() {
		return 0, nil, errAccessDenied // API invites need a paid subscription (§15 row 14)
	}
	st := s.st
	if uid, ok := st.emails[strings.ToLower(email)]; ok {
		if m := ws.members[uid]; m != nil {
			if m.status != MembershipDeclined {
				return 0, nil, restriction("User with email %s is already a member of the workspace", email)
			}
			m.status = MembershipPending
			st.touch()
			return http.StatusOK, ws.dto(), nil
		}
		st.addMember(ws.id, MemberSeed{ID: uid, MembershipStatus: MembershipPending})
	} else {
		st.addMember(ws.id, MemberSeed{Email: email, MembershipStatus: MembershipPending, AccountStatus: AccountNotRegistered})
	}
	return http.StatusOK, ws.dto(), nil
}

// limitedUserRequest is LimitedUserRequest (clockify-api.md §12.7).
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

// limitedUsersResponse is the fake's answer to E7. The live answer is an
// untyped object whose shape is unknown; the fake lists what it created.
type limitedUsersResponse struct {
	WorkspaceID string            `json:"workspaceId"`
	Users       []userRedactedDTO `json:"users"`
}

// E7 POST /v1/workspaces/{workspaceId}/limited-users
func (s *Server) addLimitedUsers(c *call) (int, any, *apiError) {
	var req struct {
		Users []limitedUserRequest `json:"users"`
	}
	if err := c.decode(&req); err != nil {
		return 0, nil, err
	}
	if len(req.Users) == 0 {
		return 0, nil, &apiError{status: http.StatusBadRequest, msg: "users must not be empty"}
	}
	if len(req.Users) > 250 {
		return 0, nil, &apiError{status: http.StatusBadRequest, msg: "users: size must be between 1 and 250"}
	}
	seeds := make([]MemberSeed, len(req.Users))
	for i, u := range req.Users {
		field := func(name string) string { return fmt.Sprintf("users[%d].%s", i, name) }
		if err := checkName(field("name"), u.Name, true); err != nil {
			return 0, nil, err
		}
		if u.HourlyRate != nil && *u.HourlyRate < 0 {
			return 0, nil, invalidField(field("hourlyRate"), "must be greater than or equal to 0")
		}
		if u.CostRate != nil && *u.CostRate < 0 {
			return 0, nil, invalidField(field("costRate"), "must be greater than or equal to 0")
		}
		if err := checkEnumJSON("DayOfWeek", weekdays, append([]string{u.WeekStart}, u.WorkingDays...)...); err != nil {
			return 0, nil, err
		}
		if u.WorkCapacity != "" {
			if _, err := normalizeDuration(u.WorkCapacity); err != nil {
				return 0, nil, invalidField(field("workCapacity"), err.Error())
			}
		}
		seeds[i] = MemberSeed{Name: u.Name, AccountStatus: AccountLimited, WeekStart: u.WeekStart,
			WorkCapacity: u.WorkCapacity, WorkingDays: u.WorkingDays}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ws, err := c.adminWorkspace()
	if err != nil {
		return 0, nil, err
	}
	if !ws.hasFeature(FeatureLimitedUsers) {
		return 0, nil, errAccessDenied
	}
	// Custom-field values need USER_CUSTOM_FIELDS, as in E13 and E14; an
	// empty userCustomFields list sets nothing and counts as absent.
	if !ws.hasFeature(FeatureUserCustomFields) &&
		slices.ContainsFunc(req.Users, func(u limitedUserRequest) bool { return len(u.UserCustomFields) > 0 }) {
		return 0, nil, errAccessDenied
	}
	for _, u := range req.Users {
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
	for i, u := range req.Users {
		seed := seeds[i]
		if u.HourlyRate != nil {
			seed.HourlyRate = &Rate{Amount: int64(*u.HourlyRate)}
		}
		if u.CostRate != nil {
			seed.CostRate = &Rate{Amount: int64(*u.CostRate)}
		}
		id := s.st.addMember(ws.id, seed)
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
	return http.StatusOK, resp, nil
}

// checkName applies MemberProfileFullRequestV1.name's constraints (1–100 characters).
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

// E8 PUT /v1/workspaces/{workspaceId}/users/{userId} {"status":"ACTIVE"|"INACTIVE"}
func (s *Server) updateUserStatus(c *call) (int, any, *apiError) {
	var req struct {
		Status string `json:"status"`
	}
	if err := c.decode(&req); err != nil {
		return 0, nil, err
	}
	settable := []string{MembershipActive, MembershipInactive}
	if req.Status == "" {
		return 0, nil, invalidField("status", "This field can't be empty")
	}
	if err := checkEnumJSON("UserStatus", settable, req.Status); err != nil {
		return 0, nil, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ws, err := c.adminWorkspace()
	if err != nil {
		return 0, nil, err
	}
	target, err := c.target(ws, "userId")
	if err != nil {
		return 0, nil, err
	}
	caller := c.callerID(ws)
	switch {
	case ws.isOwner(target.user.id) && req.Status == MembershipInactive:
		return 0, nil, restriction(msgOwnerDeactivate)
	case target.status == MembershipPending:
		return 0, nil, restriction(msgPendingStatus)
	case target.status == MembershipDeclined:
		return 0, nil, restriction(msgDeclinedStatus)
	case target.admin && req.Status == MembershipInactive && !ws.isOwner(caller):
		return 0, nil, errAccessDenied // only the owner deactivates an admin (§15 row 9)
	}
	target.status = req.Status
	s.st.touch()
	return http.StatusOK, ws.dto(), nil
}

// E9 DELETE /v1/workspaces/{workspaceId}/users/{userId} (deprecated,
// non-functional): members can only be removed in CAKE.com.
func (s *Server) removeMember(c *call) (int, any, *apiError) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	ws, err := c.adminWorkspace()
	if err != nil {
		return 0, nil, err
	}
	target, err := c.target(ws, "userId")
	if err != nil {
		return 0, nil, err
	}
	switch {
	case ws.isOwner(target.user.id):
		return 0, nil, restriction(msgOwnerRemove)
	case target.status == MembershipPending:
		return 0, nil, restriction(msgPendingStatus)
	case target.status == MembershipActive:
		return 0, nil, restriction(msgDeactivateFirst)
	}
	return 0, nil, errRemovedInCake
}

// rateRequest is HourlyRateRequestV1 / CostRateRequestV1.
type rateRequest struct {
	Amount *int32  `json:"amount"`
	Since  *string `json:"since"`
}

// E10 PUT …/users/{userId}/hourly-rate
func (s *Server) setHourlyRate(c *call) (int, any, *apiError) {
	return s.setRate(c, func(m *member) **Rate { return &m.hourlyRate }, "")
}

// E11 PUT …/users/{userId}/cost-rate (needs LABOR_COST)
func (s *Server) setCostRate(c *call) (int, any, *apiError) {
	return s.setRate(c, func(m *member) **Rate { return &m.costRate }, FeatureLaborCost)
}

func (s *Server) setRate(c *call, field func(*member) **Rate, feature string) (int, any, *apiError) {
	var req rateRequest
	if err := c.decode(&req); err != nil {
		return 0, nil, err
	}
	if req.Amount == nil {
		return 0, nil, invalidField("amount", "This field can't be empty")
	}
	if *req.Amount < 0 {
		return 0, nil, invalidField("amount", "must be greater than or equal to 0")
	}
	if req.Since != nil {
		if _, err := time.Parse("2006-01-02T15:04:05Z", *req.Since); err != nil {
			return 0, nil, badJSON(fmt.Sprintf("Cannot deserialize value of type `java.time.Instant` from String \"%s\"", *req.Since))
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ws, err := c.adminWorkspace()
	if err != nil {
		return 0, nil, err
	}
	if (feature != "" && !ws.hasFeature(feature)) || (req.Since != nil && !ws.hasFeature(FeatureHistoricRates)) {
		return 0, nil, errAccessDenied
	}
	target, err := c.target(ws, "userId")
	if err != nil {
		return 0, nil, err
	}
	*field(target) = &Rate{Amount: int64(*req.Amount), Currency: ws.currency}
	s.st.touch()
	return http.StatusOK, ws.dto(), nil
}
