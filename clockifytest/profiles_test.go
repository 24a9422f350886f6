package clockifytest

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type wireProfile struct {
	Email                     string   `json:"email"`
	Name                      string   `json:"name"`
	ImageURL                  string   `json:"imageUrl"`
	HasPendingApprovalRequest bool     `json:"hasPendingApprovalRequest"`
	WeekStart                 string   `json:"weekStart"`
	WorkCapacity              string   `json:"workCapacity"`
	WorkingDays               []string `json:"workingDays"`
	WorkspaceNumber           int      `json:"workspaceNumber"`
	UserCustomFieldValues     []struct {
		CustomFieldID string `json:"customFieldId"`
		SourceType    string `json:"sourceType"`
		CustomField   struct {
			AllowedValues []string `json:"allowedValues"`
		} `json:"customField"`
	} `json:"userCustomFieldValues"`
}

func profilePath(userID string) string { return demoWS + "/member-profile/" + userID }

func getProfile(t *testing.T, s *Server, userID string) wireProfile {
	t.Helper()
	r := send(t, s, http.MethodGet, profilePath(userID), "")
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	return decodeJSON[wireProfile](t, r)
}

func patchProfile(t *testing.T, s *Server, userID, body string, hdr ...string) reply {
	t.Helper()
	return send(t, s, http.MethodPatch, profilePath(userID), body, hdr...)
}

func TestGetMemberProfile(t *testing.T) {
	s := newDemo(t)
	p := getProfile(t, s, DemoMemberID)
	assert.Equal(t, "emma.schultz@acme-studio.example", p.Email)
	assert.Equal(t, "PT8H", p.WorkCapacity)
	assert.Equal(t, "https://img.clockify.me/no-user-image.png", p.ImageURL)
	assert.Equal(t, []string{"THURSDAY", "MONDAY", "FRIDAY", "WEDNESDAY", "TUESDAY"}, p.WorkingDays, "sent unordered, like the live API")
	assert.Equal(t, 1, p.WorkspaceNumber)
	require.Len(t, p.UserCustomFieldValues, 1)
	assert.Equal(t, "USER", p.UserCustomFieldValues[0].SourceType)
	assert.Len(t, p.UserCustomFieldValues[0].CustomField.AllowedValues, 4, "the full field definition is embedded")

	assert.Equal(t, 3, getProfile(t, s, DemoMultiWorkspaceID).WorkspaceNumber)
	assert.True(t, getProfile(t, s, DemoPendingApprovalsID).HasPendingApprovalRequest)
	pm := getProfile(t, s, DemoProjectManagerID)
	assert.Equal(t, "PT10H", pm.WorkCapacity)
	assert.ElementsMatch(t, []string{"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY"}, pm.WorkingDays)
	assert.Equal(t, "WORKSPACE", getProfile(t, s, DemoMultiWorkspaceID).UserCustomFieldValues[0].SourceType, "no own value: the workspace default")

	emma := as(s, DemoMemberID)
	assert.Equal(t, http.StatusOK, send(t, s, http.MethodGet, profilePath(DemoMemberID), "", emma...).status, "members read their own profile")
	assertError(t, send(t, s, http.MethodGet, profilePath(DemoAdminID), "", emma...), http.StatusForbidden, 0, "Access Denied")
	assertError(t, send(t, s, http.MethodGet, profilePath("64f0a1b2c3d4e5f6020000ff"), ""), http.StatusBadRequest, 501, "User doesn't belong to Workspace")
}

func TestUpdateMemberProfile(t *testing.T) {
	s := newDemo(t)
	r := patchProfile(t, s, DemoMemberID, `{"workCapacity":"PT450M","workingDays":["TUESDAY","MONDAY","WEDNESDAY"],"weekStart":"SUNDAY",
		"userCustomFields":[{"customFieldId":"`+DemoCustomFieldID+`","value":"Sales"}]}`)
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	p := decodeJSON[wireProfile](t, r)
	assert.Equal(t, "PT7H30M", p.WorkCapacity, "capacity is echoed in Java's Duration form")
	assert.Equal(t, "SUNDAY", p.WeekStart)
	assert.ElementsMatch(t, []string{"MONDAY", "TUESDAY", "WEDNESDAY"}, p.WorkingDays)

	st, _ := s.Member(DemoWorkspaceID, DemoMemberID)
	assert.Equal(t, []string{"MONDAY", "TUESDAY", "WEDNESDAY"}, st.WorkingDays)
	assert.Equal(t, "PT7H30M", st.WorkCapacity)
	assert.JSONEq(t, `"Sales"`, string(st.CustomFieldValues[DemoCustomFieldID]))

	// PATCH semantics: what is not sent stays.
	p = decodeJSON[wireProfile](t, patchProfile(t, s, DemoMemberID, `{"workingDays":[]}`))
	assert.Empty(t, p.WorkingDays)
	assert.Equal(t, "PT7H30M", p.WorkCapacity)
	assert.Equal(t, "SUNDAY", p.WeekStart)
}

func TestUpdateMemberProfile_wireErrors(t *testing.T) {
	s := newDemo(t)
	assertError(t, patchProfile(t, s, DemoMemberID, `{"workingDays":"[\"MONDAY\",\"FRIDAY\"]"}`), http.StatusBadRequest, 3000, "JSON parse error")
	assertError(t, patchProfile(t, s, DemoMemberID, `{"workingDays":["MONDAY","FUNDAY"]}`), http.StatusBadRequest, 3000, "FUNDAY")
	assertError(t, patchProfile(t, s, DemoMemberID, `{"weekStart":"monday"}`), http.StatusBadRequest, 3000, "monday")
	assertError(t, patchProfile(t, s, DemoMemberID, `{"workCapacity":"7.5 hours"}`), http.StatusBadRequest, 0, "[workCapacity]")
	assertError(t, patchProfile(t, s, DemoMemberID, `{"workCapacity":"PT7.5H"}`), http.StatusBadRequest, 0, "[workCapacity]")
	assertError(t, patchProfile(t, s, DemoMemberID, `{"workCapacity":"-PT1H"}`), http.StatusBadRequest, 0, "[workCapacity]")
	assertError(t, patchProfile(t, s, DemoLimitedID, `{"name":"`+strings.Repeat("x", 101)+`"}`), http.StatusBadRequest, 0, "[name]")
	assertError(t, patchProfile(t, s, DemoLimitedID, `{"name":""}`), http.StatusBadRequest, 0, "[name]")
	r := send(t, s, http.MethodPut, profilePath(DemoMemberID), `{"workCapacity":"PT7H"}`)
	assertError(t, r, http.StatusMethodNotAllowed, 3000, "Request method 'PUT' is not supported")
	assert.Equal(t, "GET, PATCH", r.header.Get("Allow"))
	st, _ := s.Member(DemoWorkspaceID, DemoMemberID)
	assert.Equal(t, "PT8H", st.WorkCapacity, "refused requests change nothing")
}

func TestUpdateMemberProfile_rules(t *testing.T) {
	s := newDemo(t)
	s.AddWorkspace(WorkspaceSeed{ID: "64f0a1b2c3d4e5f6010000aa", Name: "Free", Plan: PlanFree})
	s.AddMember("64f0a1b2c3d4e5f6010000aa", MemberSeed{ID: "64f0a1b2c3d4e5f6020000aa", Name: "Free Owner", Roles: Roles{Owner: true}})
	freeMember := s.AddMember("64f0a1b2c3d4e5f6010000aa", MemberSeed{Name: "Free Member"})
	freeOwner := as(s, "64f0a1b2c3d4e5f6020000aa")
	freePath := "/v1/workspaces/64f0a1b2c3d4e5f6010000aa/member-profile/" + freeMember

	for _, tc := range []struct {
		name, userID, body string
		hdr                []string
		status             int
		msg                string
	}{
		{"owner's profile", DemoOwnerID, `{"workCapacity":"PT7H"}`, nil, 400, msgProfileOwner},
		{"inactive member", DemoInactiveID, `{"workCapacity":"PT7H"}`, nil, 400, msgProfileInactive},
		{"pending invitation", DemoInvitedID, `{"workCapacity":"PT7H"}`, nil, 400, msgProfilePending},
		{"several workspaces, week start", DemoMultiWorkspaceID, `{"weekStart":"SUNDAY"}`, nil, 400, msgProfileMultiWS},
		{"several workspaces, custom field", DemoMultiWorkspaceID, `{"userCustomFields":[{"customFieldId":"` + DemoCustomFieldID + `","value":"Sales"}]}`, nil, 400, msgProfileMultiWS},
		{"name of a full member", DemoMemberID, `{"name":"Emma S."}`, nil, 400, msgProfileLimitedOnly},
		{"image of a full member", DemoMemberID, `{"imageUrl":"https://avatar.cake.com/x.png"}`, nil, 400, msgProfileLimitedOnly},
		{"remove image of a full member", DemoMemberID, `{"removeProfileImage":true}`, nil, 400, msgProfileLimitedOnly},
		{"week start with pending approvals", DemoPendingApprovalsID, `{"weekStart":"SUNDAY"}`, nil, 400, msgProfileWeekApproval},
		{"caller is not an admin", DemoMemberID, `{"workCapacity":"PT7H"}`, as(s, DemoTeamManagerID), 403, "Access Denied"},
		{"caller edits own profile", DemoMemberID, `{"workCapacity":"PT7H"}`, as(s, DemoMemberID), 403, "Access Denied"},
		{"unknown custom field", DemoMemberID, `{"userCustomFields":[{"customFieldId":"64f0a1b2c3d4e5f6050000ff","value":"x"}]}`, nil, 400, "CustomField doesn't belong to Workspace"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code := 0
			if strings.Contains(tc.msg, "doesn't belong") {
				code = 501
			}
			assertError(t, patchProfile(t, s, tc.userID, tc.body, tc.hdr...), tc.status, code, tc.msg)
		})
	}

	t.Run("free plan", func(t *testing.T) {
		assertError(t, send(t, s, http.MethodPatch, freePath, `{"workCapacity":"PT7H"}`, freeOwner...), http.StatusForbidden, 0, "Access Denied")
		assert.Equal(t, http.StatusOK, send(t, s, http.MethodPatch, freePath, `{"weekStart":"SUNDAY"}`, freeOwner...).status, "week start is free on every plan")
	})
	t.Run("allowed despite the rules", func(t *testing.T) {
		r := patchProfile(t, s, DemoMultiWorkspaceID, `{"workCapacity":"PT5H","workingDays":["MONDAY"]}`)
		assert.Equal(t, http.StatusOK, r.status, "capacity and working days are editable in several workspaces: %s", r.body)
		r = patchProfile(t, s, DemoPendingApprovalsID, `{"weekStart":"MONDAY","workCapacity":"PT6H"}`)
		assert.Equal(t, http.StatusOK, r.status, "an unchanged week start is no change: %s", r.body)
		r = patchProfile(t, s, DemoLimitedID, `{"name":"Tomás V.","imageUrl":"https://avatar.cake.com/t.png"}`)
		require.Equal(t, http.StatusOK, r.status, "limited members' names can change: %s", r.body)
		p := decodeJSON[wireProfile](t, r)
		assert.Equal(t, "Tomás V.", p.Name)
		assert.Equal(t, "https://avatar.cake.com/t.png", p.ImageURL)
		p = decodeJSON[wireProfile](t, patchProfile(t, s, DemoLimitedID, `{"removeProfileImage":true}`))
		assert.Equal(t, "https://img.clockify.me/no-user-image.png", p.ImageURL)
		s.SetPendingApprovals(DemoWorkspaceID, DemoPendingApprovalsID, false)
		assert.Equal(t, http.StatusOK, patchProfile(t, s, DemoPendingApprovalsID, `{"weekStart":"SUNDAY"}`).status)
	})
}

func TestNormalizeDuration(t *testing.T) {
	for in, want := range map[string]string{
		"PT8H": "PT8H", "PT7H30M": "PT7H30M", "PT90M": "PT1H30M", "P1DT2H": "PT26H", "PT0S": "PT0S",
		"PT0H": "PT0S", "pt6h": "PT6H", "PT7H30M15.5S": "PT7H30M15.5S", "PT3600S": "PT1H", "P1D": "PT24H",
	} {
		got, err := normalizeDuration(in)
		if assert.NoError(t, err, in) {
			assert.Equal(t, want, got, in)
		}
	}
	for _, bad := range []string{"", "P", "PT", "8H", "PT7.5H", "P1M", "P1Y", "P1W", "-PT1H", "PT-5M", "PT8H "} {
		_, err := normalizeDuration(bad)
		assert.Error(t, err, bad)
	}
}

// An empty userCustomFields list is no custom-field edit: it needs neither
// USER_CUSTOM_FIELDS nor EDIT_MEMBER_PROFILE (with weekStart alone), and it
// does not trigger the several-workspaces rule.
func TestUpdateMemberProfile_emptyCustomFieldsCountAsAbsent(t *testing.T) {
	s := newDemo(t)
	r := patchProfile(t, s, DemoMultiWorkspaceID, `{"userCustomFields":[],"workCapacity":"PT5H"}`)
	assert.Equal(t, http.StatusOK, r.status, "%s", r.body)

	s.SetFeatures(DemoWorkspaceID, FeatureEditMemberProfile) // no USER_CUSTOM_FIELDS
	r = patchProfile(t, s, DemoMemberID, `{"userCustomFields":[],"workCapacity":"PT7H"}`)
	assert.Equal(t, http.StatusOK, r.status, "%s", r.body)
	assertError(t, patchProfile(t, s, DemoMemberID, `{"userCustomFields":[{"customFieldId":"`+DemoCustomFieldID+`","value":"Sales"}]}`),
		http.StatusForbidden, 0, "Access Denied")

	s.SetFeatures(DemoWorkspaceID) // free-plan features: week start alone is allowed
	r = patchProfile(t, s, DemoMemberID, `{"userCustomFields":[],"weekStart":"SUNDAY"}`)
	assert.Equal(t, http.StatusOK, r.status, "%s", r.body)
	m, _ := s.Member(DemoWorkspaceID, DemoMemberID)
	assert.Equal(t, "SUNDAY", m.WeekStart)
	assert.Equal(t, "PT7H", m.WorkCapacity)
}

// Pins the documented guess for a never-onboarded member's profile name.
func TestGetMemberProfile_neverOnboardedNameIsEmpty(t *testing.T) {
	s := newDemo(t)
	r := send(t, s, http.MethodGet, profilePath(DemoInvitedID), "")
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	raw := decodeJSON[map[string]any](t, r)
	assert.Equal(t, "", raw["name"])
}
