package clockifytest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The raw JSON of a wire answer must decode into a generic value without
// loss; this guards the json.RawMessage fields (custom-field values).
func TestCustomFieldValuesAreJSON(t *testing.T) {
	s := newDemo(t)
	got, _ := listUsers(t, s, "?email=emma")
	raw, err := json.Marshal(got)
	require.NoError(t, err)
	assert.Contains(t, string(raw), DemoMemberID)
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
