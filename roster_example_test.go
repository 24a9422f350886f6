package clockify_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
)

func ExampleMembersService_PlanRoster() {
	srv := clockifytest.NewDemoServer()
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()
	ws := clockifytest.DemoWorkspaceID

	specs := []clockify.MemberSpec{
		{Email: "emma.schultz@acme-studio.example", HourlyRate: clockify.Ptr[int64](8000),
			Profile: &clockify.ProfileUpdate{WorkCapacity: clockify.Ptr(clockify.Hours(6))}},
		{Email: "sofia.rossi@acme-studio.example", Profile: &clockify.ProfileUpdate{WeekStart: clockify.Ptr(clockify.Sunday)}},
		{Email: "new.hire@acme-studio.example", Groups: []string{"Design Team"}},
	}
	plan, err := c.Members.PlanRoster(ctx, ws, specs, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range plan.Actions {
		fmt.Printf("%-15s %-34s %s", a.Kind, a.Email, a.Change)
		if errors.Is(a.Blocked, clockify.ErrPendingApprovals) {
			fmt.Print(" (blocked: approvals pending)")
		}
		fmt.Println()
	}
	failed := 0
	for _, r := range c.Members.ApplyRoster(ctx, plan, nil) {
		if r.Err != nil && r.Action.Blocked == nil {
			failed++
		}
	}
	again, _ := c.Members.PlanRoster(ctx, ws, specs, nil)
	fmt.Printf("failed: %d; planning again: %d to apply, %d blocked\n", failed, again.Pending(), len(again.Blocked()))
	// Output:
	// set-hourly-rate emma.schultz@acme-studio.example   75.00 → 80.00
	// update-profile  emma.schultz@acme-studio.example   workCapacity PT8H → PT6H
	// update-profile  sofia.rossi@acme-studio.example    weekStart MONDAY → SUNDAY (blocked: approvals pending)
	// invite          new.hire@acme-studio.example       invite; pending until they accept
	// add-to-group    new.hire@acme-studio.example       Design Team
	// failed: 0; planning again: 0 to apply, 1 blocked
}
