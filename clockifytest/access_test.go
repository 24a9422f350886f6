package clockifytest

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
)

// Every admin-only operation answers 403 "Access Denied" to a plain member,
// a team manager and a project manager, whatever they manage, and changes
// nothing; an admin's key passes the check.
func TestAdminOnlyOperations_refuseOtherKeys(t *testing.T) {
	ops := []struct {
		name, method, path, body string
	}{
		{"invite", http.MethodPost, demoWS + "/users?send-email=false", `{"email":"x.y@example.com"}`},
		{"add limited", http.MethodPost, demoWS + "/limited-users", `{"users":[{"name":"Kiosk Kim"}]}`},
		{"deactivate", http.MethodPut, demoWS + "/users/" + DemoMemberID, `{"status":"INACTIVE"}`},
		{"activate", http.MethodPut, demoWS + "/users/" + DemoInactiveID, `{"status":"ACTIVE"}`},
		{"remove", http.MethodDelete, demoWS + "/users/" + DemoInactiveID, ""},
		{"hourly rate", http.MethodPut, demoWS + "/users/" + DemoMemberID + "/hourly-rate", `{"amount":1}`},
		{"cost rate", http.MethodPut, demoWS + "/users/" + DemoMemberID + "/cost-rate", `{"amount":1}`},
		{"project hourly rate", http.MethodPut, projectRatePath(DemoProjectID, DemoMemberID, "hourly-rate"), `{"amount":1}`},
		{"project cost rate", http.MethodPut, projectRatePath(DemoProjectID, DemoMemberID, "cost-rate"), `{"amount":1}`},
		{"profile edit", http.MethodPatch, profilePath(DemoMemberID), `{"workCapacity":"PT1H"}`},
		{"grant role", http.MethodPost, demoWS + "/users/" + DemoMemberID + "/roles", `{"role":"TEAM_MANAGER","entityId":"` + DemoInactiveID + `"}`},
		{"remove role", http.MethodDelete, demoWS + "/users/" + DemoTeamManagerID + "/roles", `{"role":"TEAM_MANAGER","entityId":"` + DemoMemberID + `"}`},
		{"create group", http.MethodPost, demoWS + "/user-groups", `{"name":"Mine"}`},
		{"rename group", http.MethodPut, demoWS + "/user-groups/" + DemoGroupID, `{"name":"Mine"}`},
		{"delete group", http.MethodDelete, demoWS + "/user-groups/" + DemoGroupID, ""},
		{"add to group", http.MethodPost, demoWS + "/user-groups/" + DemoGroupID + "/users", `{"userId":"` + DemoAdminID + `"}`},
		{"remove from group", http.MethodDelete, demoWS + "/user-groups/" + DemoGroupID + "/users/" + DemoMemberID, ""},
		{"running timers", http.MethodGet, demoWS + "/time-entries/status/in-progress", ""},
		{"stop another's timer", http.MethodPatch, stopPath(DemoMemberID), `{"end":"2099-01-01T00:00:00Z"}`},
		{"another's custom field", http.MethodPut, demoWS + "/users/" + DemoMemberID + "/custom-field/" + DemoCustomFieldID + "/value", `{"value":"Sales"}`},
		{"another's profile (read)", http.MethodGet, profilePath(DemoMemberID), ""},
	}
	s := newDemo(t)
	before := s.Members(DemoWorkspaceID)
	groupBefore, _ := s.Group(DemoWorkspaceID, DemoGroupID)
	for _, who := range []struct{ role, id string }{
		{"plain member", DemoMultiWorkspaceID},
		{"team manager", DemoTeamManagerID},
		{"project manager", DemoProjectManagerID},
	} {
		key := as(s, who.id)
		for _, op := range ops {
			r := send(t, s, op.method, op.path, op.body, key...)
			if assert.Equal(t, http.StatusForbidden, r.status, "%s by a %s: %s", op.name, who.role, r.body) {
				assertError(t, r, http.StatusForbidden, 0, "Access Denied")
			}
		}
	}
	assert.Equal(t, before, s.Members(DemoWorkspaceID), "nothing changed")
	groupAfter, _ := s.Group(DemoWorkspaceID, DemoGroupID)
	assert.Equal(t, groupBefore, groupAfter)
	_, running := s.RunningTimer(DemoWorkspaceID, DemoMemberID)
	assert.True(t, running)

	admin := as(s, DemoAdminID)
	for _, op := range ops {
		r := send(t, s, op.method, op.path, op.body, admin...)
		assert.NotEqual(t, http.StatusForbidden, r.status, "%s by an admin: %s", op.name, r.body)
	}
}
