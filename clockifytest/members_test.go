package clockifytest

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestInvite_addsPendingMemberAndReturnsWorkspace(t *testing.T) {
	s := newDemo(t)
	r := send(t, s, http.MethodPost, demoWS+"/users?send-email=false", `{"email":"new.hire@example.com"}`)
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	ws := decodeJSON[wireWorkspace](t, r)
	assert.Equal(t, DemoWorkspaceID, ws.ID, "the answer is the whole workspace")

	id, ok := s.FindMemberByEmail(DemoWorkspaceID, "New.Hire@example.com")
	require.True(t, ok)
	m, ok := membershipOf(ws, id)
	require.True(t, ok)
	assert.Equal(t, MembershipPending, m.MembershipStatus)
	state, _ := s.Member(DemoWorkspaceID, id)
	assert.Equal(t, AccountNotRegistered, state.AccountStatus)
	assert.Equal(t, "false", s.Requests()[0].Query.Get("send-email"))

	assertError(t, send(t, s, http.MethodPost, demoWS+"/users?send-email=true", `{"email":"new.hire@example.com"}`), http.StatusBadRequest, 0, "already a member")
	// An existing account from another workspace is reused.
	s.AddWorkspace(WorkspaceSeed{ID: "64f0a1b2c3d4e5f6010000aa", Name: "Other"})
	other := s.AddMember("64f0a1b2c3d4e5f6010000aa", MemberSeed{Name: "Zed Other", Email: "zed@example.com"})
	require.Equal(t, http.StatusOK, send(t, s, http.MethodPost, demoWS+"/users?send-email=true", `{"email":"zed@example.com"}`).status)
	got, ok := s.FindMemberByEmail(DemoWorkspaceID, "zed@example.com")
	assert.True(t, ok)
	assert.Equal(t, other, got)
}

func TestInvite_rules(t *testing.T) {
	s := newDemo(t)
	assertError(t, send(t, s, http.MethodPost, "/v1/workspaces/"+DemoFreeWorkspaceID+"/users?send-email=true", `{"email":"a@example.com"}`),
		http.StatusForbidden, 0, "Access Denied")
	assertError(t, send(t, s, http.MethodPost, demoWS+"/users?send-email=true", `{"email":"a@example.com"}`, as(s, DemoTeamManagerID)...),
		http.StatusForbidden, 0, "Access Denied")
	assert.Equal(t, http.StatusOK, send(t, s, http.MethodPost, demoWS+"/users?send-email=true", `{"email":"b@example.com"}`, as(s, DemoAdminID)...).status)
	assertError(t, send(t, s, http.MethodPost, demoWS+"/users?send-email=true", `{"email":""}`), http.StatusBadRequest, 0, "You entered invalid value for field: [email]")
	assertError(t, send(t, s, http.MethodPost, demoWS+"/users?send-email=true", `{"email":"not an address"}`), http.StatusBadRequest, 0, "[email]")
	assertError(t, send(t, s, http.MethodPost, demoWS+"/users?send-email=sure", `{"email":"c@example.com"}`), http.StatusBadRequest, 3000, "send-email")
}

func TestAddLimitedUsers(t *testing.T) {
	s := newDemo(t)
	body := `{"users":[{"name":"Kiosk Kim","hourlyRate":2500,"workCapacity":"PT6H","workingDays":["SATURDAY","SUNDAY"],
		"userGroups":["` + DemoGroupID + `"],"userCustomFields":[{"customFieldId":"` + DemoCustomFieldID + `","value":"Sales"}]},{"name":"Kiosk Kai"}]}`
	r := send(t, s, http.MethodPost, demoWS+"/limited-users", body)
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	created := decodeJSON[struct {
		Users []struct{ ID, Name string }
	}](t, r)
	require.Len(t, created.Users, 2)

	kim, ok := s.Member(DemoWorkspaceID, created.Users[0].ID)
	require.True(t, ok)
	assert.Equal(t, AccountLimited, kim.AccountStatus)
	assert.Equal(t, MembershipActive, kim.MembershipStatus)
	assert.Equal(t, "", kim.Email)
	assert.Equal(t, []string{"SATURDAY", "SUNDAY"}, kim.WorkingDays)
	assert.Equal(t, "PT6H", kim.WorkCapacity)
	assert.Equal(t, int64(2500), kim.HourlyRate.Amount)
	assert.Equal(t, []string{DemoGroupID}, kim.Groups)
	assert.JSONEq(t, `"Sales"`, string(kim.CustomFieldValues[DemoCustomFieldID]))

	got, _ := listUsers(t, s, "")
	assert.NotContains(t, ids(got), kim.ID, "limited members are hidden by default")
	got, _ = listUsers(t, s, "?account-statuses=LIMITED")
	assert.Contains(t, ids(got), kim.ID)
}

func TestAddLimitedUsers_validation(t *testing.T) {
	s := newDemo(t)
	assertError(t, send(t, s, http.MethodPost, demoWS+"/limited-users", `{"users":[]}`), http.StatusBadRequest, 0, "users must not be empty")
	assertError(t, send(t, s, http.MethodPost, demoWS+"/limited-users", `{}`), http.StatusBadRequest, 0, "users must not be empty")
	many := `{"users":[` + strings.Repeat(`{"name":"x"},`, 250) + `{"name":"x"}]}`
	assertError(t, send(t, s, http.MethodPost, demoWS+"/limited-users", many), http.StatusBadRequest, 0, "between 1 and 250")
	assertError(t, send(t, s, http.MethodPost, demoWS+"/limited-users", `{"users":[{"name":"ok"},{"name":""}]}`), http.StatusBadRequest, 0, "[users[1].name]")
	assertError(t, send(t, s, http.MethodPost, demoWS+"/limited-users", `{"users":[{"name":"`+strings.Repeat("n", 101)+`"}]}`), http.StatusBadRequest, 0, "100")
	assertError(t, send(t, s, http.MethodPost, demoWS+"/limited-users", `{"users":[{"name":"x","workingDays":["FUNDAY"]}]}`), http.StatusBadRequest, 3000, "FUNDAY")
	assertError(t, send(t, s, http.MethodPost, demoWS+"/limited-users", `{"users":[{"name":"x","userGroups":["64f0a1b2c3d4e5f6040000ff"]}]}`), http.StatusBadRequest, 501, "UserGroup doesn't belong to Workspace")
	assertError(t, send(t, s, http.MethodPost, demoWS+"/limited-users", `{"users":[{"name":"x"}]}`, as(s, DemoMemberID)...), http.StatusForbidden, 0, "Access Denied")
	s.SetFeatures(DemoWorkspaceID, FeatureEditMemberProfile)
	assertError(t, send(t, s, http.MethodPost, demoWS+"/limited-users", `{"users":[{"name":"x"}]}`), http.StatusForbidden, 0, "Access Denied")
	assert.Len(t, s.Members(DemoWorkspaceID), 10, "nothing was created")
}

func setStatus(t *testing.T, s *Server, userID, status string, hdr ...string) reply {
	t.Helper()
	return send(t, s, http.MethodPut, demoWS+"/users/"+userID, `{"status":"`+status+`"}`, hdr...)
}

func TestUpdateUserStatus(t *testing.T) {
	s := newDemo(t)
	r := setStatus(t, s, DemoMemberID, "INACTIVE")
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	m, _ := membershipOf(decodeJSON[wireWorkspace](t, r), DemoMemberID)
	assert.Equal(t, MembershipInactive, m.MembershipStatus)
	r = setStatus(t, s, DemoMemberID, "ACTIVE")
	m, _ = membershipOf(decodeJSON[wireWorkspace](t, r), DemoMemberID)
	assert.Equal(t, MembershipActive, m.MembershipStatus)
	r = setStatus(t, s, DemoInactiveID, "ACTIVE")
	require.Equal(t, http.StatusOK, r.status)
	st, _ := s.Member(DemoWorkspaceID, DemoInactiveID)
	assert.Equal(t, MembershipActive, st.MembershipStatus)
}

func TestUpdateUserStatus_rules(t *testing.T) {
	s := newDemo(t)
	second := s.AddMember(DemoWorkspaceID, MemberSeed{Name: "Second Admin", Roles: Roles{Admin: true}})
	admin := as(s, DemoAdminID)

	assertError(t, setStatus(t, s, DemoOwnerID, "INACTIVE"), http.StatusBadRequest, 0, "owner can't be deactivated")
	assertError(t, setStatus(t, s, DemoOwnerID, "INACTIVE", admin...), http.StatusBadRequest, 0, "owner can't be deactivated")
	assertError(t, setStatus(t, s, DemoInvitedID, "INACTIVE"), http.StatusBadRequest, 0, "not accepted the invitation")
	assertError(t, setStatus(t, s, DemoInvitedID, "ACTIVE"), http.StatusBadRequest, 0, "not accepted the invitation")
	assertError(t, setStatus(t, s, second, "INACTIVE", admin...), http.StatusForbidden, 0, "Access Denied")
	assertError(t, setStatus(t, s, DemoMemberID, "INACTIVE", as(s, DemoTeamManagerID)...), http.StatusForbidden, 0, "Access Denied")
	assertError(t, setStatus(t, s, DemoMemberID, "PENDING"), http.StatusBadRequest, 3000, "PENDING")
	assertError(t, setStatus(t, s, DemoMemberID, ""), http.StatusBadRequest, 0, "[status]")
	assertError(t, setStatus(t, s, "64f0a1b2c3d4e5f6020000ff", "INACTIVE"), http.StatusBadRequest, 501, "User doesn't belong to Workspace")

	st, _ := s.Member(DemoWorkspaceID, second)
	assert.Equal(t, MembershipActive, st.MembershipStatus, "refused changes change nothing")
	assert.Equal(t, http.StatusOK, setStatus(t, s, second, "INACTIVE").status, "the owner may deactivate an admin")
	assert.Equal(t, http.StatusOK, setStatus(t, s, DemoMemberID, "INACTIVE", admin...).status, "an admin may deactivate a member")
}

func TestRemoveMember_neverWorks(t *testing.T) {
	s := newDemo(t)
	del := func(userID string) reply { return send(t, s, http.MethodDelete, demoWS+"/users/"+userID, "") }
	assertError(t, del(DemoMemberID), http.StatusBadRequest, 0, "must be deactivated")
	r := del(DemoInactiveID)
	assertError(t, r, http.StatusBadRequest, 400, "User is migrated to Cake. Use Cake to remove user from workspace")
	assert.JSONEq(t, `{"code":400,"message":"User is migrated to Cake. Use Cake to remove user from workspace"}`, string(r.body))
	assertError(t, del(DemoOwnerID), http.StatusBadRequest, 0, "owner can't be removed")
	assertError(t, del(DemoInvitedID), http.StatusBadRequest, 0, "not accepted the invitation")
	assertError(t, del("64f0a1b2c3d4e5f6020000ff"), http.StatusBadRequest, 501, "User doesn't belong to Workspace")
	assertError(t, send(t, s, http.MethodDelete, demoWS+"/users/"+DemoInactiveID, "", as(s, DemoMemberID)...), http.StatusForbidden, 0, "Access Denied")
	_, still := s.Member(DemoWorkspaceID, DemoInactiveID)
	assert.True(t, still)
}

func TestRates(t *testing.T) {
	s := newDemo(t)
	r := send(t, s, http.MethodPut, demoWS+"/users/"+DemoMultiWorkspaceID+"/hourly-rate", `{"amount":20000}`)
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	m, _ := membershipOf(decodeJSON[wireWorkspace](t, r), DemoMultiWorkspaceID)
	require.NotNil(t, m.HourlyRate)
	assert.Equal(t, int64(20000), m.HourlyRate.Amount)
	assert.Equal(t, "EUR", m.HourlyRate.Currency)

	r = send(t, s, http.MethodPut, demoWS+"/users/"+DemoMultiWorkspaceID+"/cost-rate", `{"amount":0,"since":"2026-01-01T00:00:00Z"}`)
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	st, _ := s.Member(DemoWorkspaceID, DemoMultiWorkspaceID)
	assert.Equal(t, &Rate{Amount: 0, Currency: "EUR"}, st.CostRate)

	for _, path := range []string{"/hourly-rate", "/cost-rate"} {
		p := demoWS + "/users/" + DemoMemberID + path
		assertError(t, send(t, s, http.MethodPut, p, `{"amount":-1}`), http.StatusBadRequest, 0, "[amount]")
		assertError(t, send(t, s, http.MethodPut, p, `{}`), http.StatusBadRequest, 0, "[amount]")
		assertError(t, send(t, s, http.MethodPut, p, `{"amount":1.5}`), http.StatusBadRequest, 3000, "JSON parse error")
		assertError(t, send(t, s, http.MethodPut, p, `{"amount":1,"since":"yesterday"}`), http.StatusBadRequest, 3000, "yesterday")
		assertError(t, send(t, s, http.MethodPut, p, `{"amount":1}`, as(s, DemoMemberID)...), http.StatusForbidden, 0, "Access Denied")
		assertError(t, send(t, s, http.MethodPut, demoWS+"/users/64f0a1b2c3d4e5f6020000ff"+path, `{"amount":1}`), http.StatusBadRequest, 501, "User doesn't belong")
	}

	s.SetFeatures(DemoWorkspaceID, FeatureEditMemberProfile)
	assert.Equal(t, http.StatusOK, send(t, s, http.MethodPut, demoWS+"/users/"+DemoMemberID+"/hourly-rate", `{"amount":1}`).status)
	assertError(t, send(t, s, http.MethodPut, demoWS+"/users/"+DemoMemberID+"/hourly-rate", `{"amount":1,"since":"2026-01-01T00:00:00Z"}`),
		http.StatusForbidden, 0, "Access Denied") // HISTORIC_RATES missing
	assertError(t, send(t, s, http.MethodPut, demoWS+"/users/"+DemoMemberID+"/cost-rate", `{"amount":1}`),
		http.StatusForbidden, 0, "Access Denied") // LABOR_COST missing
}

func TestCustomFieldValue(t *testing.T) {
	s := newDemo(t)
	path := func(userID, cfID string) string {
		return fmt.Sprintf("%s/users/%s/custom-field/%s/value", demoWS, userID, cfID)
	}
	r := send(t, s, http.MethodPut, path(DemoMultiWorkspaceID, DemoCustomFieldID), `{"value":"Sales"}`)
	require.Equal(t, http.StatusCreated, r.status, "%s", r.body)
	assert.JSONEq(t, `{"customFieldId":"`+DemoCustomFieldID+`","customFieldName":"Department","customFieldType":"DROPDOWN_SINGLE","userId":"`+DemoMultiWorkspaceID+`","value":"Sales"}`, string(r.body))
	st, _ := s.Member(DemoWorkspaceID, DemoMultiWorkspaceID)
	assert.JSONEq(t, `"Sales"`, string(st.CustomFieldValues[DemoCustomFieldID]))

	assertError(t, send(t, s, http.MethodPut, path(DemoMemberID, DemoCustomFieldID), `{"value":"Marketing"}`), http.StatusBadRequest, 0, "not valid")
	assertError(t, send(t, s, http.MethodPut, path(DemoMemberID, DemoCustomFieldID), `{"value":3}`), http.StatusBadRequest, 0, "not valid")
	assertError(t, send(t, s, http.MethodPut, path(DemoMemberID, "64f0a1b2c3d4e5f6050000ff"), `{"value":"x"}`), http.StatusBadRequest, 501, "CustomField doesn't belong to Workspace")

	// Members set their own values, unless only admins may edit the field.
	emma := as(s, DemoMemberID)
	assert.Equal(t, http.StatusCreated, send(t, s, http.MethodPut, path(DemoMemberID, DemoCustomFieldID), `{"value":"Engineering"}`, emma...).status)
	assertError(t, send(t, s, http.MethodPut, path(DemoAdminID, DemoCustomFieldID), `{"value":"Sales"}`, emma...), http.StatusForbidden, 0, "Access Denied")
	locked := s.AddCustomField(DemoWorkspaceID, CustomFieldSeed{Name: "Badge", OnlyAdminCanEdit: true})
	assertError(t, send(t, s, http.MethodPut, path(DemoMemberID, locked), `{"value":"B-12"}`, emma...), http.StatusForbidden, 0, "Access Denied")

	s.SetFeatures(DemoWorkspaceID)
	assertError(t, send(t, s, http.MethodPut, path(DemoMemberID, DemoCustomFieldID), `{"value":"Sales"}`), http.StatusForbidden, 0, "Access Denied")
}

func TestAddLimitedUsers_customFieldsNeedTheFeature(t *testing.T) {
	s := newDemo(t)
	s.SetFeatures(DemoWorkspaceID, FeatureLimitedUsers) // no USER_CUSTOM_FIELDS
	withValue := `{"users":[{"name":"Kiosk Kim"},{"name":"Kiosk Kai","userCustomFields":[{"customFieldId":"` + DemoCustomFieldID + `","value":"Sales"}]}]}`
	assertError(t, send(t, s, http.MethodPost, demoWS+"/limited-users", withValue), http.StatusForbidden, 0, "Access Denied")
	assert.Len(t, s.Members(DemoWorkspaceID), 10, "nothing was created")

	// An empty list sets no value, so it needs no feature.
	r := send(t, s, http.MethodPost, demoWS+"/limited-users", `{"users":[{"name":"Kiosk Kim","userCustomFields":[]}]}`)
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	assert.Len(t, s.Members(DemoWorkspaceID), 11)
}
