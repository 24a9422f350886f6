package clockify_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
)

func ExampleMembersService_PendingApprovals() {
	srv := clockifytest.NewDemoServer()
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	pending, _, err := c.Members.PendingApprovals(ctx, clockifytest.DemoWorkspaceID, clockifytest.DemoPendingApprovalsID)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, a := range pending {
		fmt.Println(a.OwnerName, a.Start.Format(time.DateOnly), "to", a.End.Format(time.DateOnly), a.State)
	}

	// Their week start can't change meanwhile; the refusal says by what.
	_, _, err = c.Profiles.Update(ctx, clockifytest.DemoWorkspaceID, clockifytest.DemoPendingApprovalsID,
		&clockify.ProfileUpdate{WeekStart: clockify.Ptr(clockify.Sunday)})
	fmt.Println(errors.Is(err, clockify.ErrPendingApprovals))
	fmt.Println(err)
	// Output:
	// Sofia Rossi 2026-11-02 to 2026-11-08 PENDING
	// Sofia Rossi 2026-11-09 to 2026-11-15 PENDING
	// true
	// clockify: member 64f0a1b2c3d4e5f602000007 has 2 pending approval requests, pending since 2026-11-09 (the oldest, 64f0a1b2c3d4e5f607000001, for 2026-11-02 to 2026-11-08); week start can't be changed until they are approved or rejected
}
