package clockify

import (
	"encoding/json"
	"maps"
	"slices"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// keyPaths lists every object key of the JSON value v, as paths ("settings.lang",
// "memberships[0].costRate"), so that two bodies can be compared key by key.
func keyPaths(t *testing.T, b []byte) []string {
	t.Helper()
	var v any
	require.NoError(t, json.Unmarshal(b, &v))
	var out []string
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		switch x := v.(type) {
		case map[string]any:
			for k, e := range x {
				p := prefix + "." + k
				out = append(out, p)
				walk(p, e)
			}
		case []any:
			for i, e := range x {
				walk(prefix+"["+strconv.Itoa(i)+"]", e)
			}
		}
	}
	walk("", v)
	slices.Sort(out)
	return out
}

// roundTrip decodes b into a T, encodes it again and returns the encoding.
func roundTrip[T any](t *testing.T, b []byte) []byte {
	t.Helper()
	var v T
	require.NoError(t, json.Unmarshal(b, &v))
	out, err := json.Marshal(&v)
	require.NoError(t, err)
	return out
}

// Every key Clockify sends survives a decode and an encode: the captured 2020 shapes, the
// role grant answer, and current shapes with keys the SDK does not type (testdata/ holds the
// project's own bodies in those shapes).
func TestDecode_roundTripKeepsEveryKey(t *testing.T) {
	for _, tc := range []struct {
		file string
		enc  func(*testing.T, []byte) []byte
	}{
		{"user_2020.json", roundTrip[User]},
		{"users_2020.json", roundTrip[[]*User]},
		{"workspaces_2020.json", roundTrip[[]*Workspace]},
		{"role_grant_201.json", roundTrip[[]*RoleGrant]},
		{"user_2026.json", roundTrip[User]},
		{"workspace_2026.json", roundTrip[Workspace]},
		{"time_entry_running.json", roundTrip[TimeEntry]},
	} {
		t.Run(tc.file, func(t *testing.T) {
			in := readTestdata(t, tc.file)
			out := tc.enc(t, in)
			got := keyPaths(t, out)
			for _, k := range keyPaths(t, in) {
				assert.Contains(t, got, k)
			}
		})
	}
}

// Keys that come empty or null are written back too.
func TestDecode_roundTripKeepsEmptyKeys(t *testing.T) {
	for _, tc := range []struct {
		body string
		enc  func(*testing.T, []byte) []byte
	}{
		{`{"id":"u1","roles":[],"customFields":[],"memberships":[],"settings":null,"name":null}`, roundTrip[User]},
		{`{"id":"ws1","currencies":[],"cakeOrganizationId":"","subdomain":null,"workspaceSettings":null,"features":[],"featureSubscriptionType":null}`, roundTrip[Workspace]},
		{`{"workingDays":[],"adminOnlyPages":[],"automaticLock":null,"lockTimeEntries":null,"round":null}`, roundTrip[WorkspaceSettings]},
		{`{"id":"te1","tagIds":[],"customFieldValues":[],"taskId":null,"projectId":null,"hourlyRate":null,"timeInterval":{"start":"2026-11-28T08:00:00Z","end":null,"duration":null}}`, roundTrip[TimeEntry]},
	} {
		got := keyPaths(t, tc.enc(t, []byte(tc.body)))
		for _, k := range keyPaths(t, []byte(tc.body)) {
			assert.Contains(t, got, k, tc.body)
		}
	}
}

func TestDecode_unknownKeysInExtra(t *testing.T) {
	var u User
	require.NoError(t, json.Unmarshal(readTestdata(t, "user_2026.json"), &u))
	assert.Equal(t, []string{"cakeUserId"}, slices.Sorted(maps.Keys(u.Extra)))
	assert.JSONEq(t, `"c7a1e2b3-0000-4000-8000-000000000001"`, string(u.Extra["cakeUserId"]))
	assert.Equal(t, []string{"darkTheme", "timesheetDefaultView"}, slices.Sorted(maps.Keys(u.Settings.Extra)))
	assert.True(t, u.Settings.Approval, "settings the reference lists are typed")
	assert.Equal(t, "DARK", u.Settings.Theme)
	assert.Equal(t, []string{"createdAt"}, slices.Sorted(maps.Keys(u.Memberships[0].Extra)))

	var ws Workspace
	require.NoError(t, json.Unmarshal(readTestdata(t, "workspace_2026.json"), &ws))
	assert.Equal(t, []string{"workspaceRegion"}, slices.Sorted(maps.Keys(ws.Extra)))
	assert.Equal(t, []Currency{{ID: "64b1f0a2c3d4e5f6eeee0001", Code: "EUR", IsDefault: true},
		{ID: "64b1f0a2c3d4e5f6eeee0002", Code: "USD"}}, ws.Currencies)
	s := ws.WorkspaceSettings
	require.NotNil(t, s)
	assert.True(t, s.OnlyAdminsSeeBillableRates)
	require.NotNil(t, s.LockTimeEntries)
	assert.Equal(t, "2026-10-01T00:00:00Z", *s.LockTimeEntries)
	assert.Equal(t, Weekdays, s.WorkingDays)
	assert.Equal(t, []string{"REPORTS"}, s.AdminOnlyPages)
	assert.True(t, s.OnlyAdminsCanChangeBillableStatus)
	assert.Equal(t, []string{"breakSettings", "decimalFormat", "projectLabel", "taskLabel"}, slices.Sorted(maps.Keys(s.Extra)))

	var e TimeEntry
	require.NoError(t, json.Unmarshal(readTestdata(t, "time_entry_running.json"), &e))
	require.Len(t, e.CustomFieldValues, 1)
	assert.JSONEq(t, `{"customFieldId":"64b1f0a2c3d4e5f6dddd0009","timeEntryId":"64b1f0a2c3d4e5f6a0a00001","value":"R-42","name":"Ticket","type":"TXT"}`,
		string(e.CustomFieldValues[0]))
	assert.Equal(t, []string{"kioskId"}, slices.Sorted(maps.Keys(e.Extra)))
}

func TestMarshal_extraNeverOverridesTypedKeys(t *testing.T) {
	u := User{ID: "u1", Extra: map[string]json.RawMessage{"id": json.RawMessage(`"other"`), "x": json.RawMessage(`1`)}}
	b, err := json.Marshal(u)
	require.NoError(t, err)
	var back map[string]any
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, "u1", back["id"])
	assert.Equal(t, float64(1), back["x"])

	u.Extra = map[string]json.RawMessage{"x": json.RawMessage(`{not json`)}
	_, err = json.Marshal(u)
	assert.Error(t, err, "an invalid Extra value is refused, not written")
}

// FuzzExtraKeys checks the key scanner against encoding/json: for any JSON object, the keys it
// reports as extra are the object's keys outside the known set, with the same values.
func FuzzExtraKeys(f *testing.F) {
	for _, s := range []string{`{}`, `{"a":1}`, ` { "a" : [ 1 , {"b":"}"} ] , "id":"x\"y" , "c\u0064":null } `,
		`{"a":{"b":{"c":[]}},"z":true}`, `null`, `[1,2]`, `"s"`, `{"a":"\\","b":-1.5e3}`} {
		f.Add([]byte(s))
	}
	known := map[string]bool{"id": true, "b": true}
	f.Fuzz(func(t *testing.T, b []byte) {
		var want map[string]json.RawMessage
		if json.Unmarshal(b, &want) != nil {
			return
		}
		got := extraKeys(b, known)
		for k, v := range want {
			if known[k] {
				assert.NotContains(t, got, k)
				continue
			}
			if assert.Contains(t, got, k) {
				assert.JSONEq(t, string(v), string(got[k]), "key %q", k)
			}
		}
		for k := range got {
			assert.Contains(t, want, k)
		}
	})
}
