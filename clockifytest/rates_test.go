package clockifytest

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type wireProject struct {
	ID          string           `json:"id"`
	Name        string           `json:"name"`
	WorkspaceID string           `json:"workspaceId"`
	Memberships []wireMembership `json:"memberships"`
}

func projectRatePath(projectID, userID, which string) string {
	return demoWS + "/projects/" + projectID + "/users/" + userID + "/" + which
}

func TestProjectRates(t *testing.T) {
	s := newDemo(t)
	r := send(t, s, http.MethodPut, projectRatePath(DemoProjectID, DemoMemberID, "hourly-rate"), `{"amount":8500}`)
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	raw := decodeJSON[map[string]any](t, r)
	for _, k := range []string{"id", "name", "hourlyRate", "costRate", "clientId", "workspaceId", "billable", "memberships", "color", "archived", "public"} {
		assert.Contains(t, raw, k)
	}
	p := decodeJSON[wireProject](t, r)
	assert.Equal(t, DemoProjectID, p.ID)
	assert.Equal(t, "Website Redesign", p.Name)
	assert.Equal(t, DemoWorkspaceID, p.WorkspaceID)
	var emma wireMembership
	for _, m := range p.Memberships {
		assert.Equal(t, "PROJECT", m.MembershipType)
		assert.Equal(t, DemoProjectID, m.TargetID)
		if m.UserID == DemoMemberID {
			emma = m
		}
	}
	require.NotNil(t, emma.HourlyRate)
	assert.Equal(t, int64(8500), emma.HourlyRate.Amount)
	assert.Equal(t, "EUR", emma.HourlyRate.Currency)

	r = send(t, s, http.MethodPut, projectRatePath(DemoProjectID, DemoMemberID, "cost-rate"), `{"amount":4000,"since":"2026-01-01T00:00:00Z"}`)
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	state, _ := s.Project(DemoWorkspaceID, DemoProjectID)
	assert.Equal(t, Rate{Amount: 8500, Currency: "EUR"}, state.HourlyRates[DemoMemberID])
	assert.Equal(t, Rate{Amount: 4000, Currency: "EUR"}, state.CostRates[DemoMemberID])
	m, _ := s.Member(DemoWorkspaceID, DemoMemberID)
	assert.Equal(t, int64(7500), m.HourlyRate.Amount, "the workspace rate is not touched")

	// The member's PROJECT membership carries the rate in listings.
	users, _ := listUsers(t, s, "?memberships=PROJECT&email=emma")
	require.Len(t, users, 1)
	require.Len(t, users[0].Memberships, 1)
	assert.Equal(t, int64(8500), users[0].Memberships[0].HourlyRate.Amount)
}

func TestProjectRates_refusals(t *testing.T) {
	s := newDemo(t)
	hourly := projectRatePath(DemoProjectID, DemoMemberID, "hourly-rate")
	assertError(t, send(t, s, http.MethodPut, hourly, ""), http.StatusBadRequest, 3002, "ProjectHttpAdapter.addUsersHourlyRate(java.lang.String,java.lang.String,java.lang.String,")
	assertError(t, send(t, s, http.MethodPut, hourly, `{}`), http.StatusBadRequest, 0, "[amount]")
	assertError(t, send(t, s, http.MethodPut, hourly, `{"amount":-1}`), http.StatusBadRequest, 0, "[amount]")
	assertError(t, send(t, s, http.MethodPut, hourly, `{"amount":1,"since":"yesterday"}`), http.StatusBadRequest, 3000, "java.time.Instant")
	assertError(t, send(t, s, http.MethodPut, projectRatePath("64f0a1b2c3d4e5f6030000ff", DemoMemberID, "hourly-rate"), `{"amount":1}`), http.StatusBadRequest, 501, "Project doesn't belong to Workspace")
	assertError(t, send(t, s, http.MethodPut, projectRatePath(DemoProjectID, "64f0a1b2c3d4e5f6020000ff", "hourly-rate"), `{"amount":1}`), http.StatusBadRequest, 501, "User doesn't belong to Workspace")
	assertError(t, send(t, s, http.MethodPut, projectRatePath(DemoProjectID, DemoAdminID, "hourly-rate"), `{"amount":1}`), http.StatusBadRequest, 501, "User doesn't belong to Project")
	for _, who := range []string{DemoMemberID, DemoTeamManagerID, DemoProjectManagerID} {
		assertError(t, send(t, s, http.MethodPut, hourly, `{"amount":1}`, as(s, who)...), http.StatusForbidden, 0, "Access Denied")
	}
	assertError(t, send(t, s, http.MethodGet, hourly, ""), http.StatusMethodNotAllowed, 3000, "Request method 'GET' is not supported")

	s.SetFeatures(DemoWorkspaceID, FeatureEditMemberProfile)
	assertError(t, send(t, s, http.MethodPut, projectRatePath(DemoProjectID, DemoMemberID, "cost-rate"), `{"amount":1}`), http.StatusForbidden, 0, "Access Denied")
	assertError(t, send(t, s, http.MethodPut, hourly, `{"amount":1,"since":"2026-01-01T00:00:00Z"}`), http.StatusForbidden, 0, "Access Denied")
	state, _ := s.Project(DemoWorkspaceID, DemoProjectID)
	assert.Empty(t, state.HourlyRates)
	assert.Empty(t, state.CostRates)
}

func TestAddProject_seedsRates(t *testing.T) {
	s := newDemo(t)
	id := s.AddProject(DemoWorkspaceID, ProjectSeed{Name: "Audit", UserIDs: []string{DemoAdminID},
		HourlyRates: map[string]Rate{DemoAdminID: {Amount: 13000}}})
	state, ok := s.Project(DemoWorkspaceID, id)
	require.True(t, ok)
	assert.Equal(t, Rate{Amount: 13000, Currency: "EUR"}, state.HourlyRates[DemoAdminID])
	assert.Panics(t, func() {
		s.AddProject(DemoWorkspaceID, ProjectSeed{Name: "Bad", CostRates: map[string]Rate{DemoAdminID: {Amount: 1}}})
	}, "a rate for someone not on the project")
	assert.Panics(t, func() { s.AddProject(DemoWorkspaceID, ProjectSeed{ID: id, Name: "Again"}) })
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
