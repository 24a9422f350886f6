package clockifytest

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCurrentUser(t *testing.T) {
	s := newDemo(t)
	r := send(t, s, http.MethodGet, "/v1/user", "")
	require.Equal(t, http.StatusOK, r.status)
	raw := decodeJSON[map[string]any](t, r)
	for _, k := range []string{"activeWorkspace", "customFields", "defaultWorkspace", "email", "id", "memberships", "name", "profilePicture", "settings", "status"} {
		assert.Contains(t, raw, k)
	}
	assert.Equal(t, []any{}, raw["memberships"], "memberships are [] unless asked for")
	me := decodeJSON[wireUser](t, r)
	assert.Equal(t, DemoOwnerID, me.ID)
	assert.Equal(t, "maya.lindqvist@acme-studio.example", me.Email)
	assert.Equal(t, DemoWorkspaceID, raw["activeWorkspace"])

	me = decodeJSON[wireUser](t, send(t, s, http.MethodGet, "/v1/user?include-memberships=true", ""))
	var targets []string
	for _, m := range me.Memberships {
		if m.MembershipType == "WORKSPACE" {
			targets = append(targets, m.TargetID)
		}
	}
	assert.ElementsMatch(t, []string{DemoWorkspaceID, DemoFreeWorkspaceID}, targets)
}

func TestCurrentUser_badBooleanHasNoCode(t *testing.T) {
	s := newDemo(t)
	r := send(t, s, http.MethodGet, "/v1/user?include-memberships=NOT-A-BOOL", "")
	assertError(t, r, http.StatusBadRequest, 0,
		"Method parameter 'include-memberships': Failed to convert value of type 'java.lang.String' to required type 'java.lang.Boolean'; Invalid boolean value [NOT-A-BOOL]")
}
