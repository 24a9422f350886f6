package clockify

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// profileJSON is a member profile as Clockify sends it: workingDays unordered, the custom-field
// definition embedded in each value.
const profileJSON = `{
  "email": "ana@example.com",
  "hasPassword": true,
  "hasPendingApprovalRequest": false,
  "imageUrl": "https://img.clockify.me/no-user-image.png",
  "name": "Ana",
  "userCustomFieldValues": [{
    "customField": {"id": "cf1", "name": "Team", "type": "DROPDOWN_SINGLE", "entityType": "USER",
      "allowedValues": ["Red", "Blue"], "status": "VISIBLE", "workspaceId": "ws1", "onlyAdminCanEdit": true},
    "customFieldId": "cf1", "name": "Team", "sourceType": "USER", "type": "DROPDOWN_SINGLE",
    "userId": "u1", "value": "Red"
  }],
  "weekStart": "SUNDAY",
  "workCapacity": "PT10H",
  "workingDays": ["THURSDAY", "MONDAY", "FRIDAY"],
  "workspaceNumber": 4
}`

func TestProfilesGet_decodesProfile(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/workspaces/ws1/member-profile/u1", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, profileJSON)
	})

	p, resp, err := client.Profiles.Get(ctx, "ws1", "u1")
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "ana@example.com", p.Email)
	assert.Equal(t, "Ana", p.Name)
	assert.Equal(t, "https://img.clockify.me/no-user-image.png", p.ImageURL)
	assert.True(t, p.HasPassword)
	assert.False(t, p.HasPendingApprovalRequest)
	assert.Equal(t, Sunday, p.WeekStart)
	assert.Equal(t, Hours(10), p.WorkCapacity)
	assert.Equal(t, NewWeekdaySet(Monday, Thursday, Friday), p.WorkingDays)
	assert.Equal(t, 4, p.WorkspaceNumber)
	require.Len(t, p.CustomFields, 1)
	cf := p.CustomFields[0]
	assert.Equal(t, "cf1", cf.CustomFieldID)
	assert.Equal(t, "Team", cf.Name)
	assert.Equal(t, CustomFieldDropdownSingle, cf.Type)
	assert.Equal(t, "USER", cf.SourceType)
	assert.JSONEq(t, `"Red"`, string(cf.Value))
	require.NotNil(t, cf.CustomField)
	assert.Equal(t, []string{"Red", "Blue"}, cf.CustomField.AllowedValues)
	assert.True(t, cf.CustomField.OnlyAdminCanEdit)
}

func TestProfilesGet_decodesStringEncodedWorkingDays(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/workspaces/ws1/member-profile/u1", func(w http.ResponseWriter, r *http.Request) {
		// The shape of the official spec's example.
		fmt.Fprint(w, `{"workingDays":"[\"TUESDAY\",\"MONDAY\"]","workCapacity":"PT7H30M","workspaceNumber":1,"weekStart":null}`)
	})

	p, _, err := client.Profiles.Get(ctx, "ws1", "u1")
	require.NoError(t, err)
	assert.Equal(t, NewWeekdaySet(Monday, Tuesday), p.WorkingDays)
	assert.Equal(t, Hours(7.5), p.WorkCapacity)
	assert.Equal(t, Weekday(""), p.WeekStart)
}

func TestProfilesGet_escapesIDs(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/workspaces/{ws}/member-profile/{user}", func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "ws%3F1", r.PathValue("ws"))
		assert.Equal(t, "u%1", r.PathValue("user"))
		fmt.Fprint(w, `{}`)
	})
	_, _, err := client.Profiles.Get(ctx, "ws%3F1", "u%1")
	require.NoError(t, err)
}

func TestProfilesUpdate_sendsOnlySetFields(t *testing.T) {
	t.Parallel()
	name := "Kiosk Kim"
	image := "https://avatar.cake.com/kim.png"
	tests := []struct {
		name   string
		update ProfileUpdate
		body   string
	}{
		{"capacity", ProfileUpdate{WorkCapacity: Ptr(Hours(7.5))}, `{"workCapacity":"PT7H30M"}`},
		{"zero capacity", ProfileUpdate{WorkCapacity: Ptr(Duration(0))}, `{"workCapacity":"PT0S"}`},
		{"working days Monday first", ProfileUpdate{WorkingDays: Ptr(NewWeekdaySet(Friday, Monday, Wednesday))},
			`{"workingDays":["MONDAY","WEDNESDAY","FRIDAY"]}`},
		{"week start", ProfileUpdate{WeekStart: Ptr(Monday)}, `{"weekStart":"MONDAY"}`},
		{"capacity and days", ProfileUpdate{WorkCapacity: Ptr(Hours(8)), WorkingDays: Ptr(Weekdays)},
			`{"workCapacity":"PT8H","workingDays":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"]}`},
		{"custom fields", ProfileUpdate{CustomFields: []CustomFieldUpsert{{CustomFieldID: "cf1", Value: "Red"}, {CustomFieldID: "cf2", Value: 3}}},
			`{"userCustomFields":[{"customFieldId":"cf1","value":"Red"},{"customFieldId":"cf2","value":3}]}`},
		{"name and image", ProfileUpdate{Name: &name, ImageURL: &image},
			`{"name":"Kiosk Kim","imageUrl":"https://avatar.cake.com/kim.png"}`},
		{"remove image", ProfileUpdate{RemoveProfileImage: true}, `{"removeProfileImage":true}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			client, mux := setup(t)
			var requests atomic.Int32
			mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
				requests.Add(1)
				assert.Equal(t, http.MethodPatch, r.Method)
				assert.Equal(t, "/v1/workspaces/ws1/member-profile/u1", r.URL.Path)
				assert.Equal(t, "application/json", r.Header.Get("Content-Type"))
				assert.JSONEq(t, tt.body, readBody(t, r))
				fmt.Fprint(w, profileJSON)
			})

			p, _, err := client.Profiles.Update(ctx, "ws1", "u1", &tt.update)
			require.NoError(t, err)
			assert.Equal(t, "ana@example.com", p.Email)
			assert.EqualValues(t, 1, requests.Load(), "the happy path is one request")
		})
	}
}

func TestProfilesUpdate_decodesAnswer(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("PATCH /v1/workspaces/ws1/member-profile/u1", func(w http.ResponseWriter, r *http.Request) {
		assert.JSONEq(t, `{"workCapacity":"PT7H30M"}`, readBody(t, r))
		fmt.Fprint(w, `{"workCapacity":"PT7H30M","workingDays":["FRIDAY","MONDAY"],"workspaceNumber":1}`)
	})
	p, _, err := client.Profiles.Update(ctx, "ws1", "u1", &ProfileUpdate{WorkCapacity: Ptr(Hours(7.5))})
	require.NoError(t, err)
	assert.Equal(t, Hours(7.5), p.WorkCapacity)
	assert.Equal(t, NewWeekdaySet(Monday, Friday), p.WorkingDays)
}

func TestProfilesUpdate_invalidInputSendsNothing(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("é", 101) // 101 characters, 202 bytes
	tests := []struct {
		name  string
		ws    string
		user  string
		u     *ProfileUpdate
		field string
	}{
		{"empty workspace id", "", "u1", &ProfileUpdate{WorkCapacity: Ptr(Hours(8))}, "workspaceID"},
		{"empty user id", "ws1", " ", &ProfileUpdate{WorkCapacity: Ptr(Hours(8))}, "userID"},
		{"user id with a slash", "ws1", "u1/..", &ProfileUpdate{WorkCapacity: Ptr(Hours(8))}, "userID"},
		{"nil update", "ws1", "u1", nil, "update"},
		{"update that sets nothing", "ws1", "u1", &ProfileUpdate{}, "update"},
		{"empty custom field list only", "ws1", "u1", &ProfileUpdate{CustomFields: []CustomFieldUpsert{}}, "update"},
		{"negative capacity", "ws1", "u1", &ProfileUpdate{WorkCapacity: Ptr(Duration(-1))}, "WorkCapacity"},
		{"capacity over 24h", "ws1", "u1", &ProfileUpdate{WorkCapacity: Ptr(Hours(24) + 1)}, "WorkCapacity"},
		{"unknown week start", "ws1", "u1", &ProfileUpdate{WeekStart: Ptr(Weekday("MONDAYY"))}, "WeekStart"},
		{"empty week start", "ws1", "u1", &ProfileUpdate{WeekStart: Ptr(Weekday(""))}, "WeekStart"},
		{"invalid working days", "ws1", "u1", &ProfileUpdate{WorkingDays: Ptr(NewWeekdaySet(Monday, "FUNDAY"))}, "WorkingDays"},
		{"empty working days", "ws1", "u1", &ProfileUpdate{WorkingDays: Ptr(WeekdaySet(0))}, "WorkingDays"},
		{"custom field without id", "ws1", "u1", &ProfileUpdate{CustomFields: []CustomFieldUpsert{{CustomFieldID: "cf1"}, {Value: "x"}}}, "CustomFields[1].CustomFieldID"},
		{"custom field set twice", "ws1", "u1", &ProfileUpdate{CustomFields: []CustomFieldUpsert{{CustomFieldID: "cf1", Value: 1}, {CustomFieldID: "cf1", Value: 2}}}, "CustomFields[1].CustomFieldID"},
		{"empty name", "ws1", "u1", &ProfileUpdate{Name: Ptr("")}, "Name"},
		{"blank name", "ws1", "u1", &ProfileUpdate{Name: Ptr("   ")}, "Name"},
		{"name over 100 characters", "ws1", "u1", &ProfileUpdate{Name: &long}, "Name"},
		{"empty image URL", "ws1", "u1", &ProfileUpdate{ImageURL: Ptr("")}, "ImageURL"},
		{"relative image URL", "ws1", "u1", &ProfileUpdate{ImageURL: Ptr("/img/kim.png")}, "ImageURL"},
		{"image URL without http", "ws1", "u1", &ProfileUpdate{ImageURL: Ptr("ftp://host/kim.png")}, "ImageURL"},
		{"image URL and removal", "ws1", "u1", &ProfileUpdate{ImageURL: Ptr("https://avatar.cake.com/k.png"), RemoveProfileImage: true}, "ImageURL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			client, mux := setup(t)
			var requests atomic.Int32
			mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { requests.Add(1) })

			_, _, err := client.Profiles.Update(ctx, tt.ws, tt.user, tt.u)
			require.ErrorIs(t, err, ErrInvalidInput)
			var ve *ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, tt.field, ve.Field)

			err = client.Profiles.Check(ctx, tt.ws, tt.user, tt.u)
			assert.ErrorIs(t, err, ErrInvalidInput)
			assert.Zero(t, requests.Load(), "nothing may be sent")
		})
	}
}

func TestProfilesUpdate_acceptsLimits(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("PATCH /v1/workspaces/ws1/member-profile/u1", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{}`)
	})
	for _, u := range []*ProfileUpdate{
		{WorkCapacity: Ptr(Hours(24))},
		{WorkCapacity: Ptr(Duration(0))},
		{Name: Ptr(strings.Repeat("é", 100))},
		{ImageURL: Ptr("http://img.example.com/a.png")},
		{WorkingDays: Ptr(NewWeekdaySet(Sunday))},
	} {
		_, _, err := client.Profiles.Update(ctx, "ws1", "u1", u)
		assert.NoError(t, err)
	}
}

// member is what the fake lookups of ruleServer know about u1 and its workspace ws1.
type member struct {
	plan             string
	features         []string
	status           MembershipStatus
	account          AccountStatus
	owner            bool
	workspaces       int
	pendingApprovals bool
	email, name      string
}

func activeMember() member {
	return member{plan: "STANDARD_2021", features: []string{"EDIT_MEMBER_PROFILE", "USER_CUSTOM_FIELDS", "TIME_OFF"},
		status: MembershipActive, account: AccountActive, workspaces: 1, email: "ana@example.com", name: "Ana"}
}

// ruleServer serves the lookups Check makes (the workspace, the member's profile, the member
// search) from m and refuses every PATCH with refusal (or accepts it when refusal is ""). It
// returns the client and the server, which records the requests.
func ruleServer(t *testing.T, m member, refusal string) (*Client, *testServer) {
	t.Helper()
	client, mux := setupServer(t)
	serveAdminOf(t, mux.ServeMux, "ws1")
	mux.HandleFunc("GET /v1/workspaces/ws1", func(w http.ResponseWriter, r *http.Request) {
		ws := map[string]any{
			"id": "ws1", "name": "Acme", "featureSubscriptionType": m.plan, "features": m.features,
			"memberships": []map[string]any{
				{"userId": "owner1", "targetId": "ws1", "membershipType": "WORKSPACE", "membershipStatus": "ACTIVE", "hourlyRate": nil},
				{"userId": "u1", "targetId": "ws1", "membershipType": "WORKSPACE", "membershipStatus": m.status, "hourlyRate": nil},
			},
		}
		require.NoError(t, json.NewEncoder(w).Encode(ws))
	})
	mux.HandleFunc("GET /v1/workspaces/ws1/member-profile/u1", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `{"email":%q,"name":%q,"workspaceNumber":%d,"hasPendingApprovalRequest":%t,"weekStart":"MONDAY","workCapacity":"PT8H","workingDays":["MONDAY"]}`,
			m.email, m.name, m.workspaces, m.pendingApprovals)
	})
	mux.HandleFunc("POST /v1/workspaces/ws1/users/info", func(w http.ResponseWriter, r *http.Request) {
		var f MemberFilter
		require.NoError(t, json.NewDecoder(r.Body).Decode(&f))
		u1 := map[string]any{"id": "u1", "email": m.email, "name": m.name, "status": m.account,
			"memberships": []map[string]any{{"userId": "u1", "targetId": "ws1", "membershipType": "WORKSPACE", "membershipStatus": m.status}}}
		owner := map[string]any{"id": "owner1", "email": "boss@example.com", "name": "Boss", "status": "ACTIVE"}
		users := []any{}
		switch {
		case slices.Contains(f.Roles, RoleOwner):
			assert.Empty(t, f.Email+f.Name)
			users = append(users, owner)
			if m.owner {
				users[0] = u1
			}
		case f.Email != "":
			assert.Equal(t, m.email, f.Email)
			assert.Contains(t, f.AccountStatuses, AccountLimited)
			users = append(users, u1)
		case f.Name != "":
			assert.Equal(t, m.name, f.Name)
			assert.Contains(t, f.AccountStatuses, AccountLimited)
			users = append(users, u1)
		default:
			t.Errorf("unexpected member search %+v", f)
		}
		w.Header().Set("Last-Page", "true")
		require.NoError(t, json.NewEncoder(w).Encode(users))
	})
	mux.HandleFunc("PATCH /v1/workspaces/ws1/member-profile/u1", func(w http.ResponseWriter, r *http.Request) {
		if refusal != "" {
			w.WriteHeader(http.StatusBadRequest)
			fmt.Fprint(w, refusal)
			return
		}
		fmt.Fprint(w, `{"workCapacity":"PT6H","workspaceNumber":1}`)
	})
	return client, mux
}

// ruleCases are the states that break each rule of Check, and an update they block.
func ruleCases() []struct {
	name   string
	member func(*member)
	update ProfileUpdate
	rule   error
} {
	capacity := ProfileUpdate{WorkCapacity: Ptr(Hours(6))}
	return []struct {
		name   string
		member func(*member)
		update ProfileUpdate
		rule   error
	}{
		{"free plan", func(m *member) { m.plan = "FREE" }, capacity, ErrPaidFeature},
		{"no profile editing feature", func(m *member) { m.features = []string{"USER_CUSTOM_FIELDS"} }, capacity, ErrPaidFeature},
		{"week start and capacity on the free plan", func(m *member) { m.plan = "FREE" },
			ProfileUpdate{WeekStart: Ptr(Sunday), WorkCapacity: Ptr(Hours(6))}, ErrPaidFeature},
		{"custom fields without the feature", func(m *member) { m.features = []string{"EDIT_MEMBER_PROFILE"} },
			ProfileUpdate{CustomFields: []CustomFieldUpsert{{CustomFieldID: "cf1", Value: "x"}}}, ErrPaidFeature},
		{"several workspaces, week start", func(m *member) { m.workspaces = 3 }, ProfileUpdate{WeekStart: Ptr(Monday)}, ErrMultipleWorkspaces},
		{"several workspaces, custom fields", func(m *member) { m.workspaces = 2 },
			ProfileUpdate{WorkCapacity: Ptr(Hours(6)), CustomFields: []CustomFieldUpsert{{CustomFieldID: "cf1"}}}, ErrMultipleWorkspaces},
		{"inactive", func(m *member) { m.status = MembershipInactive }, capacity, ErrMemberInactive},
		{"invitation pending", func(m *member) { m.status = MembershipPending }, capacity, ErrInvitationPending},
		{"invitation declined", func(m *member) { m.status = MembershipDeclined }, capacity, ErrInvitationPending},
		{"name of a full user", func(m *member) {}, ProfileUpdate{Name: Ptr("Ana B.")}, ErrLimitedMemberOnly},
		{"picture of a full user", func(m *member) {}, ProfileUpdate{RemoveProfileImage: true}, ErrLimitedMemberOnly},
		{"name of the owner", func(m *member) { m.owner = true }, ProfileUpdate{Name: Ptr("Boss")}, ErrLimitedMemberOnly},
		{"owner", func(m *member) { m.owner = true }, capacity, ErrOwnerProfile},
		{"name of an owner without email or name", func(m *member) { m.owner = true; m.email, m.name = "", "" },
			ProfileUpdate{Name: Ptr("Boss")}, ErrOwnerProfile},
		{"week start with pending approvals", func(m *member) { m.pendingApprovals = true }, ProfileUpdate{WeekStart: Ptr(Sunday)}, ErrPendingApprovals},
		// Earlier rules win.
		{"free plan and owner", func(m *member) { m.plan = "FREE"; m.owner = true }, capacity, ErrPaidFeature},
		{"inactive owner in two workspaces", func(m *member) { m.status = MembershipInactive; m.owner = true; m.workspaces = 2 },
			ProfileUpdate{WeekStart: Ptr(Monday)}, ErrMultipleWorkspaces},
		{"pending approvals of the owner", func(m *member) { m.pendingApprovals = true; m.owner = true }, ProfileUpdate{WeekStart: Ptr(Monday)}, ErrOwnerProfile},
		// Nothing blocks.
		{"capacity of an active member", func(m *member) {}, capacity, nil},
		{"capacity and days in several workspaces", func(m *member) { m.workspaces = 4 },
			ProfileUpdate{WorkCapacity: Ptr(Hours(6)), WorkingDays: Ptr(Weekdays)}, nil},
		{"week start without pending approvals", func(m *member) {}, ProfileUpdate{WeekStart: Ptr(Sunday)}, nil},
		{"capacity with pending approvals", func(m *member) { m.pendingApprovals = true }, capacity, nil},
		{"unchanged week start with pending approvals", func(m *member) { m.pendingApprovals = true }, ProfileUpdate{WeekStart: Ptr(Monday)}, nil},
		{"week start alone on the free plan", func(m *member) { m.plan = "FREE"; m.features = []string{"TIME_TRACKING"} }, ProfileUpdate{WeekStart: Ptr(Sunday)}, nil},
		{"name of a limited member", func(m *member) { m.account = AccountLimited; m.email = "" }, ProfileUpdate{Name: Ptr("Kim K.")}, nil},
		{"workspace without a features list", func(m *member) { m.features = nil }, capacity, nil},
	}
}

func TestProfilesCheck_rules(t *testing.T) {
	t.Parallel()
	for _, tt := range ruleCases() {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			m := activeMember()
			tt.member(&m)
			client, log := ruleServer(t, m, "")

			err := client.Profiles.Check(ctx, "ws1", "u1", &tt.update)
			assert.LessOrEqual(t, len(log.sent()), 4+pendingApprovalsLookup(tt.rule), "Check costs at most three requests and the caller's rights: %v", log.sent())
			assert.NotContains(t, log.sent(), "PATCH /v1/workspaces/ws1/member-profile/u1", "Check changes nothing")
			if tt.rule == nil {
				require.NoError(t, err)
				return
			}
			re := assertRestriction(t, err, tt.rule, "u1")
			assert.Nil(t, re.Err, "nothing was refused yet")
			for _, other := range []error{ErrPaidFeature, ErrMultipleWorkspaces, ErrMemberInactive, ErrInvitationPending,
				ErrLimitedMemberOnly, ErrOwnerProfile, ErrPendingApprovals} {
				if other != tt.rule {
					assert.NotErrorIs(t, err, other, "only the first rule is named")
				}
			}
		})
	}
}

func TestProfilesCheck_costsThreeRequestsWhenNothingBlocks(t *testing.T) {
	t.Parallel()
	for name, u := range map[string]*ProfileUpdate{
		"capacity": {WorkCapacity: Ptr(Hours(6)), WeekStart: Ptr(Monday)},
		"name":     {Name: Ptr("Kim K.")},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			m := activeMember()
			m.account = AccountLimited
			client, log := ruleServer(t, m, "")
			require.NoError(t, client.Profiles.Check(ctx, "ws1", "u1", u))
			assert.ElementsMatch(t, []string{
				"GET /v1/workspaces",
				"GET /v1/workspaces/ws1",
				"GET /v1/workspaces/ws1/member-profile/u1",
				"POST /v1/workspaces/ws1/users/info",
			}, log.sent())
		})
	}
}

func TestProfilesCheck_messageReadsLikeTheHelpCentre(t *testing.T) {
	t.Parallel()
	m := activeMember()
	m.workspaces = 3
	client, _ := ruleServer(t, m, "")
	err := client.Profiles.Check(ctx, "ws1", "u1", &ProfileUpdate{WeekStart: Ptr(Monday)})
	assert.EqualError(t, err, "clockify: member u1 is in 3 workspaces; only work capacity and working days can be changed")
}

func TestProfilesCheck_lookupFailureIsReturned(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	serveAdminOf(t, mux, "ws1")
	mux.HandleFunc("GET /v1/workspaces/ws1", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusForbidden)
		fmt.Fprint(w, `{"message":"Access Denied"}`)
	})
	err := client.Profiles.Check(ctx, "ws1", "u1", &ProfileUpdate{WorkCapacity: Ptr(Hours(6))})
	assert.ErrorIs(t, err, ErrForbidden)
	assertNoRestriction(t, err)
}

func TestProfilesUpdate_refusalNamesTheRule(t *testing.T) {
	t.Parallel()
	const refusal = `{"message":"Profile can't be edited","code":3000}`
	for _, tt := range ruleCases() {
		if tt.rule == nil {
			continue
		}
		t.Run(tt.name, func(t *testing.T) {
			m := activeMember()
			tt.member(&m)
			client, log := ruleServer(t, m, refusal)

			p, _, err := client.Profiles.Update(ctx, "ws1", "u1", &tt.update)
			assert.Nil(t, p)
			re := assertRestriction(t, err, tt.rule, "u1")
			require.NotNil(t, re.Err, "the server's refusal is kept")
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, http.StatusBadRequest, apiErr.StatusCode)
			assert.Equal(t, "Profile can't be edited", apiErr.Message)
			assert.Equal(t, http.MethodPatch, apiErr.Method)
			assert.Equal(t, "PATCH /v1/workspaces/ws1/member-profile/u1", log.sent()[0], "the update is sent first")
			assert.LessOrEqual(t, len(log.sent()), 4+pendingApprovalsLookup(tt.rule), "one update and at most three lookups: %v", log.sent())
		})
	}
}

func TestProfilesUpdate_refusalWithoutRuleIsAPIError(t *testing.T) {
	t.Parallel()
	client, log := ruleServer(t, activeMember(), `{"message":"You entered invalid value for field: [workCapacity]","code":3000}`)

	_, _, err := client.Profiles.Update(ctx, "ws1", "u1", &ProfileUpdate{WorkCapacity: Ptr(Hours(6))})
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusBadRequest, apiErr.StatusCode)
	assertNoRestriction(t, err, "no rule applies: %v", err)
	assert.Len(t, log.sent(), 4, "the diagnosis ran: %v", log.sent())
}

func TestProfilesUpdate_undiagnosableRefusalIsNotDiagnosed(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		status int
		body   string
		is     error
	}{
		{"member of another workspace", http.StatusBadRequest, `{"message":"User doesn't belong to Workspace","code":501}`, ErrNotFound},
		{"bad key", http.StatusUnauthorized, `{"message":"Api key does not exist","code":4003}`, ErrInvalidAPIKey},
		{"wrong verb", http.StatusMethodNotAllowed, `{"message":"Request method 'PATCH' is not supported","code":3000}`, ErrMethodNotAllowed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			client, mux := setup(t)
			var requests atomic.Int32
			mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
				requests.Add(1)
				w.WriteHeader(tt.status)
				fmt.Fprint(w, tt.body)
			})
			_, _, err := client.Profiles.Update(ctx, "ws1", "u1", &ProfileUpdate{WorkCapacity: Ptr(Hours(6))})
			assert.ErrorIs(t, err, tt.is)
			var apiErr *APIError
			assert.ErrorAs(t, err, &apiErr)
			assert.EqualValues(t, 1, requests.Load(), "no lookups")
		})
	}
}

func TestProfilesUpdate_failedDiagnosisKeepsTheRefusal(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("PATCH /v1/workspaces/ws1/member-profile/u1", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusForbidden)
		fmt.Fprint(w, `{"message":"Access Denied"}`)
	})
	mux.HandleFunc("GET /v1/workspaces/ws1", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusForbidden)
		fmt.Fprint(w, `{"message":"Access Denied"}`)
	})
	_, _, err := client.Profiles.Update(ctx, "ws1", "u1", &ProfileUpdate{WorkCapacity: Ptr(Hours(6))})
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "PATCH", apiErr.Method)
}

func TestProfile_marshalsWithoutWeekStart(t *testing.T) {
	t.Parallel()
	b, err := json.Marshal(Profile{WorkCapacity: Hours(8), WorkingDays: Weekdays})
	require.NoError(t, err)
	var back Profile
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, Hours(8), back.WorkCapacity)
	assert.Equal(t, Weekdays, back.WorkingDays)
}
