package clockify_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
)

func ExampleMembersService_FindByEmail() {
	srv := clockifytest.NewDemoServer()
	defer srv.Close()
	c := srv.Client()
	ctx, ws := context.Background(), clockifytest.DemoWorkspaceID

	u, _, err := c.Members.FindByEmail(ctx, ws, "Priya.Raman@acme-studio.example")
	if err != nil {
		fmt.Println(err)
		return
	}
	m, _ := u.Membership(ws)
	fmt.Println(u.Name, m.MembershipStatus)

	// The search matches substrings; FindByEmail only the whole address.
	_, _, err = c.Members.FindByEmail(ctx, ws, "raman@acme-studio.example")
	fmt.Println(errors.Is(err, clockify.ErrNotFound))
	// Output:
	// Priya Raman ACTIVE
	// true
}

func ExampleMembersService_InviteMember() {
	srv := clockifytest.NewDemoServer()
	defer srv.Close()
	c := srv.Client()
	ctx, ws := context.Background(), clockifytest.DemoWorkspaceID

	u, _, err := c.Members.InviteMember(ctx, ws, "nina.park@acme-studio.example", &clockify.InviteOptions{SendEmail: clockify.Ptr(false)})
	if err != nil {
		fmt.Println(err)
		return
	}
	m, _ := u.Membership(ws)
	fmt.Println(u.Email, m.MembershipStatus)

	// Until Nina accepts, her profile cannot be edited.
	_, _, err = c.Profiles.Update(ctx, ws, u.ID, &clockify.ProfileUpdate{WorkCapacity: clockify.Ptr(clockify.Hours(8))})
	fmt.Println(errors.Is(err, clockify.ErrInvitationPending))
	// Output:
	// nina.park@acme-studio.example PENDING
	// true
}

func ExampleGroupsService_FindByName() {
	srv := clockifytest.NewDemoServer()
	defer srv.Close()
	c := srv.Client()

	g, _, err := c.Groups.FindByName(context.Background(), clockifytest.DemoWorkspaceID, "Design Team")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(g.Name, len(g.UserIDs), "members")
	// Output:
	// Design Team 3 members
}

func ExampleWorkspacesService_FindByName() {
	srv := clockifytest.NewDemoServer()
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	ws, _, err := c.Workspaces.FindByName(ctx, "Acme Studio")
	if err != nil {
		fmt.Println(err)
		return
	}
	role, _, err := c.Workspaces.CallerRole(ctx, ws.ID)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(ws.Plan(), ws.HasFeature("EDIT_MEMBER_PROFILE"), role)
	// Output:
	// STANDARD_2021 true OWNER
}

func ExampleMembersService_StopTimer() {
	srv := clockifytest.NewDemoServer()
	defer srv.Close()
	c := srv.Client()
	ctx, ws := context.Background(), clockifytest.DemoWorkspaceID

	timers, _, err := c.Members.RunningTimers(ctx, ws)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(timers), "timers running")

	e, _, err := c.Members.StopTimer(ctx, ws, clockifytest.DemoTeamManagerID, time.Now())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("stopped %q, running: %v\n", e.Description, e.Running())

	// Stopping again finds nothing running; it never stops a newer timer by accident.
	_, _, err = c.Members.StopTimer(ctx, ws, clockifytest.DemoTeamManagerID, time.Now())
	fmt.Println(errors.Is(err, clockify.ErrNoRunningTimer))
	// Output:
	// 2 timers running
	// stopped "Design review", running: false
	// true
}

func ExampleProfilesService_GetMany() {
	srv := clockifytest.NewDemoServer()
	defer srv.Close()
	c := srv.Client()
	ids := []string{clockifytest.DemoProjectManagerID, clockifytest.DemoMultiWorkspaceID}

	for _, r := range c.Profiles.GetMany(context.Background(), clockifytest.DemoWorkspaceID, ids, nil) {
		if r.Err != nil {
			fmt.Println(r.UserID, r.Err)
			continue
		}
		fmt.Println(r.Profile.Email, r.Profile.WorkCapacity, r.Profile.WorkingDays)
	}
	// Output:
	// lucas.ferreira@acme-studio.example PT10H MONDAY,TUESDAY,WEDNESDAY,THURSDAY
	// noah.bennett@acme-studio.example PT6H MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY
}
