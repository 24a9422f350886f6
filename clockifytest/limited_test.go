package clockifytest

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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
