package clockifytest

import (
	"bytes"
	"encoding/json"
	"net/http"
)

// Messages of the member-profile rules (clockify-api.md §15 rows 2–7),
// answered as 400 without a code.
const (
	msgProfileOwner        = "The workspace owner's profile can't be edited"
	msgProfileInactive     = "Profile of an inactive user can't be edited"
	msgProfilePending      = "Profile of a user who has not accepted the invitation can't be edited"
	msgProfileMultiWS      = "User belongs to more than one workspace; only work capacity and working days can be edited"
	msgProfileLimitedOnly  = "Name and profile image can only be updated for limited users"
	msgProfileWeekApproval = "Week start can't be changed while there are pending approval requests"
)

// E12 GET /v1/workspaces/{workspaceId}/member-profile/{userId}
//
// Admins read any profile, other members only their own.
func (s *Server) getMemberProfile(c *call) (int, any, *apiError) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	ws, err := c.workspace()
	if err != nil {
		return 0, nil, err
	}
	target, err := c.target(ws, "userId")
	if err != nil {
		return 0, nil, err
	}
	if caller := c.callerID(ws); caller != target.user.id && !ws.isAdmin(caller) {
		return 0, nil, errAccessDenied
	}
	return http.StatusOK, s.st.profileDTO(ws, target), nil
}

// profileRequest is MemberProfileFullRequestV1 (clockify-api.md §12.4).
type profileRequest struct {
	ImageURL           *string             `json:"imageUrl"`
	Name               *string             `json:"name"`
	RemoveProfileImage bool                `json:"removeProfileImage"`
	UserCustomFields   []customFieldUpsert `json:"userCustomFields"`
	WeekStart          *string             `json:"weekStart"`
	WorkCapacity       *string             `json:"workCapacity"`
	WorkingDays        json.RawMessage     `json:"workingDays"`
}

// E13 PATCH /v1/workspaces/{workspaceId}/member-profile/{userId}
func (s *Server) updateMemberProfile(c *call) (int, any, *apiError) {
	var req profileRequest
	if err := c.decode(&req); err != nil {
		return 0, nil, err
	}
	var days *daySet
	if len(req.WorkingDays) > 0 && !bytes.Equal(req.WorkingDays, []byte("null")) {
		// The spec types workingDays as one string and shows a JSON-encoded
		// list as its example; the live API wants an array (trap 3).
		var list []string
		if err := json.Unmarshal(req.WorkingDays, &list); err != nil {
			return 0, nil, badJSON("Cannot deserialize value of type `java.util.LinkedHashSet<com.clockify.domain.model.DayOfWeek>` from " + string(req.WorkingDays[:min(len(req.WorkingDays), 40)]))
		}
		if err := checkEnumJSON("DayOfWeek", weekdays, list...); err != nil {
			return 0, nil, err
		}
		set, _ := parseDays(list)
		days = &set
	}
	if req.WeekStart != nil {
		if err := checkEnumJSON("DayOfWeek", weekdays, *req.WeekStart); err != nil {
			return 0, nil, err
		}
	}
	var capacity string
	if req.WorkCapacity != nil {
		var err error
		if capacity, err = normalizeDuration(*req.WorkCapacity); err != nil {
			return 0, nil, invalidField("workCapacity", err.Error())
		}
	}
	if req.Name != nil {
		if err := checkName("name", *req.Name, true); err != nil {
			return 0, nil, err
		}
	}
	// An empty userCustomFields list edits nothing, so it counts as absent.
	customFields := len(req.UserCustomFields) > 0
	onlyCapacityAndDays := req.ImageURL == nil && req.Name == nil && !req.RemoveProfileImage &&
		!customFields && req.WeekStart == nil
	onlyWeekStart := req.WeekStart != nil && req.ImageURL == nil && req.Name == nil && !req.RemoveProfileImage &&
		!customFields && req.WorkCapacity == nil && days == nil

	s.mu.Lock()
	defer s.mu.Unlock()
	ws, err := c.adminWorkspace()
	if err != nil {
		return 0, nil, err
	}
	// Profile editing is a paid feature; week start alone is free (§15 row 1).
	if !ws.hasFeature(FeatureEditMemberProfile) && !onlyWeekStart {
		return 0, nil, errAccessDenied
	}
	if customFields && !ws.hasFeature(FeatureUserCustomFields) {
		return 0, nil, errAccessDenied
	}
	target, err := c.target(ws, "userId")
	if err != nil {
		return 0, nil, err
	}
	u := target.user
	limited := u.status == AccountLimited
	switch {
	case ws.isOwner(u.id):
		return 0, nil, restriction(msgProfileOwner)
	case target.status == MembershipInactive:
		return 0, nil, restriction(msgProfileInactive)
	case target.status == MembershipPending || target.status == MembershipDeclined:
		return 0, nil, restriction(msgProfilePending)
	case s.st.workspaceNumber(u) > 1 && !onlyCapacityAndDays:
		return 0, nil, restriction(msgProfileMultiWS)
	case (req.Name != nil || req.ImageURL != nil || req.RemoveProfileImage) && !limited:
		return 0, nil, restriction(msgProfileLimitedOnly)
	case req.WeekStart != nil && *req.WeekStart != target.weekStart && target.pendingApprovals:
		return 0, nil, restriction(msgProfileWeekApproval)
	}
	if err := ws.checkCustomFields(req.UserCustomFields); err != nil {
		return 0, nil, err
	}

	if req.Name != nil {
		u.name = *req.Name
	}
	if req.ImageURL != nil {
		u.profilePicture = *req.ImageURL
	}
	if req.RemoveProfileImage {
		u.profilePicture = ""
	}
	if req.WeekStart != nil {
		target.weekStart = *req.WeekStart
	}
	if req.WorkCapacity != nil {
		target.workCapacity = capacity
	}
	if days != nil {
		target.workingDays = *days
	}
	for _, f := range req.UserCustomFields {
		target.storeValue(f.CustomFieldID, f.Value)
	}
	s.st.touch()
	return http.StatusOK, s.st.profileDTO(ws, target), nil
}
