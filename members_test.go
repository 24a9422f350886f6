package clockify

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// memberJSON is a list entry shaped like Clockify's current answers: a member who never finished
// sign-up (null name and settings), a null hourly rate, a cost rate, and the roles include-roles
// adds.
const memberJSON = `{
  "id": "u1", "email": "ada@example.com", "name": null, "profilePicture": "https://img.clockify.me/no-user-image.png",
  "activeWorkspace": "ws1", "defaultWorkspace": "ws1", "status": "NOT_REGISTERED", "settings": null,
  "customFields": [{"customFieldId": "cf1", "customFieldName": "Badge", "customFieldType": "TXT", "userId": "u1", "value": "B-7"}],
  "memberships": [
    {"userId": "u1", "targetId": "ws1", "membershipType": "WORKSPACE", "membershipStatus": "PENDING",
     "hourlyRate": null, "costRate": {"amount": 1500, "currency": "EUR"}},
    {"userId": "u1", "targetId": "g1", "membershipType": "USERGROUP", "membershipStatus": "ACTIVE", "hourlyRate": null}
  ],
  "roles": [{"role": {"id": "p1", "name": "PROJECT_MANAGER", "source": null}, "userId": "u1", "workspaceId": "ws1"},
            {"something": "unrecognised"}],
  "futureField": {"nested": true}
}`

// memberWorkspaceJSON is the workspace member mutations answer with, with the quirks Clockify
// really sends (https://docs.clockify.me/#tag/Workspace/operation/getWorkspaceOfUser differs): a
// plan as a plain string, features missing from the spec, an array of
// admin-only pages, a null subdomain name and null rates.
const memberWorkspaceJSON = `{
  "id": "ws1", "name": "Wonderland", "imageUrl": "", "cakeOrganizationId": "org1",
  "hourlyRate": {"amount": 10000, "currency": "GBP"}, "costRate": null,
  "featureSubscriptionType": "BUNDLE_YEAR_2024",
  "features": ["EDIT_MEMBER_PROFILE", "WEEKLY_OVERTIME_CALCULATION_PERIOD", "LABOR_COST"],
  "currencies": [{"code": "GBP", "isDefault": true}],
  "subdomain": {"name": null, "enabled": false},
  "workspaceSettings": {"adminOnlyPages": [], "automaticLock": null, "lockTimeEntries": null, "workingDays": ["MONDAY"]},
  "memberships": [
    {"userId": "owner", "targetId": "ws1", "membershipType": "WORKSPACE", "membershipStatus": "ACTIVE", "hourlyRate": null, "costRate": null},
    {"userId": "u1", "targetId": "ws1", "membershipType": "WORKSPACE", "membershipStatus": "ACTIVE",
     "hourlyRate": {"amount": 2500, "currency": "GBP"}, "costRate": null},
    {"userId": "u2", "targetId": "ws1", "membershipType": "WORKSPACE", "membershipStatus": "PENDING", "hourlyRate": null, "costRate": null},
    {"userId": "u3", "targetId": "ws1", "membershipType": "WORKSPACE", "membershipStatus": "INACTIVE", "hourlyRate": null, "costRate": null}
  ]
}`

// ruleRefusalJSON is a refusal Clockify gives without a documented code, as for a product rule.
const ruleRefusalJSON = `{"message":"Access Denied"}`

// failOnUnexpectedRequest fails the test on any request the test did not register a route for.
func failOnUnexpectedRequest(t *testing.T, mux *http.ServeMux) {
	t.Helper()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("unexpected request %s %s", r.Method, r.URL)
		w.WriteHeader(http.StatusTeapot)
	})
}

// serveRoleDirectory answers the member filter (POST …/users/info) of ws1 with the members holding
// the role the filter asks for, the way hasRole searches. The caller's id is served at /v1/user.
func serveRoleDirectory(t *testing.T, mux *http.ServeMux, callerID string, holders map[Role][]string) {
	t.Helper()
	mux.HandleFunc("POST /v1/workspaces/ws1/users/info", func(w http.ResponseWriter, r *http.Request) {
		// The server's goroutine: assert and answer an error, never require.
		var f MemberFilter
		if !assert.NoError(t, json.Unmarshal([]byte(readBody(t, r)), &f)) || !assert.Len(t, f.Roles, 1) {
			http.Error(w, `{"message":"unexpected filter"}`, http.StatusInternalServerError)
			return
		}
		users := []*User{}
		for _, id := range holders[f.Roles[0]] {
			users = append(users, &User{ID: id})
		}
		w.Header().Set("Last-Page", "true")
		assert.NoError(t, json.NewEncoder(w).Encode(users))
	})
	mux.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `{"id":%q,"settings":null}`, callerID)
	})
}

func TestMembersCurrent_decodesUser(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) {
		assert.Empty(t, r.URL.RawQuery)
		assert.Equal(t, testKey, r.Header.Get("X-Api-Key"))
		fmt.Fprint(w, memberJSON)
	})
	u, resp, err := client.Members.Current(ctx)
	require.NoError(t, err)
	assert.Equal(t, 200, resp.StatusCode)
	assert.Equal(t, "u1", u.ID)
	assert.Empty(t, u.Name)
	assert.Nil(t, u.Settings)
	assert.Equal(t, AccountNotRegistered, u.Status)
	require.Len(t, u.CustomFields, 1)
	assert.JSONEq(t, `"B-7"`, string(u.CustomFields[0].Value))
}

func TestMembersCurrentWithMemberships_asksForMemberships(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, url.Values{"include-memberships": {"true"}}, r.URL.Query())
		fmt.Fprint(w, memberJSON)
	})
	u, _, err := client.Members.CurrentWithMemberships(ctx)
	require.NoError(t, err)
	m, ok := u.Membership("ws1")
	require.True(t, ok)
	assert.Nil(t, m.HourlyRate)
	assert.Equal(t, &Money{Amount: 1500, Currency: "EUR"}, m.CostRate)
}

func TestMembersList_alwaysSendsIncludeRoles(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/workspaces/ws1/users", func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, url.Values{"include-roles": {"false"}}, r.URL.Query())
		w.Header().Set("Last-Page", "true")
		fmt.Fprint(w, `[]`)
	})
	users, resp, err := client.Members.List(ctx, "ws1", nil)
	require.NoError(t, err)
	assert.Empty(t, users)
	assert.Equal(t, 1, resp.Page)
	assert.True(t, resp.LastPage)
}

func TestMembersList_sendsEveryOptionAsTheAPISpellsIt(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/workspaces/ws1/users", func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, url.Values{
			"email":            {"ada@"},
			"name":             {"Ada"},
			"project-id":       {"p1"},
			"status":           {"ALL"},
			"account-statuses": {"ACTIVE,LIMITED"},
			"sort-column":      {"NAME_LOWERCASE"},
			"sort-order":       {"DESCENDING"},
			"memberships":      {"ALL"},
			"include-roles":    {"true"},
			"page":             {"3"},
			"page-size":        {"5000"},
		}, r.URL.Query())
		w.Header().Set("Last-Page", "false")
		fmt.Fprint(w, "["+memberJSON+"]")
	})
	users, resp, err := client.Members.List(ctx, "ws1", &ListMembersOptions{
		Email: "ada@", Name: "Ada", ProjectID: "p1", Status: MembershipAll,
		AccountStatuses: []AccountStatus{AccountActive, AccountLimited},
		SortColumn:      SortByNameLowercase, SortOrder: Descending, Memberships: IncludeAllMemberships,
		IncludeRoles: true, ListOptions: ListOptions{Page: 3, PageSize: MaxPageSize},
	})
	require.NoError(t, err)
	assert.Equal(t, 3, resp.Page)
	assert.False(t, resp.LastPage)
	require.Len(t, users, 1)
	assert.Equal(t, []RoleGrant{{WorkspaceID: "ws1", UserID: "u1", EntityID: "p1", Role: RoleProjectManager}}, users[0].RoleGrants())
	assert.Len(t, users[0].Memberships, 2)
}

func TestMembersList_badOptionsAreValidationErrors(t *testing.T) {
	t.Parallel()
	for name, opts := range map[string]*ListMembersOptions{
		"status":          {Status: "GONE"},
		"account status":  {AccountStatuses: []AccountStatus{"SLEEPING"}},
		"sort column":     {SortColumn: "AGE"},
		"sort order":      {SortOrder: "UP"},
		"memberships":     {Memberships: "SOME"},
		"page size 5001":  {ListOptions: ListOptions{PageSize: MaxPageSize + 1}},
		"negative page":   {ListOptions: ListOptions{Page: -1}},
		"negative size":   {ListOptions: ListOptions{PageSize: -1}},
		"lowercase value": {Status: "active"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			client, mux := setup(t)
			failOnUnexpectedRequest(t, mux)
			_, _, err := client.Members.List(ctx, "ws1", opts)
			assert.ErrorIs(t, err, ErrInvalidInput)
			var ve *ValidationError
			assert.ErrorAs(t, err, &ve)
		})
	}
}

func TestMembersFilter_badFilterIsValidationErrorWithoutRequest(t *testing.T) {
	t.Parallel()
	for name, f := range map[string]*MemberFilter{
		"status":          {Status: "GONE"},
		"account status":  {AccountStatuses: []AccountStatus{AccountActive, "SLEEPING"}},
		"role":            {Roles: []Role{RoleOwner, "SUPERUSER"}},
		"lowercase role":  {Roles: []Role{"owner"}},
		"sort column":     {SortColumn: "AGE"},
		"sort order":      {SortOrder: "UP"},
		"memberships":     {Memberships: "SOME"},
		"page size 5001":  {ListOptions: ListOptions{PageSize: MaxPageSize + 1}},
		"negative page":   {ListOptions: ListOptions{Page: -1}},
		"negative size":   {ListOptions: ListOptions{PageSize: -1}},
		"lowercase value": {Status: "active"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			client, mux := setup(t)
			failOnUnexpectedRequest(t, mux)
			users, resp, err := client.Members.Filter(ctx, "ws1", f)
			assert.ErrorIs(t, err, ErrInvalidInput)
			var ve *ValidationError
			assert.ErrorAs(t, err, &ve)
			assert.Nil(t, users)
			assert.Nil(t, resp)
		})
	}
}

func TestMembersFilter_emptyWorkspaceIDIsValidationErrorWithoutRequest(t *testing.T) {
	t.Parallel()
	for _, ws := range []string{"", " ", "ws/1"} {
		t.Run(ws, func(t *testing.T) {
			t.Parallel()
			client, mux := setup(t)
			failOnUnexpectedRequest(t, mux)
			_, _, err := client.Members.Filter(ctx, ws, &MemberFilter{})
			assert.ErrorIs(t, err, ErrInvalidInput)
			var ve *ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, "workspaceID", ve.Field)
		})
	}
}

func TestMembersFilter_nilFilterSearchesEveryone(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("POST /v1/workspaces/ws1/users/info", func(w http.ResponseWriter, r *http.Request) {
		assert.JSONEq(t, `{"includeRoles":false}`, readBody(t, r))
		fmt.Fprint(w, `[{"id":"u1"}]`)
	})
	users, resp, err := client.Members.Filter(ctx, "ws1", nil)
	require.NoError(t, err)
	require.Len(t, users, 1)
	assert.Equal(t, 1, resp.Page)
}

func TestMembersFilter_largestPageAndEveryEnumAreSent(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("POST /v1/workspaces/ws1/users/info", func(w http.ResponseWriter, r *http.Request) {
		assert.JSONEq(t, fmt.Sprintf(`{"status":"ALL","accountStatuses":["ACTIVE","LIMITED"],"roles":["WORKSPACE_ADMIN"],
			"sortColumn":"EMAIL","sortOrder":"DESCENDING","memberships":"WORKSPACE","includeRoles":false,
			"page":2,"pageSize":%d}`, MaxPageSize), readBody(t, r))
		fmt.Fprint(w, `[]`)
	})
	_, _, err := client.Members.Filter(ctx, "ws1", &MemberFilter{Status: MembershipAll, AccountStatuses: []AccountStatus{AccountActive, AccountLimited},
		Roles: []Role{RoleWorkspaceAdmin}, SortColumn: SortByEmail, SortOrder: Descending, Memberships: IncludeWorkspaceMemberships,
		ListOptions: ListOptions{Page: 2, PageSize: MaxPageSize}})
	require.NoError(t, err)
}

func TestMembersAll_pagesLazilyUntilLastPage(t *testing.T) {
	t.Parallel()
	client, srv := setupServer(t)
	srv.HandleFunc("GET /v1/workspaces/ws1/users", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		assert.Equal(t, "2", q.Get("page-size"))
		assert.Equal(t, "false", q.Get("include-roles"))
		assert.Equal(t, "LIMITED", q.Get("account-statuses"))
		page := q.Get("page")
		w.Header().Set("Last-Page", fmt.Sprint(page == "3"))
		fmt.Fprintf(w, `[{"id":"p%sa"},{"id":"p%sb"}]`, page, page)
	})
	var ids []string
	for u, err := range client.Members.All(ctx, "ws1", &ListMembersOptions{AccountStatuses: []AccountStatus{AccountLimited},
		ListOptions: ListOptions{Page: 7, PageSize: 2}}) {
		require.NoError(t, err)
		ids = append(ids, u.ID)
		if len(ids) == 1 {
			assert.EqualValues(t, 1, srv.count("GET /v1/workspaces/ws1/users"), "the second page is fetched only when needed")
		}
	}
	assert.Equal(t, []string{"p1a", "p1b", "p2a", "p2b", "p3a", "p3b"}, ids)
	assert.EqualValues(t, 3, srv.count("GET /v1/workspaces/ws1/users"))
}

func TestMembersAll_stopsWhenTheLoopBreaks(t *testing.T) {
	t.Parallel()
	client, srv := setupServer(t)
	srv.HandleFunc("GET /v1/workspaces/ws1/users", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Last-Page", "false")
		fmt.Fprintf(w, `[{"id":"a%s"},{"id":"b%[1]s"}]`, r.URL.Query().Get("page"))
	})
	for u := range client.Members.All(ctx, "ws1", nil) {
		if u.ID == "b1" {
			break
		}
	}
	assert.EqualValues(t, 1, srv.count("GET /v1/workspaces/ws1/users"))
}

func TestMembersAll_defaultPageSizeAndShortPageWithoutHeader(t *testing.T) {
	t.Parallel()
	client, srv := setupServer(t)
	srv.HandleFunc("GET /v1/workspaces/ws1/users", func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "200", r.URL.Query().Get("page-size"))
		fmt.Fprint(w, `[{"id":"only"}]`)
	})
	n := 0
	for _, err := range client.Members.All(ctx, "ws1", nil) {
		require.NoError(t, err)
		n++
	}
	assert.Equal(t, 1, n)
	assert.EqualValues(t, 1, srv.count("GET /v1/workspaces/ws1/users"))
}

func TestMembersAll_yieldsTheErrorAndStops(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/workspaces/ws1/users", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusUnauthorized)
		fmt.Fprint(w, `{"message":"Api key does not exist","code":4003}`)
	})
	var errs []error
	for u, err := range client.Members.All(ctx, "ws1", nil) {
		assert.Nil(t, u)
		errs = append(errs, err)
	}
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs[0], ErrInvalidAPIKey)
}

func TestMembersAll_badOptionsYieldValidationError(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	failOnUnexpectedRequest(t, mux)
	for _, err := range client.Members.All(ctx, "ws1", &ListMembersOptions{ListOptions: ListOptions{PageSize: 5001}}) {
		assert.ErrorIs(t, err, ErrInvalidInput)
	}
}

func TestMembersInvite_sendsEmailAndSendEmailTrueByDefault(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("POST /v1/workspaces/ws1/users", func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, url.Values{"send-email": {"true"}}, r.URL.Query())
		assert.Equal(t, "application/json", r.Header.Get("Content-Type"))
		assert.JSONEq(t, `{"email":"new@example.com"}`, readBody(t, r))
		fmt.Fprint(w, memberWorkspaceJSON)
	})
	ws, _, err := client.Members.Invite(ctx, "ws1", " new@example.com ", nil)
	require.NoError(t, err)
	assert.Equal(t, "ws1", ws.ID)
	assert.Equal(t, "BUNDLE_YEAR_2024", ws.Plan())
	assert.True(t, ws.HasFeature("WEEKLY_OVERTIME_CALCULATION_PERIOD"))
	require.NotNil(t, ws.Subdomain)
	assert.Nil(t, ws.Subdomain.Name)
	assert.Nil(t, ws.CostRate)
	assert.Equal(t, MembershipPending, membershipStatus(ws, "u2"))
}

func TestMembersInvite_sendEmailFalse(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("POST /v1/workspaces/ws1/users", func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, url.Values{"send-email": {"false"}}, r.URL.Query())
		fmt.Fprint(w, memberWorkspaceJSON)
	})
	_, _, err := client.Members.Invite(ctx, "ws1", "new@example.com", &InviteOptions{SendEmail: Ptr(false)})
	require.NoError(t, err)
}

func TestMembersInvite_badEmailIsValidationError(t *testing.T) {
	t.Parallel()
	for _, email := range []string{"", "   ", "not-an-email", "Ada <ada@example.com>", "a@b.c, d@e.f"} {
		t.Run(email, func(t *testing.T) {
			t.Parallel()
			client, mux := setup(t)
			failOnUnexpectedRequest(t, mux)
			_, _, err := client.Members.Invite(ctx, "ws1", email, nil)
			assert.ErrorIs(t, err, ErrInvalidInput)
		})
	}
}

func TestMembersInvite_notRepeatedAfterServerError(t *testing.T) {
	t.Parallel()
	client, srv := setupServer(t)
	srv.HandleFunc("POST /v1/workspaces/ws1/users", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusServiceUnavailable)
	})
	_, _, err := client.Members.Invite(ctx, "ws1", "new@example.com", nil)
	assert.ErrorIs(t, err, ErrServer)
	assert.EqualValues(t, 1, srv.count("POST /v1/workspaces/ws1/users"))
}

func TestMembersInvite_retriedOn429(t *testing.T) {
	t.Parallel()
	client, srv := setupServer(t)
	srv.HandleFunc("POST /v1/workspaces/ws1/users", func(w http.ResponseWriter, r *http.Request) {
		if srv.count("POST /v1/workspaces/ws1/users") == 1 {
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		fmt.Fprint(w, memberWorkspaceJSON)
	})
	_, _, err := client.Members.Invite(ctx, "ws1", "new@example.com", nil)
	require.NoError(t, err)
	assert.EqualValues(t, 2, srv.count("POST /v1/workspaces/ws1/users"))
}

func TestMembersInvite_onFreePlanIsPaidFeature(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	serveAdminOf(t, mux, "ws1")
	mux.HandleFunc("POST /v1/workspaces/ws1/users", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusForbidden)
		fmt.Fprint(w, ruleRefusalJSON)
	})
	mux.HandleFunc("GET /v1/workspaces/ws1", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, strings.Replace(memberWorkspaceJSON, `"BUNDLE_YEAR_2024"`, `"FREE"`, 1))
	})
	_, _, err := client.Members.Invite(ctx, "ws1", "new@example.com", nil)
	assert.ErrorIs(t, err, ErrPaidFeature)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusForbidden, apiErr.StatusCode)
}

func TestMembersAddLimited_sendsOnlySetFields(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("POST /v1/workspaces/ws1/limited-users", func(w http.ResponseWriter, r *http.Request) {
		assert.Empty(t, r.URL.RawQuery)
		assert.JSONEq(t, `{"users":[
			{"name":"Kiosk Kim","hourlyRate":2500,"costRate":0,"weekStart":"MONDAY","workCapacity":"PT7H30M",
			 "workingDays":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY"],
			 "userCustomFields":[{"customFieldId":"cf1","value":"B-7"}],"userGroups":["g1","g2"]},
			{"name":"Night Shift"}]}`, readBody(t, r))
		fmt.Fprint(w, `{"whatever":"undocumented"}`)
	})
	resp, err := client.Members.AddLimited(ctx, "ws1", []LimitedMember{
		{Name: "Kiosk Kim", HourlyRate: Ptr[int64](2500), CostRate: Ptr[int64](0), WeekStart: Monday,
			WorkCapacity: Ptr(Hours(7.5)), WorkingDays: Ptr(Weekdays),
			UserCustomFields: []CustomFieldUpsert{{CustomFieldID: "cf1", Value: "B-7"}}, UserGroups: []string{"g1", "g2"}},
		{Name: "Night Shift"},
	})
	require.NoError(t, err)
	assert.Equal(t, 200, resp.StatusCode)
}

func TestMembersAddLimited_badInputIsValidationError(t *testing.T) {
	t.Parallel()
	many := make([]LimitedMember, MaxLimitedMembers+1)
	for i := range many {
		many[i].Name = fmt.Sprint("member ", i)
	}
	for name, members := range map[string][]LimitedMember{
		"none":                {},
		"251":                 many,
		"unnamed":             {{Name: "ok"}, {Name: " "}},
		"name too long":       {{Name: strings.Repeat("é", 101)}},
		"negative rate":       {{Name: "a", HourlyRate: Ptr[int64](-1)}},
		"rate beyond int32":   {{Name: "a", CostRate: Ptr[int64](math.MaxInt32 + 1)}},
		"unknown week start":  {{Name: "a", WeekStart: "FUNDAY"}},
		"capacity over a day": {{Name: "a", WorkCapacity: Ptr(Hours(25))}},
		"bad working days":    {{Name: "a", WorkingDays: Ptr(NewWeekdaySet(Monday, "FUNDAY"))}},
		"custom field no id":  {{Name: "a", UserCustomFields: []CustomFieldUpsert{{Value: 1}}}},
		"no working days":     {{Name: "a", WorkingDays: Ptr(WeekdaySet(0))}},
		"custom field twice":  {{Name: "a", UserCustomFields: []CustomFieldUpsert{{CustomFieldID: "cf1", Value: 1}, {CustomFieldID: "cf1", Value: 2}}}},
		"group twice":         {{Name: "a", UserGroups: []string{"g1", "g1"}}},
		"empty group":         {{Name: "a", UserGroups: []string{""}}},
	} {
		t.Run(name, func(t *testing.T) {
			client, mux := setup(t)
			failOnUnexpectedRequest(t, mux)
			_, err := client.Members.AddLimited(ctx, "ws1", members)
			assert.ErrorIs(t, err, ErrInvalidInput)
		})
	}
}

func TestMembersAddLimited_nameOf100CharactersIsAccepted(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("POST /v1/workspaces/ws1/limited-users", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, `{}`) })
	_, err := client.Members.AddLimited(ctx, "ws1", []LimitedMember{{Name: strings.Repeat("é", 100)}})
	require.NoError(t, err)
}

func TestMembersAddLimited_notRepeatedAfterServerError(t *testing.T) {
	t.Parallel()
	client, srv := setupServer(t)
	srv.HandleFunc("POST /v1/workspaces/ws1/limited-users", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadGateway)
	})
	_, err := client.Members.AddLimited(ctx, "ws1", []LimitedMember{{Name: "a"}})
	assert.ErrorIs(t, err, ErrServer)
	assert.EqualValues(t, 1, srv.count("POST /v1/workspaces/ws1/limited-users"))
}

func TestMembersAddLimited_withoutTheFeatureIsPaidFeature(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	serveAdminOf(t, mux, "ws1")
	mux.HandleFunc("POST /v1/workspaces/ws1/limited-users", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusForbidden)
		fmt.Fprint(w, ruleRefusalJSON)
	})
	mux.HandleFunc("GET /v1/workspaces/ws1", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, memberWorkspaceJSON) })
	_, err := client.Members.AddLimited(ctx, "ws1", []LimitedMember{{Name: "a"}})
	assert.ErrorIs(t, err, ErrPaidFeature)
	assert.Contains(t, err.Error(), "LIMITED_USERS")
}

func TestMembersActivateAndDeactivate_sendStatusAndReturnWorkspace(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		call   func(*Client) (*Workspace, *Response, error)
		status string
	}{
		{"activate", func(c *Client) (*Workspace, *Response, error) { return c.Members.Activate(ctx, "ws1", "u1") }, "ACTIVE"},
		{"deactivate", func(c *Client) (*Workspace, *Response, error) { return c.Members.Deactivate(ctx, "ws1", "u1") }, "INACTIVE"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			client, srv := setupServer(t)
			failOnUnexpectedRequest(t, srv.ServeMux)
			srv.HandleFunc("PUT /v1/workspaces/ws1/users/u1", func(w http.ResponseWriter, r *http.Request) {
				assert.JSONEq(t, `{"status":"`+tc.status+`"}`, readBody(t, r))
				fmt.Fprint(w, memberWorkspaceJSON)
			})
			ws, _, err := tc.call(client)
			require.NoError(t, err)
			assert.Len(t, ws.Memberships, 4)
			assert.EqualValues(t, 1, srv.count("PUT /v1/workspaces/ws1/users/u1"), "the happy path is one request")
		})
	}
}

func TestMembersDeactivate_namesTheRuleThatRefused(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		target  string
		caller  string
		holders map[Role][]string
		rule    error
		message string
	}{
		{"owner", "owner", "admin", map[Role][]string{RoleOwner: {"owner"}, RoleWorkspaceAdmin: {"owner", "admin"}},
			ErrOwnerImmutable, "clockify: member owner is the workspace owner; the owner cannot be deactivated"},
		{"pending invitation", "u2", "owner", map[Role][]string{RoleOwner: {"owner"}},
			ErrInvitationPending, "clockify: member u2 has not accepted the invitation yet; a pending invitation cannot be deactivated, only revoked by the owner on the CAKE.com account's Members page"},
		{"admin by an admin", "u1", "admin", map[Role][]string{RoleOwner: {"owner"}, RoleWorkspaceAdmin: {"owner", "admin", "u1"}},
			ErrOwnerOnly, "clockify: member u1 is a workspace admin; only the workspace owner can deactivate an admin"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			client, mux := setup(t)
			mux.HandleFunc("PUT /v1/workspaces/ws1/users/"+tc.target, func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(http.StatusBadRequest)
				fmt.Fprint(w, ruleRefusalJSON)
			})
			mux.HandleFunc("GET /v1/workspaces/ws1", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, memberWorkspaceJSON) })
			serveRoleDirectory(t, mux, tc.caller, tc.holders)

			_, _, err := client.Members.Deactivate(ctx, "ws1", tc.target)
			assertRestriction(t, err, tc.rule, tc.target)
			assert.Equal(t, tc.message, err.Error())
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, http.StatusBadRequest, apiErr.StatusCode)
		})
	}
}

func TestMembersDeactivate_plainAPIErrorWhenNoRuleApplies(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("PUT /v1/workspaces/ws1/users/u1", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprint(w, ruleRefusalJSON)
	})
	mux.HandleFunc("GET /v1/workspaces/ws1", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, memberWorkspaceJSON) })
	// The owner deactivating an admin is allowed, so the refusal was something else.
	serveRoleDirectory(t, mux, "owner", map[Role][]string{RoleOwner: {"owner"}, RoleWorkspaceAdmin: {"owner", "u1"}})

	_, _, err := client.Members.Deactivate(ctx, "ws1", "u1")
	assertNoRestriction(t, err)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "Access Denied", apiErr.Message)
}

func TestMembersDeactivate_notFoundIsNotDiagnosed(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	failOnUnexpectedRequest(t, mux)
	mux.HandleFunc("PUT /v1/workspaces/ws1/users/gone", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprint(w, `{"message":"User doesn't belong to Workspace","code":501}`)
	})
	_, _, err := client.Members.Deactivate(ctx, "ws1", "gone")
	assert.ErrorIs(t, err, ErrNotFound)
}

// The diagnosis of a refused deactivation needs up to five lookups (owner search, workspace,
// admin search, the caller, the caller's owner search). Whichever fails, the caller gets
// Clockify's refusal as it was, not the lookup's error and not a guessed rule. With no lookup
// failing ("none") the same directory names ErrOwnerOnly.
func TestMembersDeactivate_failedDiagnosisReturnsTheRefusal(t *testing.T) {
	t.Parallel()
	for _, failing := range []string{"none", "owner search", "workspace", "admin search", "caller"} {
		t.Run(failing, func(t *testing.T) {
			t.Parallel()
			client, mux := setup(t)
			failOnUnexpectedRequest(t, mux)
			var broken atomic.Int32
			broke := func(w http.ResponseWriter) {
				broken.Add(1)
				w.WriteHeader(http.StatusInternalServerError)
				fmt.Fprint(w, `{"message":"lookup broke"}`)
			}
			mux.HandleFunc("PUT /v1/workspaces/ws1/users/u1", func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(http.StatusBadRequest)
				fmt.Fprint(w, ruleRefusalJSON)
			})
			mux.HandleFunc("GET /v1/workspaces/ws1", func(w http.ResponseWriter, r *http.Request) {
				if failing == "workspace" {
					broke(w)
					return
				}
				fmt.Fprint(w, memberWorkspaceJSON)
			})
			mux.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) {
				if failing == "caller" {
					broke(w)
					return
				}
				fmt.Fprint(w, `{"id":"admin","settings":null}`)
			})
			var ownerSearches atomic.Int32
			mux.HandleFunc("POST /v1/workspaces/ws1/users/info", func(w http.ResponseWriter, r *http.Request) {
				var f MemberFilter
				if !assert.NoError(t, json.Unmarshal([]byte(readBody(t, r)), &f)) || !assert.Len(t, f.Roles, 1) {
					broke(w)
					return
				}
				var holders []string
				switch f.Roles[0] {
				case RoleOwner:
					ownerSearches.Add(1)
					if failing == "owner search" {
						broke(w)
						return
					}
					holders = []string{"owner"}
				case RoleWorkspaceAdmin:
					if failing == "admin search" {
						broke(w)
						return
					}
					holders = []string{"owner", "admin", "u1"}
				}
				users := []*User{}
				for _, id := range holders {
					users = append(users, &User{ID: id})
				}
				w.Header().Set("Last-Page", "true")
				assert.NoError(t, json.NewEncoder(w).Encode(users))
			})

			_, _, err := client.Members.Deactivate(ctx, "ws1", "u1")
			if failing == "none" {
				assert.ErrorIs(t, err, ErrOwnerOnly, "the directory alone names the rule")
				return
			}
			assert.Positive(t, broken.Load(), "the diagnosis reached the failing lookup")
			assertNoRestriction(t, err, "no rule is named when a lookup failed")
			assert.NotErrorIs(t, err, ErrServer, "the lookup's error is not returned")
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, http.StatusBadRequest, apiErr.StatusCode)
			assert.Equal(t, "Access Denied", apiErr.Message)
		})
	}
}

func TestMembersRemove_refusesBeforeDeleting(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		target string
		rule   error
		detail string
	}{
		{"u1", ErrMustDeactivateFirst, "clockify: member u1 is active; a member must be deactivated before removal"},
		{"owner", ErrOwnerImmutable, "clockify: member owner is the workspace owner; the owner cannot be removed"},
		{"u2", ErrInvitationPending, "clockify: member u2 has not accepted the invitation yet; only the owner can revoke it, on the CAKE.com account's Members page"},
	} {
		t.Run(tc.target, func(t *testing.T) {
			t.Parallel()
			client, mux := setup(t)
			failOnUnexpectedRequest(t, mux) // no DELETE route: sending one fails the test
			mux.HandleFunc("GET /v1/workspaces/ws1", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, memberWorkspaceJSON) })
			serveRoleDirectory(t, mux, "owner", map[Role][]string{RoleOwner: {"owner"}})

			resp, err := client.Members.Remove(ctx, "ws1", tc.target)
			assert.Nil(t, resp)
			assert.Equal(t, tc.detail, err.Error())
			re := assertRestriction(t, err, tc.rule, tc.target)
			assert.Nil(t, re.Err, "refused by the SDK, not the server")
		})
	}
}

func TestMembersRemove_inactiveMemberIsRemovedInCAKE(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/workspaces/ws1", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, memberWorkspaceJSON) })
	mux.HandleFunc("DELETE /v1/workspaces/ws1/users/u3", func(w http.ResponseWriter, r *http.Request) {
		assert.Empty(t, readBody(t, r))
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprint(w, `{"code":400,"message":"User is migrated to Cake. Use Cake to remove user from workspace"}`)
	})
	resp, err := client.Members.Remove(ctx, "ws1", "u3")
	require.NotNil(t, resp)
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
	re := assertRestriction(t, err, ErrRemovedInCAKE, "u3")
	assert.Contains(t, re.Detail, "deactivating them in every workspace of the organisation")
	assert.Contains(t, re.Detail, "CAKE.com account's Members page")
	require.NotNil(t, re.Err)
	assert.Equal(t, 400, re.Err.Code)
}

func TestMembersRemove_succeedsIfClockifyEverAllowsIt(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/workspaces/ws1", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, memberWorkspaceJSON) })
	mux.HandleFunc("DELETE /v1/workspaces/ws1/users/u3", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, memberWorkspaceJSON) })
	_, err := client.Members.Remove(ctx, "ws1", "u3")
	require.NoError(t, err)
}

func TestMembersRemove_failedLookupIsReturnedAndNothingDeleted(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name   string
		target string
		route  string // the lookup that fails
	}{
		{"workspace", "u3", "GET /v1/workspaces/ws1"},
		{"owner search of an active member", "u1", "POST /v1/workspaces/ws1/users/info"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			client, mux := setup(t)
			failOnUnexpectedRequest(t, mux) // no DELETE route: sending one fails the test
			if tc.route != "GET /v1/workspaces/ws1" {
				mux.HandleFunc("GET /v1/workspaces/ws1", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, memberWorkspaceJSON) })
			}
			mux.HandleFunc(tc.route, func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(http.StatusInternalServerError)
				fmt.Fprint(w, `{"message":"lookup broke"}`)
			})

			resp, err := client.Members.Remove(ctx, "ws1", tc.target)
			assert.Nil(t, resp)
			assert.ErrorIs(t, err, ErrServer)
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, "lookup broke", apiErr.Message)
			assertNoRestriction(t, err, "a failed lookup names no rule")
		})
	}
}

func TestMembersRemove_memberNotInWorkspaceIsNotFound(t *testing.T) {
	t.Parallel()
	client, srv := setupServer(t)
	srv.HandleFunc("GET /v1/workspaces/ws1", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, memberWorkspaceJSON) })
	srv.HandleFunc("DELETE /v1/workspaces/ws1/users/gone", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprint(w, `{"message":"User doesn't belong to Workspace","code":501}`)
	})

	resp, err := client.Members.Remove(ctx, "ws1", "gone")
	assert.ErrorIs(t, err, ErrNotFound)
	assert.NotErrorIs(t, err, ErrRemovedInCAKE)
	assertNoRestriction(t, err, "not found is not one of Clockify's rules")
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 501, apiErr.Code)
	require.NotNil(t, resp)
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode)
	assert.EqualValues(t, 1, srv.count("DELETE /v1/workspaces/ws1/users/gone"), "a 400 is not retried")
}

func TestMembersManagers_sendsOptions(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/workspaces/ws1/users/u1/managers", func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, url.Values{"sort-column": {"NAME"}, "sort-order": {"ASCENDING"}, "page": {"2"}, "page-size": {"10"}}, r.URL.Query())
		w.Header().Set("Last-Page", "true")
		fmt.Fprint(w, "["+memberJSON+"]")
	})
	users, resp, err := client.Members.Managers(ctx, "ws1", "u1", &ListManagersOptions{SortColumn: SortByName, SortOrder: Ascending,
		ListOptions: ListOptions{Page: 2, PageSize: 10}})
	require.NoError(t, err)
	assert.Equal(t, 2, resp.Page)
	require.Len(t, users, 1)
	assert.Equal(t, "ada@example.com", users[0].Email)
}

func TestMembersManagers_withoutOptionsSendsNoQuery(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/workspaces/ws1/users/u1/managers", func(w http.ResponseWriter, r *http.Request) {
		assert.Empty(t, r.URL.RawQuery)
		fmt.Fprint(w, `[]`)
	})
	users, _, err := client.Members.Managers(ctx, "ws1", "u1", nil)
	require.NoError(t, err)
	assert.Empty(t, users)
}

func TestMembersManagersAll_pagesLazily(t *testing.T) {
	t.Parallel()
	client, srv := setupServer(t)
	srv.HandleFunc("GET /v1/workspaces/ws1/users/u1/managers", func(w http.ResponseWriter, r *http.Request) {
		page := r.URL.Query().Get("page")
		assert.Equal(t, "1", r.URL.Query().Get("page-size"))
		w.Header().Set("Last-Page", fmt.Sprint(page == "2"))
		fmt.Fprintf(w, `[{"id":"m%s"}]`, page)
	})
	var ids []string
	for u, err := range client.Members.ManagersAll(ctx, "ws1", "u1", &ListManagersOptions{ListOptions: ListOptions{PageSize: 1}}) {
		require.NoError(t, err)
		ids = append(ids, u.ID)
	}
	assert.Equal(t, []string{"m1", "m2"}, ids)
	assert.EqualValues(t, 2, srv.count("GET /v1/workspaces/ws1/users/u1/managers"))
}

func TestMembersManagers_badOptionsAreValidationErrors(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	failOnUnexpectedRequest(t, mux)
	for _, opts := range []*ListManagersOptions{{SortColumn: "AGE"}, {SortOrder: "UP"}, {ListOptions: ListOptions{PageSize: 5001}}} {
		_, _, err := client.Members.Managers(ctx, "ws1", "u1", opts)
		assert.ErrorIs(t, err, ErrInvalidInput)
	}
}

func TestMembersSetCustomField_sendsValueAndDecodes201(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		value any
		body  string
	}{
		{"B-7", `{"value":"B-7"}`},
		{42, `{"value":42}`},
		{[]string{"a", "b"}, `{"value":["a","b"]}`},
		{json.RawMessage(`true`), `{"value":true}`},
		{nil, `{"value":null}`},
	} {
		t.Run(tc.body, func(t *testing.T) {
			t.Parallel()
			client, mux := setup(t)
			mux.HandleFunc("PUT /v1/workspaces/ws1/users/u1/custom-field/cf1/value", func(w http.ResponseWriter, r *http.Request) {
				assert.JSONEq(t, tc.body, readBody(t, r))
				w.WriteHeader(http.StatusCreated)
				fmt.Fprint(w, `{"customFieldId":"cf1","customFieldName":"Badge","customFieldType":"TXT","userId":"u1","value":"B-7"}`)
			})
			v, resp, err := client.Members.SetCustomField(ctx, "ws1", "u1", "cf1", tc.value)
			require.NoError(t, err)
			assert.Equal(t, http.StatusCreated, resp.StatusCode)
			assert.Equal(t, "Badge", v.Name)
			assert.Equal(t, CustomFieldText, v.Type)
			assert.JSONEq(t, `"B-7"`, string(v.Value))
		})
	}
}

func TestMembersSetCustomField_unencodableValueIsValidationError(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	failOnUnexpectedRequest(t, mux)
	_, _, err := client.Members.SetCustomField(ctx, "ws1", "u1", "cf1", make(chan int))
	assert.ErrorIs(t, err, ErrInvalidInput)
}

const userGroupJSON = `{"id":"g1","name":"Night shift","workspaceId":"ws1","userIds":["u1","u9"],
  "teamManagers":[{"id":"u9","name":null}],"unknown":1}`

func TestMembersAddToGroup_sendsUserID(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("POST /v1/workspaces/ws1/user-groups/g1/users", func(w http.ResponseWriter, r *http.Request) {
		assert.JSONEq(t, `{"userId":"u1"}`, readBody(t, r))
		fmt.Fprint(w, userGroupJSON)
	})
	g, _, err := client.Members.AddToGroup(ctx, "ws1", "u1", "g1")
	require.NoError(t, err)
	assert.True(t, g.HasMember("u1"))
	assert.Equal(t, []UserSummary{{ID: "u9"}}, g.TeamManagers)
}

func TestMembersRemoveFromGroup_sendsNoBody(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("DELETE /v1/workspaces/ws1/user-groups/g1/users/u1", func(w http.ResponseWriter, r *http.Request) {
		assert.Empty(t, readBody(t, r))
		fmt.Fprint(w, `{"id":"g1","name":"Night shift","workspaceId":"ws1","userIds":["u9"],"teamManagers":[]}`)
	})
	g, _, err := client.Members.RemoveFromGroup(ctx, "ws1", "u1", "g1")
	require.NoError(t, err)
	assert.False(t, g.HasMember("u1"))
}

func TestMembers_idsAreEscapedInPaths(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("PUT /v1/workspaces/{ws}/users/{user}", func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "/v1/workspaces/ws%253F1/users/u%251", r.URL.EscapedPath())
		fmt.Fprint(w, memberWorkspaceJSON)
	})
	_, _, err := client.Members.Activate(ctx, "ws%3F1", "u%1")
	require.NoError(t, err)
}

func TestMembers_emptyOrMalformedIDsAreValidationErrors(t *testing.T) {
	t.Parallel()
	m := func(c *Client) *MembersService { return c.Members }
	calls := map[string]func(*Client, string, string) error{
		"List": func(c *Client, ws, _ string) error { _, _, err := m(c).List(ctx, ws, nil); return err },
		"Invite": func(c *Client, ws, _ string) error {
			_, _, err := m(c).Invite(ctx, ws, "a@example.com", nil)
			return err
		},
		"AddLimited": func(c *Client, ws, _ string) error {
			_, err := m(c).AddLimited(ctx, ws, []LimitedMember{{Name: "a"}})
			return err
		},
		"Activate":   func(c *Client, ws, u string) error { _, _, err := m(c).Activate(ctx, ws, u); return err },
		"Deactivate": func(c *Client, ws, u string) error { _, _, err := m(c).Deactivate(ctx, ws, u); return err },
		"Remove":     func(c *Client, ws, u string) error { _, err := m(c).Remove(ctx, ws, u); return err },
		"Managers":   func(c *Client, ws, u string) error { _, _, err := m(c).Managers(ctx, ws, u, nil); return err },
		"SetHourlyRate": func(c *Client, ws, u string) error {
			_, _, err := m(c).SetHourlyRate(ctx, ws, u, RateChange{})
			return err
		},
		"SetCostRate": func(c *Client, ws, u string) error {
			_, _, err := m(c).SetCostRate(ctx, ws, u, RateChange{})
			return err
		},
		"SetCustomField": func(c *Client, ws, u string) error {
			_, _, err := m(c).SetCustomField(ctx, ws, u, "cf1", "x")
			return err
		},
		"SetCustomField field": func(c *Client, ws, u string) error {
			_, _, err := m(c).SetCustomField(ctx, "ws1", "u1", u, "x")
			return err
		},
		"AddToGroup":       func(c *Client, ws, u string) error { _, _, err := m(c).AddToGroup(ctx, ws, u, "g1"); return err },
		"AddToGroup group": func(c *Client, ws, u string) error { _, _, err := m(c).AddToGroup(ctx, "ws1", "u1", u); return err },
		"RemoveFromGroup":  func(c *Client, ws, u string) error { _, _, err := m(c).RemoveFromGroup(ctx, ws, u, "g1"); return err },
		"RemoveFromGroup group": func(c *Client, ws, u string) error {
			_, _, err := m(c).RemoveFromGroup(ctx, "ws1", "u1", u)
			return err
		},
	}
	for name, call := range calls {
		for _, ids := range [][2]string{{"", "u1"}, {"ws1", ""}, {" ", "u1"}, {"ws1", "../u1"}, {"ws/1", "u1"}} {
			switch {
			case (name == "List" || name == "Invite" || name == "AddLimited") && ids[0] == "ws1":
				continue // these take no user id
			case strings.HasSuffix(name, " field") || strings.HasSuffix(name, " group"):
				if ids[1] == "u1" {
					continue // these check only the second id
				}
			}
			t.Run(fmt.Sprintf("%s %q %q", name, ids[0], ids[1]), func(t *testing.T) {
				client, mux := setup(t)
				failOnUnexpectedRequest(t, mux)
				assert.ErrorIs(t, call(client, ids[0], ids[1]), ErrInvalidInput)
			})
		}
	}
}

func TestMembersAll_oneSeqRangedConcurrently(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/workspaces/ws1/users", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Last-Page", strconv.FormatBool(r.URL.Query().Get("page") == "2"))
		fmt.Fprintf(w, `[{"id":"u%s"}]`, r.URL.Query().Get("page"))
	})
	seq := client.Members.All(ctx, "ws1", &ListMembersOptions{ListOptions: ListOptions{PageSize: 1}})
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var ids []string
			for u, err := range seq {
				if !assert.NoError(t, err) {
					return
				}
				ids = append(ids, u.ID)
			}
			assert.Equal(t, []string{"u1", "u2"}, ids)
		}()
	}
	wg.Wait()
}
