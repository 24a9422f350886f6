package clockify_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
)

func ExampleMembersService_RunningTimer() {
	srv := clockifytest.NewDemoServer()
	defer srv.Close()
	c := srv.Client()
	ctx := context.Background()

	e, _, err := c.Members.RunningTimer(ctx, clockifytest.DemoWorkspaceID, clockifytest.DemoMemberID)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(e.Description, e.Running())

	_, _, err = c.Members.RunningTimer(ctx, clockifytest.DemoWorkspaceID, clockifytest.DemoAdminID)
	fmt.Println(errors.Is(err, clockify.ErrNoRunningTimer), clockify.RuleOf(err))
	// Output:
	// Homepage wireframes true
	// true no_running_timer
}
