package clockify_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
)

// otherDay returns a weekday other than d.
func otherDay(d clockify.Weekday) clockify.Weekday {
	if d == clockify.Sunday {
		return clockify.Monday
	}
	return clockify.Sunday
}

// TestProfilesBehaviour_rules checks, for each documented rule, that Check names it, that
// Clockify (the fake) really refuses the update, and that Update names the same rule with the
// server's refusal attached, leaving the profile as it was.
func TestProfilesBehaviour_rules(t *testing.T) {
	t.Parallel()
	ws := clockifytest.DemoWorkspaceID
	tests := []struct {
		name   string
		user   string
		seed   func(*clockifytest.Server)
		update func(t *testing.T, c *clockify.Client) *clockify.ProfileUpdate
		rule   error
	}{
		{"profile editing not in the plan", clockifytest.DemoMemberID,
			func(s *clockifytest.Server) { s.SetFeatures(ws, "TIME_TRACKING", clockifytest.FeatureUserCustomFields) },
			capacity(6), clockify.ErrPaidFeature},
		{"custom fields not in the plan", clockifytest.DemoMemberID,
			func(s *clockifytest.Server) { s.SetFeatures(ws, clockifytest.FeatureEditMemberProfile) },
			func(*testing.T, *clockify.Client) *clockify.ProfileUpdate {
				return &clockify.ProfileUpdate{CustomFields: []clockify.CustomFieldUpsert{{CustomFieldID: clockifytest.DemoCustomFieldID, Value: "Sales"}}}
			}, clockify.ErrPaidFeature},
		{"member of three workspaces", clockifytest.DemoMultiWorkspaceID, nil,
			func(*testing.T, *clockify.Client) *clockify.ProfileUpdate {
				return &clockify.ProfileUpdate{WorkCapacity: clockify.Ptr(clockify.Hours(6)),
					CustomFields: []clockify.CustomFieldUpsert{{CustomFieldID: clockifytest.DemoCustomFieldID, Value: "Sales"}}}
			}, clockify.ErrMultipleWorkspaces},
		{"inactive member", clockifytest.DemoInactiveID, nil, capacity(6), clockify.ErrMemberInactive},
		{"invitation not accepted", clockifytest.DemoInvitedID, nil, capacity(6), clockify.ErrInvitationPending},
		{"name of a full user", clockifytest.DemoMemberID, nil,
			func(*testing.T, *clockify.Client) *clockify.ProfileUpdate {
				return &clockify.ProfileUpdate{Name: clockify.Ptr("Emma S.")}
			}, clockify.ErrLimitedMemberOnly},
		{"picture of a full user", clockifytest.DemoAdminID, nil,
			func(*testing.T, *clockify.Client) *clockify.ProfileUpdate {
				return &clockify.ProfileUpdate{ImageURL: clockify.Ptr("https://avatar.cake.com/daniel.png")}
			}, clockify.ErrLimitedMemberOnly},
		{"owner", clockifytest.DemoOwnerID, nil, capacity(6), clockify.ErrOwnerProfile},
		{"week start with pending approvals", clockifytest.DemoPendingApprovalsID, nil,
			func(t *testing.T, c *clockify.Client) *clockify.ProfileUpdate {
				p, _, err := c.Profiles.Get(bctx, ws, clockifytest.DemoPendingApprovalsID)
				require.NoError(t, err)
				return &clockify.ProfileUpdate{WeekStart: clockify.Ptr(otherDay(p.WeekStart))}
			}, clockify.ErrPendingApprovals},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, c := demo(t)
			if tt.seed != nil {
				tt.seed(srv)
			}
			u := tt.update(t, c)
			before, ok := srv.Member(ws, tt.user)
			require.True(t, ok)

			lookups := 4
			if tt.rule == clockify.ErrPendingApprovals {
				lookups++ // the refusal counts the member's pending approval requests
			}
			srv.ResetRequests()
			checkErr := c.Profiles.Check(bctx, ws, tt.user, u)
			assert.LessOrEqual(t, len(srv.Requests()), lookups, "Check costs at most three requests and the caller's rights")
			checked := assertRestriction(t, checkErr, tt.rule, tt.user)
			assert.Nil(t, checked.Err)

			srv.ResetRequests()
			p, _, err := c.Profiles.Update(bctx, ws, tt.user, u)
			assert.Nil(t, p)
			refused := assertRestriction(t, err, tt.rule, tt.user) // Update names the rule Check named
			require.NotNil(t, refused.Err, "the server refused: %v", err)
			assert.GreaterOrEqual(t, refused.Err.StatusCode, 400)
			assert.Equal(t, checked.Error(), refused.Error())

			reqs := srv.Requests()
			require.NotEmpty(t, reqs)
			assert.Equal(t, "PATCH", reqs[0].Method)
			assert.LessOrEqual(t, len(reqs), lookups, "the update and at most three lookups")

			after, _ := srv.Member(ws, tt.user)
			assert.Equal(t, before, after, "a refused update changes nothing")
		})
	}
}

func capacity(h float64) func(*testing.T, *clockify.Client) *clockify.ProfileUpdate {
	return func(*testing.T, *clockify.Client) *clockify.ProfileUpdate {
		return &clockify.ProfileUpdate{WorkCapacity: clockify.Ptr(clockify.Hours(h))}
	}
}

// TestProfilesBehaviour_permittedUpdatesPersist checks that what Check lets through, Clockify
// (the fake) accepts in one request, and that Get then shows it.
func TestProfilesBehaviour_permittedUpdatesPersist(t *testing.T) {
	t.Parallel()
	ws := clockifytest.DemoWorkspaceID
	tests := []struct {
		name   string
		user   string
		update *clockify.ProfileUpdate
		check  func(t *testing.T, p *clockify.Profile)
	}{
		{"capacity, days and week start", clockifytest.DemoMemberID,
			&clockify.ProfileUpdate{WorkCapacity: clockify.Ptr(clockify.Hours(7.5)),
				WorkingDays: clockify.Ptr(clockify.NewWeekdaySet(clockify.Tuesday, clockify.Monday, clockify.Wednesday)),
				WeekStart:   clockify.Ptr(clockify.Sunday)},
			func(t *testing.T, p *clockify.Profile) {
				assert.Equal(t, clockify.Hours(7.5), p.WorkCapacity)
				assert.Equal(t, clockify.NewWeekdaySet(clockify.Monday, clockify.Tuesday, clockify.Wednesday), p.WorkingDays)
				assert.Equal(t, clockify.Sunday, p.WeekStart)
			}},
		{"custom field", clockifytest.DemoMemberID,
			&clockify.ProfileUpdate{CustomFields: []clockify.CustomFieldUpsert{{CustomFieldID: clockifytest.DemoCustomFieldID, Value: "Sales"}}},
			func(t *testing.T, p *clockify.Profile) {
				var found bool
				for _, v := range p.CustomFields {
					if v.CustomFieldID == clockifytest.DemoCustomFieldID {
						found = true
						assert.JSONEq(t, `"Sales"`, string(v.Value))
					}
				}
				assert.True(t, found, "custom field value present")
			}},
		{"capacity and days of a member of three workspaces", clockifytest.DemoMultiWorkspaceID,
			&clockify.ProfileUpdate{WorkCapacity: clockify.Ptr(clockify.Hours(4)), WorkingDays: clockify.Ptr(clockify.AllDays)},
			func(t *testing.T, p *clockify.Profile) {
				assert.Equal(t, clockify.Hours(4), p.WorkCapacity)
				assert.Equal(t, clockify.AllDays, p.WorkingDays)
				assert.Greater(t, p.WorkspaceNumber, 1)
			}},
		{"capacity of a member with pending approvals", clockifytest.DemoPendingApprovalsID,
			&clockify.ProfileUpdate{WorkCapacity: clockify.Ptr(clockify.Hours(5))},
			func(t *testing.T, p *clockify.Profile) {
				assert.Equal(t, clockify.Hours(5), p.WorkCapacity)
				assert.True(t, p.HasPendingApprovalRequest)
			}},
		{"name of a limited member", clockifytest.DemoLimitedID,
			&clockify.ProfileUpdate{Name: clockify.Ptr("Tomás V.")},
			func(t *testing.T, p *clockify.Profile) { assert.Equal(t, "Tomás V.", p.Name) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv, c := demo(t)
			require.NoError(t, c.Profiles.Check(bctx, ws, tt.user, tt.update))

			srv.ResetRequests()
			p, _, err := c.Profiles.Update(bctx, ws, tt.user, tt.update)
			require.NoError(t, err)
			assert.Len(t, srv.Requests(), 1, "the happy path is one request")
			tt.check(t, p)

			got, _, err := c.Profiles.Get(bctx, ws, tt.user)
			require.NoError(t, err)
			tt.check(t, got)
		})
	}
}

// TestProfilesBehaviour_weekStartAloneOnTheFreePlan: the help centre makes week start free on
// every plan, and Check does not claim otherwise.
func TestProfilesBehaviour_weekStartAloneOnTheFreePlan(t *testing.T) {
	t.Parallel()
	srv, c := demo(t)
	ws := clockifytest.DemoWorkspaceID
	srv.SetFeatures(ws, "TIME_TRACKING")
	u := &clockify.ProfileUpdate{WeekStart: clockify.Ptr(clockify.Sunday)}

	require.NoError(t, c.Profiles.Check(bctx, ws, clockifytest.DemoMemberID, u))
	p, _, err := c.Profiles.Update(bctx, ws, clockifytest.DemoMemberID, u)
	require.NoError(t, err)
	assert.Equal(t, clockify.Sunday, p.WeekStart)
}

// TestProfilesBehaviour_nonAdminCallerGetsTheRefusal: a member who is not an admin may not edit
// others' profiles; the server's 403 comes back named ErrAdminOnly.
func TestProfilesBehaviour_nonAdminCallerGetsTheRefusal(t *testing.T) {
	t.Parallel()
	srv := demoServer(t)
	c := srv.ClientAs(clockifytest.DemoMemberID, fastOpts...)

	_, _, err := c.Profiles.Update(bctx, clockifytest.DemoWorkspaceID, clockifytest.DemoAdminID,
		&clockify.ProfileUpdate{WorkCapacity: clockify.Ptr(clockify.Hours(6))})
	assert.ErrorIs(t, err, clockify.ErrForbidden)
	assertRestriction(t, err, clockify.ErrAdminOnly, clockifytest.DemoAdminID)
}

// TestProfilesBehaviour_updateManyMixedTeam runs one bulk change over the demo team: the
// editable members change, each of the others fails with its own rule, in input order.
func TestProfilesBehaviour_updateManyMixedTeam(t *testing.T) {
	t.Parallel()
	srv, c := demo(t)
	ws := clockifytest.DemoWorkspaceID
	want := map[string]error{
		clockifytest.DemoOwnerID:            clockify.ErrOwnerProfile,
		clockifytest.DemoAdminID:            nil,
		clockifytest.DemoMemberID:           nil,
		clockifytest.DemoMultiWorkspaceID:   clockify.ErrMultipleWorkspaces,
		clockifytest.DemoPendingApprovalsID: nil,
		clockifytest.DemoInactiveID:         clockify.ErrMemberInactive,
		clockifytest.DemoInvitedID:          clockify.ErrInvitationPending,
		clockifytest.DemoLimitedID:          nil,
	}
	var changes []clockify.ProfileChange
	for _, m := range srv.Members(ws) {
		if _, ok := want[m.ID]; !ok {
			continue
		}
		u := &clockify.ProfileUpdate{WorkCapacity: clockify.Ptr(clockify.Hours(6))}
		if m.ID == clockifytest.DemoMultiWorkspaceID {
			u.CustomFields = []clockify.CustomFieldUpsert{{CustomFieldID: clockifytest.DemoCustomFieldID, Value: "Sales"}}
		}
		changes = append(changes, clockify.ProfileChange{UserID: m.ID, Update: u})
	}
	require.Len(t, changes, len(want))
	changes = append(changes, clockify.ProfileChange{UserID: clockifytest.DemoMemberID, Update: &clockify.ProfileUpdate{}})

	var reported int
	results := c.Profiles.UpdateMany(bctx, ws, changes, &clockify.BulkOptions{
		Concurrency: 3,
		Progress:    func(done, total int, r clockify.BulkResult) { reported = done },
	})
	require.Len(t, results, len(changes))
	assert.Equal(t, len(changes), reported)
	for i, r := range results[:len(want)] {
		assert.Equal(t, changes[i].UserID, r.UserID)
		rule := want[r.UserID]
		if rule == nil {
			require.NoError(t, r.Err, r.UserID)
			assert.Equal(t, clockify.Hours(6), r.Profile.WorkCapacity)
			m, _ := srv.Member(ws, r.UserID)
			assert.Equal(t, "PT6H", m.WorkCapacity, r.UserID)
			continue
		}
		re := assertRestriction(t, r.Err, rule, r.UserID)
		assert.NotNil(t, re.Err, "the server refused %s", r.UserID)
	}
	assert.ErrorIs(t, results[len(want)].Err, clockify.ErrInvalidInput)
}

func ExampleProfilesService_Check() {
	srv := clockifytest.NewDemoServer()
	defer srv.Close()
	c := srv.Client()

	err := c.Profiles.Check(context.Background(), clockifytest.DemoWorkspaceID, clockifytest.DemoMultiWorkspaceID,
		&clockify.ProfileUpdate{WeekStart: clockify.Ptr(clockify.Sunday)})
	fmt.Println(errors.Is(err, clockify.ErrMultipleWorkspaces))
	fmt.Println(err)
	// Output:
	// true
	// clockify: member 64f0a1b2c3d4e5f602000006 is in 3 workspaces; only work capacity and working days can be changed
}

func ExampleProfilesService_Update() {
	srv := clockifytest.NewDemoServer()
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	p, _, err := c.Profiles.Update(ctx, clockifytest.DemoWorkspaceID, clockifytest.DemoMemberID, &clockify.ProfileUpdate{
		WorkCapacity: clockify.Ptr(clockify.Hours(7.5)),
		WorkingDays:  clockify.Ptr(clockify.Weekdays),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p.WorkCapacity, p.WorkingDays)

	// Clockify refuses to change the week start while approvals are pending; the SDK names the rule.
	_, _, err = c.Profiles.Update(ctx, clockifytest.DemoWorkspaceID, clockifytest.DemoPendingApprovalsID, &clockify.ProfileUpdate{
		WeekStart: clockify.Ptr(clockify.Sunday),
	})
	fmt.Println(errors.Is(err, clockify.ErrPendingApprovals))
	// Output:
	// PT7H30M MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY
	// true
}

func ExampleProfilesService_UpdateMany() {
	srv := clockifytest.NewDemoServer()
	defer srv.Close()
	c := srv.Client()

	six := &clockify.ProfileUpdate{WorkCapacity: clockify.Ptr(clockify.Hours(6))}
	changes := []clockify.ProfileChange{
		{UserID: clockifytest.DemoMemberID, Update: six},
		{UserID: clockifytest.DemoInactiveID, Update: six},
		{UserID: clockifytest.DemoAdminID, Update: six},
	}
	results := c.Profiles.UpdateMany(context.Background(), clockifytest.DemoWorkspaceID, changes, &clockify.BulkOptions{
		Progress: func(done, total int, r clockify.BulkResult) { /* e.g. update a progress bar */ },
	})
	for _, r := range results {
		switch {
		case errors.Is(r.Err, clockify.ErrMemberInactive):
			fmt.Println(r.UserID, "skipped: inactive")
		case r.Err != nil:
			fmt.Println(r.UserID, r.Err)
		default:
			fmt.Println(r.UserID, r.Profile.WorkCapacity)
		}
	}
	// Output:
	// 64f0a1b2c3d4e5f602000005 PT6H
	// 64f0a1b2c3d4e5f602000008 skipped: inactive
	// 64f0a1b2c3d4e5f602000002 PT6H
}
