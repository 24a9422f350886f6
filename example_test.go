package clockify_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
)

func ExampleNewClient() {
	c, err := clockify.NewClient(
		clockify.WithAPIKey("your-api-key"),
		clockify.WithRegion(clockify.RegionEU),
		clockify.WithUserAgent("onboarder/1.0"),
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(c.BaseURL())

	// Two credentials are refused before anything is sent: Clockify would answer 401.
	_, err = clockify.NewClient(clockify.WithAPIKey("k"), clockify.WithAddonToken("t"))
	fmt.Println(errors.Is(err, clockify.ErrInvalidInput))
	// Output:
	// https://euc1.clockify.me/api/
	// true
}

func ExampleMembersService_All() {
	srv := clockifytest.NewDemoServer()
	defer srv.Close()
	c := srv.Client()

	opts := &clockify.ListMembersOptions{Status: clockify.MembershipActive, SortColumn: clockify.SortByName}
	for u, err := range c.Members.All(context.Background(), clockifytest.DemoWorkspaceID, opts) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(u.Name)
	}
	// Output:
	// Daniel Okafor
	// Emma Schultz
	// Lucas Ferreira
	// Maya Lindqvist
	// Noah Bennett
	// Priya Raman
	// Sofia Rossi
}

func ExampleMembersService_Filter() {
	srv := clockifytest.NewDemoServer()
	defer srv.Close()
	c := srv.Client()

	// The filter counts the owner as an admin.
	admins, _, err := c.Members.Filter(context.Background(), clockifytest.DemoWorkspaceID, &clockify.MemberFilter{
		Roles:      []clockify.Role{clockify.RoleWorkspaceAdmin},
		SortColumn: clockify.SortByName,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, u := range admins {
		fmt.Println(u.Name)
	}
	// Output:
	// Daniel Okafor
	// Maya Lindqvist
}

func ExampleMembersService_Invite() {
	srv := clockifytest.NewDemoServer()
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	// Clockify answers with the workspace; the new member is PENDING until they accept.
	_, _, err := c.Members.Invite(ctx, clockifytest.DemoWorkspaceID, "ada@example.com", &clockify.InviteOptions{SendEmail: clockify.Ptr(false)})
	if err != nil {
		fmt.Println(err)
		return
	}
	pending, _, _ := c.Members.List(ctx, clockifytest.DemoWorkspaceID, &clockify.ListMembersOptions{
		Email: "ada@example.com", Status: clockify.MembershipPending, Memberships: clockify.IncludeWorkspaceMemberships,
	})
	m, _ := pending[0].Membership(clockifytest.DemoWorkspaceID)
	fmt.Println(pending[0].Email, m.MembershipStatus)

	// Inviting by API needs a paid workspace.
	_, _, err = c.Members.Invite(ctx, clockifytest.DemoFreeWorkspaceID, "bob@example.com", nil)
	fmt.Println(errors.Is(err, clockify.ErrPaidFeature))
	// Output:
	// ada@example.com PENDING
	// true
}

func ExampleMembersService_Deactivate() {
	srv := clockifytest.NewDemoServer()
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	ws, _, err := c.Members.Deactivate(ctx, clockifytest.DemoWorkspaceID, clockifytest.DemoMemberID)
	if err != nil {
		fmt.Println(err)
		return
	}
	m, _ := ws.Membership(clockifytest.DemoMemberID)
	fmt.Println(m.MembershipStatus)

	// The owner can never be deactivated; the SDK names the rule.
	_, _, err = c.Members.Deactivate(ctx, clockifytest.DemoWorkspaceID, clockifytest.DemoOwnerID)
	fmt.Println(errors.Is(err, clockify.ErrOwnerImmutable))
	// Output:
	// INACTIVE
	// true
}

func ExampleMembersService_Remove() {
	srv := clockifytest.NewDemoServer()
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	// Clockify removes members only in the CAKE.com account, after deactivation.
	_, err := c.Members.Remove(ctx, clockifytest.DemoWorkspaceID, clockifytest.DemoMemberID)
	fmt.Println(errors.Is(err, clockify.ErrMustDeactivateFirst))
	_, err = c.Members.Remove(ctx, clockifytest.DemoWorkspaceID, clockifytest.DemoInactiveID)
	fmt.Println(errors.Is(err, clockify.ErrRemovedInCAKE))
	// Output:
	// true
	// true
}

func ExampleMembersService_SetHourlyRate() {
	srv := clockifytest.NewDemoServer()
	defer srv.Close()
	c := srv.Client()

	// 85.00 in the workspace's currency, from the first of the month.
	ws, _, err := c.Members.SetHourlyRate(context.Background(), clockifytest.DemoWorkspaceID, clockifytest.DemoMemberID,
		clockify.RateChange{Amount: 8500, Since: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		fmt.Println(err)
		return
	}
	m, _ := ws.Membership(clockifytest.DemoMemberID)
	fmt.Println(m.HourlyRate.Amount, m.HourlyRate.Currency)
	// Output:
	// 8500 EUR
}

func ExampleRolesService_Assign() {
	srv := clockifytest.NewDemoServer()
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	grants, _, err := c.Roles.Assign(ctx, clockifytest.DemoWorkspaceID, clockifytest.DemoMemberID,
		clockify.ProjectManagerOf(clockifytest.DemoProjectID))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(grants[0].Role, grants[0].EntityID == clockifytest.DemoProjectID)

	roles, _ := c.Roles.Of(ctx, clockifytest.DemoWorkspaceID, clockifytest.DemoMemberID)
	fmt.Println(roles)
	// Output:
	// PROJECT_MANAGER true
	// [PROJECT_MANAGER]
}

func ExampleRolesService_Remove() {
	srv := clockifytest.NewDemoServer()
	defer srv.Close()
	ctx := context.Background()

	// Only the owner may take the admin role away; an admin's own client is refused.
	admin := srv.ClientAs(clockifytest.DemoAdminID)
	_, err := admin.Roles.Remove(ctx, clockifytest.DemoWorkspaceID, clockifytest.DemoAdminID,
		clockify.WorkspaceAdmin(clockifytest.DemoWorkspaceID))
	fmt.Println(errors.Is(err, clockify.ErrOwnerOnly))

	_, err = srv.Client().Roles.Remove(ctx, clockifytest.DemoWorkspaceID, clockifytest.DemoAdminID,
		clockify.WorkspaceAdmin(clockifytest.DemoWorkspaceID))
	fmt.Println(err)
	// Output:
	// true
	// <nil>
}

func ExampleParseDuration() {
	d, err := clockify.ParseDuration("PT7.5H")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d, d.Std())

	_, err = clockify.ParseDuration("P1M") // a month has no fixed length
	fmt.Println(err != nil)
	// Output:
	// PT7H30M 7h30m0s
	// true
}

func ExampleWeekdaySet() {
	days := clockify.NewWeekdaySet(clockify.Friday, clockify.Monday, clockify.Wednesday)
	fmt.Println(days.Has(clockify.Monday), days.Len())
	fmt.Println(days.Days())

	// Typos are not dropped: the set becomes invalid and is refused before sending.
	fmt.Println(clockify.Weekdays.With("FUNDAY").Valid())
	// Output:
	// true 3
	// [MONDAY WEDNESDAY FRIDAY]
	// false
}
