package clockify

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// --- Weekday ---

func TestWeekday_JSON(t *testing.T) {
	tests := []struct {
		in      string
		want    Weekday
		wantErr bool
	}{
		{`"MONDAY"`, Monday, false},
		{`"SUNDAY"`, Sunday, false},
		{`null`, "", false},
		{`""`, "", false},
		{`"monday"`, "", true},
		{`"FUNDAY"`, "", true},
		{`1`, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			var v struct {
				WeekStart Weekday `json:"weekStart"`
			}
			err := json.Unmarshal([]byte(`{"weekStart":`+tt.in+`}`), &v)
			if tt.wantErr {
				assert.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, v.WeekStart)
		})
	}
}

func TestWeekday_marshalRefusesUnknownDay(t *testing.T) {
	b, err := json.Marshal(Friday)
	require.NoError(t, err)
	assert.Equal(t, `"FRIDAY"`, string(b))

	_, err = json.Marshal(struct{ D Weekday }{"FUNDAY"})
	assert.ErrorIs(t, err, ErrInvalidInput)
}

func TestWeekday_zeroMarshalsAsNull(t *testing.T) {
	b, err := json.Marshal(struct{ D Weekday }{})
	require.NoError(t, err)
	assert.JSONEq(t, `{"D":null}`, string(b))
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

func TestWeekday_timeRoundTrip(t *testing.T) {
	want := map[Weekday]time.Weekday{
		Monday: time.Monday, Tuesday: time.Tuesday, Wednesday: time.Wednesday, Thursday: time.Thursday,
		Friday: time.Friday, Saturday: time.Saturday, Sunday: time.Sunday,
	}
	for d, td := range want {
		got, err := d.Time()
		require.NoError(t, err)
		assert.Equal(t, td, got, d)
		assert.Equal(t, d, WeekdayOf(td))
	}
	_, err := Weekday("FUNDAY").Time()
	assert.Error(t, err)
}

// --- WeekdaySet ---

func TestWeekdaySet_setOperations(t *testing.T) {
	s := NewWeekdaySet(Friday, Monday, Monday)
	assert.True(t, s.Has(Monday))
	assert.True(t, s.Has(Friday))
	assert.False(t, s.Has(Tuesday))
	assert.False(t, s.Has("FUNDAY"))
	assert.Equal(t, 2, s.Len())
	assert.Equal(t, []Weekday{Monday, Friday}, s.Days())
	assert.Equal(t, "MONDAY,FRIDAY", s.String())

	s = s.With(Sunday).Without(Monday).Without("FUNDAY")
	assert.Equal(t, []Weekday{Friday, Sunday}, s.Days())
	assert.True(t, s.Valid())

	assert.Equal(t, 0, WeekdaySet(0).Len())
	assert.Empty(t, WeekdaySet(0).Days())
	assert.Equal(t, "", WeekdaySet(0).String())
}

func TestWeekdaySet_presets(t *testing.T) {
	assert.Equal(t, []Weekday{Monday, Tuesday, Wednesday, Thursday, Friday}, Weekdays.Days())
	assert.Equal(t, 7, AllDays.Len())
	assert.Equal(t, NewWeekdaySet(Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday), AllDays)
}

func TestWeekdaySet_invalidDayMakesSetInvalid(t *testing.T) {
	s := NewWeekdaySet(Monday, "FUNDAY")
	assert.False(t, s.Valid())
	assert.True(t, s.Has(Monday))
	assert.Equal(t, 1, s.Len())
	assert.Equal(t, "MONDAY,INVALID", s.String())

	_, err := json.Marshal(struct {
		WorkingDays WeekdaySet `json:"workingDays"`
	}{s})
	assert.ErrorIs(t, err, ErrInvalidInput)
	var ve *ValidationError
	assert.ErrorAs(t, err, &ve)
}

func TestWeekdaySet_marshalsMondayFirstArray(t *testing.T) {
	tests := []struct {
		set  WeekdaySet
		want string
	}{
		{0, `[]`},
		{NewWeekdaySet(Sunday, Monday), `["MONDAY","SUNDAY"]`},
		{Weekdays, `["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"]`},
		{AllDays, `["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY","SATURDAY","SUNDAY"]`},
	}
	for _, tt := range tests {
		b, err := json.Marshal(tt.set)
		require.NoError(t, err)
		assert.Equal(t, tt.want, string(b))
	}
}

func TestWeekdaySet_unmarshal(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want WeekdaySet
	}{
		{"unordered array", `["THURSDAY","MONDAY","FRIDAY"]`, NewWeekdaySet(Monday, Thursday, Friday)},
		{"all seven unordered", `["THURSDAY","MONDAY","FRIDAY","WEDNESDAY","TUESDAY","SATURDAY","SUNDAY"]`, AllDays},
		{"duplicates", `["MONDAY","MONDAY"]`, NewWeekdaySet(Monday)},
		{"empty array", `[]`, 0},
		{"string-encoded array", `"[\"MONDAY\",\"FRIDAY\"]"`, NewWeekdaySet(Monday, Friday)},
		{"single day string", `"SUNDAY"`, NewWeekdaySet(Sunday)},
		{"empty string", `""`, 0},
		{"whitespace", " [ \"MONDAY\" ] ", NewWeekdaySet(Monday)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := AllDays // decoding replaces, it does not add
			require.NoError(t, json.Unmarshal([]byte(tt.in), &s))
			assert.Equal(t, tt.want, s)
		})
	}
}

func TestWeekdaySet_unmarshalNullLeavesValue(t *testing.T) {
	s := Weekdays
	require.NoError(t, json.Unmarshal([]byte(`null`), &s))
	assert.Equal(t, Weekdays, s)
}

func TestWeekdaySet_unmarshalRejects(t *testing.T) {
	for _, in := range []string{
		`["MONDAY","FUNDAY"]`,
		`["monday"]`,
		`"[\"MONDAY\",\"FUNDAY\"]"`,
		`"FUNDAY"`,
		`[1]`,
		`{"MONDAY":true}`,
		`3`,
	} {
		var s WeekdaySet
		assert.Error(t, json.Unmarshal([]byte(in), &s), in)
	}
}

// FuzzWeekdaySetJSON: decoding never panics, and whatever decodes encodes to a form that
// decodes to the same set.
func FuzzWeekdaySetJSON(f *testing.F) {
	for _, seed := range []string{
		`["THURSDAY","MONDAY","FRIDAY","WEDNESDAY","TUESDAY","SATURDAY","SUNDAY"]`,
		`["MONDAY","FRIDAY"]`,
		`"[\"MONDAY\",\"FRIDAY\"]"`,
		`"SUNDAY"`,
		`[]`, `""`, `null`, `"[]"`, `["FUNDAY"]`, `[1,2]`, `"["`, `{}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var direct WeekdaySet
		_ = direct.UnmarshalJSON(data) // called as json would not: on any bytes

		var s WeekdaySet
		if err := json.Unmarshal(data, &s); err != nil {
			return
		}
		if !s.Valid() {
			t.Fatalf("decoded %q into an invalid set", data)
		}
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatalf("marshal %v: %v", s, err)
		}
		var back WeekdaySet
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("unmarshal %s: %v", b, err)
		}
		if back != s {
			t.Fatalf("%q -> %v -> %s -> %v", data, s, b, back)
		}
	})
}

// --- Duration ---

func TestParseDuration(t *testing.T) {
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"PT7H", 7 * time.Hour},
		{"PT7H30M", 7*time.Hour + 30*time.Minute},
		{"PT10H", 10 * time.Hour},
		{"PT0S", 0},
		{"PT0H", 0},
		{"P0D", 0},
		{"P1DT2H", 26 * time.Hour},
		{"PT7.5H", 7*time.Hour + 30*time.Minute},
		{"PT7,5H", 7*time.Hour + 30*time.Minute},
		{"PT0.5S", 500 * time.Millisecond},
		{"PT1H0.5S", time.Hour + 500*time.Millisecond},
		{"PT1.5S", 1500 * time.Millisecond},
		{"PT0.000000001S", time.Nanosecond},
		{"P1W", 7 * 24 * time.Hour},
		{"P1W1D", 8 * 24 * time.Hour},
		{"PT45M", 45 * time.Minute},
		{"PT90M", 90 * time.Minute},
		{"pt8h", 8 * time.Hour},
		{"PT2562047H47M16.854775807S", math.MaxInt64},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseDuration(tt.in)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got.Std())
		})
	}
}

func TestParseDuration_rejects(t *testing.T) {
	for _, in := range []string{
		"",
		"P",
		"PT",
		"P1DT",
		"P1Y",
		"P1M",
		"P1Y2M",
		"-PT1H",
		"PT-1H",
		"PT1.5H30M", // only the last component may have a fraction
		"PTH",
		"7H",
		"T7H",
		"PT1H1H",
		"PT1M1H",
		"P1D1W",
		"PT7",
		"P7H",   // hours need the T
		"PT1D",  // days must come before the T
		"PT1TH", // T twice
		"PT.5H",
		"PT5.H",
		"PT1.2.3H",
		"PT1e3S",
		"PT 7H",
		"PT7H ",
		"PT2562047H47M16.854775808S", // one nanosecond too long
		"PT9999999999999999999999H",
		"P99999999999999999999W",
		"PT99999999999999999999999999999999999999999999999999S",
	} {
		t.Run(in, func(t *testing.T) {
			_, err := ParseDuration(in)
			assert.Error(t, err)
		})
	}
}

func TestDuration_String(t *testing.T) {
	tests := []struct {
		d    Duration
		want string
	}{
		{0, "PT0S"},
		{Hours(7.5), "PT7H30M"},
		{Hours(7), "PT7H"},
		{Duration(26 * time.Hour), "PT26H"},
		{Duration(1500 * time.Millisecond), "PT1.5S"},
		{Duration(500 * time.Millisecond), "PT0.5S"},
		{Duration(time.Hour + time.Second), "PT1H1S"},
		{Duration(time.Nanosecond), "PT0.000000001S"},
		{Duration(90 * time.Minute), "PT1H30M"},
		{Duration(math.MaxInt64), "PT2562047H47M16.854775807S"},
		{Duration(-time.Hour), "-PT1H"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.d.String())
	}
}

func TestDuration_hours(t *testing.T) {
	assert.Equal(t, Duration(7*time.Hour+30*time.Minute), Hours(7.5))
	assert.Equal(t, Duration(0), Hours(0))
	assert.Equal(t, 7.5, Hours(7.5).Hours())
	assert.Equal(t, 7*time.Hour+30*time.Minute, Hours(7.5).Std())
}

func TestHours_nonFiniteIsInvalid(t *testing.T) {
	for _, h := range []float64{math.NaN(), math.Inf(1), math.Inf(-1), 1e300, -1e300, 2.6e6} {
		d := Hours(h)
		assert.Equal(t, "INVALID", d.String(), h)
		_, err := json.Marshal(d)
		assert.ErrorIs(t, err, ErrInvalidInput, h)
	}
	assert.Equal(t, "PT2562047H", Hours(2562047).String(), "the longest whole-hour Duration is still valid")
}

// Capacities are checked before sending: within a day, whole seconds, and finite, with the
// value named in ISO-8601 as Clockify writes it.
func TestValidate_capacity(t *testing.T) {
	tests := []struct {
		name     string
		capacity Duration
		reason   string // "" when valid
	}{
		{"8 ns", Duration(8), "PT0.000000008S is not a whole number of seconds"},
		{"1.5 s", Duration(1500 * time.Millisecond), "PT1.5S is not a whole number of seconds"},
		{"25 hours", Hours(25), "PT25H is outside PT0S to PT24H"},
		{"negative", Hours(-1), "-PT1H is outside PT0S to PT24H"},
		{"NaN hours", Hours(math.NaN()), "is not a finite number of hours"},
		{"infinite hours", Hours(math.Inf(1)), "is not a finite number of hours"},
		{"zero", 0, ""},
		{"24 hours", Hours(24), ""},
		{"whole seconds", Duration(7*time.Hour + 30*time.Minute + 15*time.Second), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			client, mux := setup(t)
			var requests atomic.Int32
			mux.HandleFunc("PATCH /v1/workspaces/ws1/member-profile/u1", func(w http.ResponseWriter, r *http.Request) {
				requests.Add(1)
				assert.JSONEq(t, `{"workCapacity":"`+tt.capacity.String()+`"}`, readBody(t, r))
				fmt.Fprint(w, `{"workspaceNumber":1}`)
			})
			_, _, err := client.Profiles.Update(ctx, "ws1", "u1", &ProfileUpdate{WorkCapacity: Ptr(tt.capacity)})
			if tt.reason == "" {
				require.NoError(t, err)
				assert.EqualValues(t, 1, requests.Load())
				return
			}
			var ve *ValidationError
			require.ErrorAs(t, err, &ve)
			assert.ErrorIs(t, err, ErrInvalidInput)
			assert.Equal(t, "WorkCapacity", ve.Field)
			assert.Contains(t, ve.Reason, tt.reason)
			assert.Zero(t, requests.Load(), "nothing may be sent")

			_, err = client.Members.AddLimited(ctx, "ws1", []LimitedMember{{Name: "Kim", WorkCapacity: Ptr(tt.capacity)}})
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, "members[0].WorkCapacity", ve.Field)
			assert.Zero(t, requests.Load(), "nothing may be sent")
		})
	}
}

func TestDuration_JSON(t *testing.T) {
	type profile struct {
		WorkCapacity Duration `json:"workCapacity"`
	}
	b, err := json.Marshal(profile{Hours(7.5)})
	require.NoError(t, err)
	assert.JSONEq(t, `{"workCapacity":"PT7H30M"}`, string(b))

	var p profile
	require.NoError(t, json.Unmarshal([]byte(`{"workCapacity":"PT10H"}`), &p))
	assert.Equal(t, Duration(10*time.Hour), p.WorkCapacity)

	p = profile{Hours(1)}
	require.NoError(t, json.Unmarshal([]byte(`{"workCapacity":null}`), &p))
	assert.Equal(t, Hours(1), p.WorkCapacity, "null leaves the value")
	require.NoError(t, json.Unmarshal([]byte(`{"workCapacity":""}`), &p))
	assert.Equal(t, Duration(0), p.WorkCapacity)

	assert.Error(t, json.Unmarshal([]byte(`{"workCapacity":"P1M"}`), &p))
	assert.Error(t, json.Unmarshal([]byte(`{"workCapacity":7}`), &p))

	_, err = json.Marshal(profile{Duration(-time.Hour)})
	assert.ErrorIs(t, err, ErrInvalidInput)
}

// FuzzParseDuration: parsing never panics, never yields a negative duration, and whatever
// parses prints to a string that parses back to the same duration.
func FuzzParseDuration(f *testing.F) {
	for _, seed := range []string{
		"PT7H", "PT7H30M", "PT10H", "PT0S", "P1DT2H", "PT7.5H", "PT0.5S", "P1W", "PT1H0.5S",
		"PT2562047H47M16.854775807S", "PT3000H0.000000001S", "", "P", "PT", "P1Y", "P1M", "-PT1H",
		"PT-1H", "PT1.5H30M", "PTH", "7H", "PT1H1H", "PT1M1H", "PT99999999999999999999H", "pt1,5h",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDuration(s)
		if err != nil {
			return
		}
		if d < 0 {
			t.Fatalf("ParseDuration(%q) = %d, negative", s, int64(d))
		}
		back, err := ParseDuration(d.String())
		if err != nil {
			t.Fatalf("ParseDuration(%q) = %s, which does not parse: %v", s, d, err)
		}
		if back != d {
			t.Fatalf("ParseDuration(%q) = %d; %s parses as %d", s, int64(d), d, int64(back))
		}
	})
}

func BenchmarkParseDuration(b *testing.B) {
	for b.Loop() {
		if _, err := ParseDuration("P1DT7H30M15.5S"); err != nil {
			b.Fatal(err)
		}
	}
}

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
	assert.Equal(t, UserSettings{WeekStart: Sunday, TimeZone: "Europe/London", TimeFormat: "HOUR12",
		DateFormat: "MM/DD/YYYY", MyStartOfDay: "08:30"}, *u.Settings)
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

	var settings struct {
		AdminOnlyPages  []string        `json:"adminOnlyPages"`
		AutomaticLock   json.RawMessage `json:"automaticLock"`
		LockTimeEntries *string         `json:"lockTimeEntries"`
		Round           struct{ Round, Minutes string }
	}
	require.NoError(t, json.Unmarshal(ws[0].WorkspaceSettings, &settings))
	assert.Equal(t, []string{}, settings.AdminOnlyPages)
	assert.Equal(t, "null", string(settings.AutomaticLock))
	assert.Nil(t, settings.LockTimeEntries)
	assert.Equal(t, "5", settings.Round.Minutes)

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
	assert.Equal(t, []RoleGrant{
		{WorkspaceID: "ws1", UserID: "u1", EntityID: "ws1", Role: RoleWorkspaceAdmin},
		{WorkspaceID: "ws1", UserID: "u1", EntityID: "g1", Role: RoleTeamManager, SourceType: "USER_GROUP"},
	}, u.RoleGrants())
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
