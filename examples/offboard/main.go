// Command offboard takes a member out of a workspace: it stops their running timer, removes
// their manager roles and deactivates them, and shows how each of Clockify's rules (the
// owner, admins, pending invitations) is reported. The member is found by e-mail in one
// request, without listing the team. A run where Clockify's rules refused a step exits with
// status 2.
//
// Offline (no CLOCKIFY_API_KEY) it offboards the demo team manager, who has a timer running, on
// the clockifytest demo server, then tries the cases Clockify refuses. Against the real API it
// needs CLOCKIFY_WORKSPACE_ID and the member's e-mail as an argument, and only prints its plan
// unless -apply is given:
//
//	go run ./examples/offboard -apply priya.raman@example.com
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/mail"
	"os"
	"time"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
	"github.com/clockify-go/clockify/examples/internal/demo"
)

// errRefused reports a run where Clockify's rules refused a step.
var errRefused = errors.New("some steps were refused")

func main() {
	apply := flag.Bool("apply", false, "make the changes (against the real API; offline they are always made)")
	flag.Parse()
	err := run(context.Background(), os.Stdout, *apply, flag.Arg(0))
	demo.Exit("offboard", err, errRefused)
}

func run(ctx context.Context, out io.Writer, apply bool, email string) error {
	env, err := demo.Connect(out, nil)
	if err != nil {
		return err
	}
	defer env.Close()
	if !env.Offline() {
		if email == "" {
			return errors.New("usage: CLOCKIFY_API_KEY=… CLOCKIFY_WORKSPACE_ID=… offboard [-apply] EMAIL")
		}
		if a, err := mail.ParseAddress(email); err != nil || a.Address != email {
			return fmt.Errorf("%q is not an e-mail address", email)
		}
		return offboard(ctx, out, env.Client, env.WorkspaceID, email, apply)
	}
	if err := offboard(ctx, out, env.Client, env.WorkspaceID, "priya.raman@acme-studio.example", true); err != nil {
		return err
	}
	showRefusals(ctx, out, env.Server, env.Client)
	return nil
}

// showRefusals tries, on the demo team, the offboarding steps Clockify's rules refuse.
func showRefusals(ctx context.Context, out io.Writer, srv *clockifytest.Server, owner *clockify.Client) {
	ws := clockifytest.DemoWorkspaceID
	fmt.Fprintln(out, "\nWhat Clockify refuses, as the SDK reports it:")
	admin := srv.ClientAs(clockifytest.DemoAdminID)
	cases := []struct {
		what string
		try  func() error
	}{
		{"stop a timer that is not running", func() error {
			_, _, err := owner.Members.StopTimer(ctx, ws, clockifytest.DemoAdminID, time.Now())
			return err
		}},
		{"deactivate the owner", func() error {
			_, _, err := owner.Members.Deactivate(ctx, ws, clockifytest.DemoOwnerID)
			return err
		}},
		{"deactivate a pending invitation", func() error {
			_, _, err := owner.Members.Deactivate(ctx, ws, clockifytest.DemoInvitedID)
			return err
		}},
		{"an admin, not the owner, removes the admin role", func() error {
			_, err := admin.Roles.Remove(ctx, ws, clockifytest.DemoAdminID, clockify.WorkspaceAdmin(ws))
			return err
		}},
		{"remove a member who is still active", func() error {
			_, err := owner.Members.Remove(ctx, ws, clockifytest.DemoMemberID)
			return err
		}},
		{"remove a deactivated member", func() error {
			_, err := owner.Members.Remove(ctx, ws, clockifytest.DemoInactiveID)
			return err
		}},
		{"a project manager's key deactivates a member", func() error {
			pm := srv.ClientAs(clockifytest.DemoProjectManagerID)
			_, _, err := pm.Members.Deactivate(ctx, ws, clockifytest.DemoMemberID)
			return err
		}},
	}
	for _, tc := range cases {
		fmt.Fprintf(out, "- %s:\n    %s\n", tc.what, demo.Explain(tc.try()))
	}
}

// offboard stops the member's running timer, removes every manager role they hold, then
// deactivates them; without apply it only prints what it would do.
func offboard(ctx context.Context, out io.Writer, c *clockify.Client, wsID, email string, apply bool) error {
	u, _, err := c.Members.FindByEmail(ctx, wsID, email) // with their roles, in one request
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Offboarding %s <%s>\n", u.Name, u.Email)
	refused := 0
	step := func(err error) {
		if err != nil {
			refused++
			fmt.Fprintln(out, "    refused:", demo.Explain(err))
		}
	}

	if err := stopTimer(ctx, out, c, wsID, u.ID, apply, step); err != nil {
		return err
	}
	for _, g := range u.RoleGrants() {
		a, err := g.Assignment()
		if err != nil {
			fmt.Fprintf(out, "  keep %s: %v\n", g.Role, err)
			continue
		}
		fmt.Fprintln(out, "  remove role:", a)
		if apply {
			_, err := c.Roles.Remove(ctx, wsID, u.ID, a)
			step(err)
		}
	}
	fmt.Fprintln(out, "  deactivate")
	if !apply {
		fmt.Fprintln(out, "Dry run: nothing was changed. Run again with -apply to make these changes.")
		return nil
	}
	if _, _, err := c.Members.Deactivate(ctx, wsID, u.ID); err != nil {
		step(err)
	} else {
		roles, err := c.Roles.Of(ctx, wsID, u.ID)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "  done: roles now %v\n", roles)
	}
	if refused > 0 {
		return fmt.Errorf("%w (%d)", errRefused, refused)
	}
	return nil
}

// stopTimer stops the member's running timer, if any; a refusal goes to step.
func stopTimer(ctx context.Context, out io.Writer, c *clockify.Client, wsID, userID string, apply bool, step func(error)) error {
	timer, _, err := c.Members.RunningTimer(ctx, wsID, userID)
	switch {
	case errors.Is(err, clockify.ErrNoRunningTimer):
		fmt.Fprintln(out, "  no timer running")
		return nil
	case err != nil:
		return err
	}
	fmt.Fprintf(out, "  stop the running timer: %q, started %s\n", timer.Description, timer.Start.Format(time.RFC3339))
	if !apply {
		return nil
	}
	stopped, _, err := c.Members.StopTimer(ctx, wsID, userID, time.Now())
	switch {
	case errors.Is(err, clockify.ErrNoRunningTimer):
		fmt.Fprintln(out, "    already stopped")
	case err != nil:
		step(err)
	default:
		fmt.Fprintf(out, "    stopped after %s\n", stopped.Elapsed(time.Now()).Round(time.Minute))
	}
	return nil
}
