package clockify

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// featureSubscriptionType comes as a string or null on the wire and as an object in Clockify's
// API reference; Plan names the plan from each, a shape it cannot read is reported (never a
// silent ""), and every shape encodes back as it came.
func TestWorkspace_featureSubscriptionTypeShapes(t *testing.T) {
	for _, tc := range []struct {
		name, value string // value "" = the key is absent
		plan        string
	}{
		{"string", `"STANDARD_2021"`, "STANDARD_2021"},
		{"free", `"FREE"`, "FREE"},
		{"null", `null`, ""},
		{"absent", ``, ""},
		{"reference object", `{"addonSubscriptionPlan":"PRO","featurePermissions":["APPROVAL","SSO"],"legacy":false,"paidPlan":true,"regionalAllowed":true,"weight":30}`, "PRO"},
		{"free object, more keys", `{"addonSubscriptionPlan":"FREE","featurePermissions":[],"legacy":false,"paidPlan":false,"regionalAllowed":false,"weight":0,"trialEnds":null}`, "FREE"},
		{"number", `7`, PlanUnreadable},
		{"array", `["PRO"]`, PlanUnreadable},
		{"bool", `true`, PlanUnreadable},
		{"object of another shape", `{"addonSubscriptionPlan":7}`, PlanUnreadable},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body := `{"id":"ws1","name":"Acme"}`
			if tc.value != "" {
				body = `{"id":"ws1","name":"Acme","featureSubscriptionType":` + tc.value + `}`
			}
			var ws Workspace
			require.NoError(t, json.Unmarshal([]byte(body), &ws), "a workspace decodes whatever the plan's shape")
			assert.Equal(t, "ws1", ws.ID)
			assert.Equal(t, tc.plan, ws.Plan())

			b, err := json.Marshal(ws)
			require.NoError(t, err)
			var back map[string]json.RawMessage
			require.NoError(t, json.Unmarshal(b, &back))
			if tc.value == "" {
				assert.JSONEq(t, `null`, string(back["featureSubscriptionType"]))
			} else {
				assert.JSONEq(t, tc.value, string(back["featureSubscriptionType"]), "encodes as it came")
			}
			var again Workspace
			require.NoError(t, json.Unmarshal(b, &again))
			assert.Equal(t, tc.plan, again.Plan())
		})
	}
}

func TestWorkspace_featurePlanObjectIsTyped(t *testing.T) {
	var ws Workspace
	require.NoError(t, json.Unmarshal([]byte(`{"featureSubscriptionType":{"addonSubscriptionPlan":"ENTERPRISE",
		"featurePermissions":["SSO"],"legacy":true,"paidPlan":true,"regionalAllowed":false,"weight":50,"seats":12}}`), &ws))
	require.NotNil(t, ws.FeaturePlan)
	assert.Nil(t, ws.FeatureSubscriptionType)
	assert.Equal(t, "ENTERPRISE", ws.FeaturePlan.AddonSubscriptionPlan)
	assert.Equal(t, []string{"SSO"}, ws.FeaturePlan.FeaturePermissions)
	assert.True(t, ws.FeaturePlan.PaidPlan)
	assert.Equal(t, 50, ws.FeaturePlan.Weight)
	assert.JSONEq(t, `12`, string(ws.FeaturePlan.Extra["seats"]))
}

// The free-plan rules read Plan, so a FREE plan in the reference's object shape still blocks
// profile edits before anything is sent.
func TestProfilesCheck_freePlanAsObjectIsNamed(t *testing.T) {
	client, mux := setup(t)
	serveAdminOf(t, mux, "ws1")
	mux.HandleFunc("GET /v1/workspaces/ws1", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"id":"ws1","featureSubscriptionType":{"addonSubscriptionPlan":"FREE","paidPlan":false},
			"memberships":[{"userId":"u1","targetId":"ws1","membershipType":"WORKSPACE","membershipStatus":"ACTIVE"}]}`)
	})
	err := client.Profiles.Check(ctx, "ws1", "u1", &ProfileUpdate{WorkCapacity: Ptr(Hours(6))})
	assert.ErrorIs(t, err, ErrPaidFeature)
	assert.Contains(t, err.Error(), "FREE")
}
