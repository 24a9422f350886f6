package clockifytest

import (
	"bytes"
	"encoding/json"
	"net/http"
)

// Messages of the member-profile rules
// (https://clockify.me/help/administration/edit-profiles), answered as 400
// without a code: Clockify documents none.
const (
	msgProfileOwner        = "The workspace owner's profile can't be edited"
	msgProfileInactive     = "Profile of an inactive user can't be edited"
	msgProfilePending      = "Profile of a user who has not accepted the invitation can't be edited"
	msgProfileMultiWS      = "User belongs to more than one workspace; only work capacity and working days can be edited"
	msgProfileLimitedOnly  = "Name and profile image can only be updated for limited users"
	msgProfileWeekApproval = "Week start can't be changed while there are pending approval requests"
)

// getMemberProfile serves GET /v1/workspaces/{workspaceId}/member-profile/{userId}.
// Admins read any profile, other members only their own.
// https://docs.clockify.me/#tag/User/operation/getMemberProfile
func (s *Server) getMemberProfile(c *call) (int, any, *apiError) {
	if c.caller != c.target.user.id && !c.isAdmin() {
		return 0, nil, errAccessDenied
	}
	return http.StatusOK, s.st.profileDTO(c.ws, c.target), nil
}

// profileRequest is MemberProfileFullRequestV1, the body of a profile update.
type profileRequest struct {
	ImageURL           *string             `json:"imageUrl"`
	Name               *string             `json:"name"`
	RemoveProfileImage bool                `json:"removeProfileImage"`
	UserCustomFields   []customFieldUpsert `json:"userCustomFields"`
	WeekStart          *string             `json:"weekStart"`
	WorkCapacity       *string             `json:"workCapacity"`
	WorkingDays        json.RawMessage     `json:"workingDays"`
}

// profileUpdate is a decoded, well-formed profile update.
type profileUpdate struct {
	profileRequest
	capacity string  // WorkCapacity, normalised
	days     *daySet // WorkingDays, nil when absent
}

// customFields: an empty userCustomFields list edits nothing, so it counts
// as absent everywhere.
func (u *profileUpdate) customFields() bool { return len(u.UserCustomFields) > 0 }

// accountFields are the fields only a limited member's profile takes.
func (u *profileUpdate) accountFields() bool {
	return u.ImageURL != nil || u.Name != nil || u.RemoveProfileImage
}

// onlyCapacityAndDays: what may change for a member of several workspaces.
func (u *profileUpdate) onlyCapacityAndDays() bool {
	return !u.accountFields() && !u.customFields() && u.WeekStart == nil
}

// onlyWeekStart: what may change on a plan without EDIT_MEMBER_PROFILE.
func (u *profileUpdate) onlyWeekStart() bool {
	return u.WeekStart != nil && !u.accountFields() && !u.customFields() && u.WorkCapacity == nil && u.days == nil
}

// parseProfileUpdate decodes and checks the body's form, as Jackson and
// bean validation would, before any rule.
func parseProfileUpdate(c *call) (*profileUpdate, *apiError) {
	u := &profileUpdate{}
	if err := c.decode(&u.profileRequest, sig("MemberProfileDtoV1", "user.UserHttpAdapter", "updateMemberProfileWithAdditionalData", "MemberProfileFullRequestV1")); err != nil {
		return nil, err
	}
	if raw := u.WorkingDays; len(raw) > 0 && !bytes.Equal(raw, []byte("null")) {
		// The spec types workingDays as one string and shows a JSON-encoded
		// list as its example; the live API wants an array.
		var list []string
		if err := json.Unmarshal(raw, &list); err != nil {
			return nil, badJSON("Cannot deserialize value of type `java.util.LinkedHashSet<com.clockify.domain.model.DayOfWeek>` from " + string(raw[:min(len(raw), 40)]))
		}
		if err := checkEnumJSON("DayOfWeek", weekdays, list...); err != nil {
			return nil, err
		}
		set, _ := parseDays(list)
		u.days = &set
	}
	if u.WeekStart != nil {
		if err := checkEnumJSON("DayOfWeek", weekdays, *u.WeekStart); err != nil {
			return nil, err
		}
	}
	if u.WorkCapacity != nil {
		var err error
		if u.capacity, err = normalizeDuration(*u.WorkCapacity); err != nil {
			return nil, invalidField("workCapacity", err.Error())
		}
	}
	if u.Name != nil {
		if err := checkName("name", *u.Name, true); err != nil {
			return nil, err
		}
	}
	return u, nil
}

// updateMemberProfile serves PATCH /v1/workspaces/{workspaceId}/member-profile/{userId}.
// https://docs.clockify.me/#tag/User/operation/updateMemberProfileWithAdditionalData
func (s *Server) updateMemberProfile(c *call, u *profileUpdate) (int, any, *apiError) {
	if err := s.profileRules(c, u); err != nil {
		return 0, nil, err
	}
	if err := c.ws.checkCustomFields(u.UserCustomFields); err != nil {
		return 0, nil, err
	}
	u.apply(c.target)
	s.st.touch()
	return http.StatusOK, s.st.profileDTO(c.ws, c.target), nil
}

// profileRules are the documented rules of profile editing
// (https://clockify.me/help/administration/edit-profiles): a paid feature
// (week start alone is free), custom fields need their feature, and the
// owner, inactive and not-yet-joined members can't be edited; a member of
// several workspaces only gets capacity and working days changed; name and
// picture only for limited members; week start not while approvals are
// pending.
func (s *Server) profileRules(c *call, u *profileUpdate) *apiError {
	ws, target := c.ws, c.target
	switch {
	case !ws.hasFeature(FeatureEditMemberProfile) && !u.onlyWeekStart(),
		u.customFields() && !ws.hasFeature(FeatureUserCustomFields):
		return errAccessDenied
	case ws.isOwner(target.user.id):
		return restriction(msgProfileOwner)
	case target.status == MembershipInactive:
		return restriction(msgProfileInactive)
	case target.status == MembershipPending || target.status == MembershipDeclined:
		return restriction(msgProfilePending)
	case s.st.workspaceNumber(target.user) > 1 && !u.onlyCapacityAndDays():
		return restriction(msgProfileMultiWS)
	case u.accountFields() && target.user.status != AccountLimited:
		return restriction(msgProfileLimitedOnly)
	case u.WeekStart != nil && *u.WeekStart != target.weekStart && target.pendingApprovals:
		return restriction(msgProfileWeekApproval)
	}
	return nil
}

// apply writes the update into the member (and, for a limited member's name
// and picture, the account).
func (u *profileUpdate) apply(m *member) {
	if u.Name != nil {
		m.user.name = *u.Name
	}
	if u.ImageURL != nil {
		m.user.profilePicture = *u.ImageURL
	}
	if u.RemoveProfileImage {
		m.user.profilePicture = ""
	}
	if u.WeekStart != nil {
		m.weekStart = *u.WeekStart
	}
	if u.WorkCapacity != nil {
		m.workCapacity = u.capacity
	}
	if u.days != nil {
		m.workingDays = *u.days
	}
	for _, f := range u.UserCustomFields {
		m.storeValue(f.CustomFieldID, f.Value)
	}
}
