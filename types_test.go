package clockify

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// --- Decoding captured shapes (testdata/ holds the project's own bodies in those shapes) ---

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	require.NoError(t, err)
	return b
}

func TestDecode_currentUser(t *testing.T) {
	var u User
	require.NoError(t, json.Unmarshal(readTestdata(t, "user_2020.json"), &u))
	assert.Equal(t, "64b1f0a2c3d4e5f601234567", u.ID)
	assert.Equal(t, "ada.lovelace@example.org", u.Email)
	assert.Equal(t, "Ada Lovelace", u.Name)
	assert.Equal(t, AccountActive, u.Status)
	assert.Equal(t, "64b1f0a2c3d4e5f6aaaa0002", u.ActiveWorkspace)
	assert.Equal(t, "64b1f0a2c3d4e5f6aaaa0001", u.DefaultWorkspace)
	require.Len(t, u.Memberships, 4)
	assert.Equal(t, Membership{
		UserID: u.ID, TargetID: "64b1f0a2c3d4e5f6aaaa0001", MembershipType: MembershipTypeWorkspace,
		MembershipStatus: MembershipActive, HourlyRate: &Money{Amount: 4250, Currency: "EUR"},
	}, u.Memberships[0])
	assert.Nil(t, u.Memberships[1].HourlyRate)
	assert.Nil(t, u.Memberships[1].CostRate, "absent in 2020 shapes")
	assert.Equal(t, MembershipInactive, u.Memberships[1].MembershipStatus)
	assert.Equal(t, MembershipTypeProject, u.Memberships[2].MembershipType)
	assert.Equal(t, &Money{Amount: 1, Currency: "GBP"}, u.Memberships[3].HourlyRate)
	m, ok := u.Membership("64b1f0a2c3d4e5f6bbbb0002")
	assert.True(t, ok)
	assert.Equal(t, int64(1), m.HourlyRate.Amount)
	require.NotNil(t, u.Settings)
	st := u.Settings
	assert.Equal(t, Sunday, st.WeekStart)
	assert.Equal(t, "Europe/London", st.TimeZone)
	assert.Equal(t, "HOUR12", st.TimeFormat)
	assert.Equal(t, "MM/DD/YYYY", st.DateFormat)
	assert.Equal(t, "08:30", st.MyStartOfDay)
	assert.Equal(t, "TEAM", st.DashboardSelection)
	assert.Equal(t, 20, st.ProjectListCollapse)
	assert.True(t, st.SendNewsletter)
	assert.JSONEq(t, `{"group":"User","subgroup":"Project"}`, string(st.SummaryReportSettings))
	assert.Nil(t, st.Extra, "every key of the 2020 shape is typed")
	assert.Empty(t, u.CustomFields)
}

func TestDecode_workspaceUsers(t *testing.T) {
	var us []*User
	require.NoError(t, json.Unmarshal(readTestdata(t, "users_2020.json"), &us))
	require.Len(t, us, 3)

	assert.Equal(t, "Ada Lovelace", us[0].Name)
	require.Len(t, us[0].Memberships, 3)
	assert.Equal(t, MembershipTypeUserGroup, us[0].Memberships[1].MembershipType)
	assert.Equal(t, &Money{Amount: 9900, Currency: "EUR"}, us[0].Memberships[2].HourlyRate)
	assert.Equal(t, Monday, us[0].Settings.WeekStart)

	assert.Equal(t, AccountPendingEmailVerification, us[1].Status)
	assert.Equal(t, MembershipPending, us[1].Memberships[0].MembershipStatus)
	assert.Equal(t, "America/New_York", us[1].Settings.TimeZone)

	// A member who never finished sign-up: name and settings are null.
	assert.Equal(t, "", us[2].Name)
	assert.Nil(t, us[2].Settings)
	assert.Empty(t, us[2].Memberships)
	assert.Equal(t, AccountNotRegistered, us[2].Status)
}

func TestDecode_workspaces(t *testing.T) {
	var ws []*Workspace
	require.NoError(t, json.Unmarshal(readTestdata(t, "workspaces_2020.json"), &ws))
	require.Len(t, ws, 2)

	assert.Equal(t, "Ada's workspace", ws[0].Name)
	assert.Equal(t, &Money{Amount: 0, Currency: "EUR"}, ws[0].HourlyRate)
	assert.Nil(t, ws[0].FeatureSubscriptionType)
	assert.Equal(t, "", ws[0].Plan())
	assert.Equal(t, "", ws[0].ImageURL)
	assert.Nil(t, ws[0].Subdomain)
	assert.Empty(t, ws[0].Features)
	assert.False(t, ws[0].HasFeature("EDIT_MEMBER_PROFILE"))

	settings := ws[0].WorkspaceSettings
	require.NotNil(t, settings)
	assert.Equal(t, []string{}, settings.AdminOnlyPages)
	assert.Equal(t, "null", string(settings.AutomaticLock))
	assert.Nil(t, settings.LockTimeEntries)
	assert.False(t, settings.OnlyAdminsSeeBillableRates)
	var round struct{ Round, Minutes string }
	require.NoError(t, json.Unmarshal(settings.Round, &round))
	assert.Equal(t, "5", round.Minutes)

	assert.Equal(t, &Money{Amount: 12550, Currency: "USD"}, ws[1].HourlyRate)
	require.Len(t, ws[1].Memberships, 3)
	m, ok := ws[1].Membership("64b1f0a2c3d4e5f601234568")
	require.True(t, ok)
	assert.Equal(t, MembershipPending, m.MembershipStatus)
	assert.Equal(t, &Money{Amount: 7000, Currency: "USD"}, m.HourlyRate)
	_, ok = ws[1].Membership("nobody")
	assert.False(t, ok)
}

func TestDecode_roleGrant(t *testing.T) {
	var gs []*RoleGrant
	require.NoError(t, json.Unmarshal(readTestdata(t, "role_grant_201.json"), &gs))
	require.Len(t, gs, 1)
	assert.Equal(t, RoleGrant{
		WorkspaceID: "64b1f0a2c3d4e5f6aaaa0002",
		UserID:      "64b1f0a2c3d4e5f601234568",
		EntityID:    "64b1f0a2c3d4e5f6bbbb0002",
		Role:        RoleProjectManager,
	}, *gs[0])
}

func TestDecode_memberProfile(t *testing.T) {
	// Profile lives in profiles.go; the shape's typed parts are checked here.
	var p struct {
		Email                     string             `json:"email"`
		HasPassword               bool               `json:"hasPassword"`
		HasPendingApprovalRequest bool               `json:"hasPendingApprovalRequest"`
		ImageURL                  string             `json:"imageUrl"`
		WeekStart                 Weekday            `json:"weekStart"`
		WorkCapacity              Duration           `json:"workCapacity"`
		WorkingDays               WeekdaySet         `json:"workingDays"`
		WorkspaceNumber           int                `json:"workspaceNumber"`
		CustomFields              []CustomFieldValue `json:"userCustomFieldValues"`
	}
	require.NoError(t, json.Unmarshal(readTestdata(t, "profile.json"), &p))
	assert.Equal(t, "charles.babbage@example.org", p.Email)
	assert.True(t, p.HasPassword)
	assert.False(t, p.HasPendingApprovalRequest)
	assert.Equal(t, Sunday, p.WeekStart)
	assert.Equal(t, Duration(10*time.Hour), p.WorkCapacity)
	assert.Equal(t, AllDays, p.WorkingDays)
	assert.Equal(t, 4, p.WorkspaceNumber)

	require.Len(t, p.CustomFields, 2)
	dept := p.CustomFields[0]
	assert.Equal(t, "64b1f0a2c3d4e5f6dddd0001", dept.CustomFieldID)
	assert.Equal(t, "Department", dept.Name, "from the profile shape's name")
	assert.Equal(t, CustomFieldDropdownSingle, dept.Type, "from the profile shape's type")
	assert.Equal(t, "USER", dept.SourceType)
	assert.JSONEq(t, `"Engineering"`, string(dept.Value))
	require.NotNil(t, dept.CustomField)
	assert.Equal(t, []string{"Engineering", "Finance", "Operations"}, dept.CustomField.AllowedValues)
	assert.True(t, dept.CustomField.OnlyAdminCanEdit)
	assert.Equal(t, "USER", dept.CustomField.EntityType)
	assert.JSONEq(t, `"Operations"`, string(dept.CustomField.WorkspaceDefaultValue))

	badge := p.CustomFields[1]
	assert.Equal(t, CustomFieldNumber, badge.Type)
	assert.Equal(t, "WORKSPACE", badge.SourceType)
	assert.JSONEq(t, `1042`, string(badge.Value))
	assert.Equal(t, "", badge.CustomField.Description)
}

func TestDecode_customFieldValueUserShape(t *testing.T) {
	var v CustomFieldValue
	require.NoError(t, json.Unmarshal([]byte(`{"customFieldId":"cf1","customFieldName":"Team","customFieldType":"TXT","userId":"u1","value":"Blue"}`), &v))
	assert.Equal(t, CustomFieldValue{CustomFieldID: "cf1", Name: "Team", Type: CustomFieldText, UserID: "u1", Value: json.RawMessage(`"Blue"`)}, v)
}

func TestUser_roleGrants(t *testing.T) {
	var u User
	require.NoError(t, json.Unmarshal([]byte(`{"id":"u1","roles":[
		{"role":{"id":"ws1","name":"WORKSPACE_ADMIN","source":null},"workspaceId":"ws1"},
		{"something":"else"},
		{"role":{"id":"g1","name":"TEAM_MANAGER","source":{"id":"g1","type":"USER_GROUP"}},"userId":"u1","workspaceId":"ws1"}]}`), &u))
	want := []RoleGrant{
		{WorkspaceID: "ws1", UserID: "u1", EntityID: "ws1", Role: RoleWorkspaceAdmin},
		{WorkspaceID: "ws1", UserID: "u1", EntityID: "g1", Role: RoleTeamManager, SourceType: "USER_GROUP", SourceID: "g1"},
	}
	assert.Equal(t, want, u.RoleGrants())
	grants, err := u.DecodeRoleGrants()
	assert.Equal(t, want, grants, "the readable entries")
	require.Error(t, err, "the unreadable entry is reported")
	assert.Contains(t, err.Error(), "1 of 3")
}

// Getters on optional results are nil-safe, as in go-github: a lookup that found nothing
// can be asked without a nil check first.
func TestGetters_nilSafe(t *testing.T) {
	var u *User
	m, ok := u.Membership("ws1")
	assert.False(t, ok)
	assert.Zero(t, m)
	assert.Nil(t, u.RoleGrants())

	var w *Workspace
	assert.False(t, w.HasFeature("EDIT_MEMBER_PROFILE"))
	assert.Equal(t, "", w.Plan())
	m, ok = w.Membership("u1")
	assert.False(t, ok)
	assert.Zero(t, m)
}

func TestEnums_valid(t *testing.T) {
	assert.True(t, RoleOwner.Valid())
	assert.False(t, Role("ADMIN").Valid())
	assert.True(t, MembershipAll.Valid())
	assert.False(t, MembershipStatus("active").Valid())
	assert.True(t, AccountLimitedDeleted.Valid())
	assert.False(t, AccountStatus("GONE").Valid())
	assert.True(t, SortByCostRate.Valid())
	assert.False(t, SortColumn("SALARY").Valid())
	assert.True(t, Descending.Valid())
	assert.False(t, SortOrder("UP").Valid())
	assert.True(t, IncludeUserGroupMemberships.Valid())
	assert.False(t, MembershipsInclude("SOME").Valid())
}

func TestPtr(t *testing.T) {
	p := Ptr(Monday)
	require.NotNil(t, p)
	assert.Equal(t, Monday, *p)
}

// A member who never chose a week start comes back with "settings":{} or "weekStart":null;
// the decoded user must encode again, and decode to the same value.
func TestUser_unsetWeekStartEncodesAgain(t *testing.T) {
	for _, in := range []string{
		`{"id":"u1","settings":{}}`,
		`{"id":"u1","settings":{"weekStart":null,"timeZone":"Europe/Paris"}}`,
		`{"id":"u1","settings":{"weekStart":""}}`,
	} {
		t.Run(in, func(t *testing.T) {
			var u User
			require.NoError(t, json.Unmarshal([]byte(in), &u))
			b, err := json.Marshal(&u)
			require.NoError(t, err)
			var back User
			require.NoError(t, json.Unmarshal(b, &back))
			assert.Equal(t, u, back)
		})
	}
}
