// Command offboard takes a member out of a workspace: it stops their running timer, removes
// their manager roles and deactivates them, and shows how each of Clockify's rules (the
// owner, admins, pending invitations) is reported. The member is found by e-mail in one
// request, without listing the team.
//
// Offline (no CLOCKIFY_API_KEY) it offboards the member whose e-mail is given on the
// clockifytest demo server; without one, the demo team manager, who has a timer running, and
// then it tries the cases Clockify refuses. Against the real API it needs
// CLOCKIFY_WORKSPACE_ID and the member's e-mail as an argument, and only prints its plan
// unless -apply is given:
//
//	go run ./examples/offboard -apply priya.raman@example.com
//
// Exit status: 0 done (or planned); 1 on an error, such as no member with that e-mail; 2 for
// bad usage (a bad or missing e-mail, an unknown flag, an extra argument); 3 when Clockify's
// rules refused a step.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/mail"
	"os"
	"time"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
	"github.com/clockify-go/clockify/examples/internal/cli"
	"github.com/clockify-go/clockify/examples/internal/demo"
)

// demoEmail is who the offline run offboards when no e-mail is given.
const demoEmail = "priya.raman@acme-studio.example"

var command = &cli.Command{
	Name:     "offboard",
	Synopsis: "[-apply] [EMAIL]",
	About: `Offboard takes the member with e-mail EMAIL out of a workspace: it stops their running timer,
removes their manager roles and deactivates them. A step Clockify's rules refuse is explained by
its rule. No member with that e-mail is an error; nobody else is touched.

Against the real API (CLOCKIFY_API_KEY set) EMAIL is required and nothing changes without
-apply. Without CLOCKIFY_API_KEY it works offline on the clockifytest demo server and makes the
changes: to EMAIL's member if given, else to the demo team manager
(` + demoEmail + `), followed by a tour of the steps Clockify refuses.`,
	MaxArgs: 1,
}

func main() {
	os.Exit(realMain(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}

// realMain is the whole program: it parses args, runs, and returns the exit status.
func realMain(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := command.FlagSet()
	apply := fs.Bool("apply", false, "make the changes (against the real API; offline they are always made)")
	rest, err := command.Parse(fs, args, stdout)
	if err == nil {
		email := ""
		if len(rest) > 0 {
			email = rest[0]
		}
		err = run(ctx, stdout, *apply, email)
	}
	return command.Exit(err, stderr)
}

func run(ctx context.Context, out io.Writer, apply bool, email string) error {
	if email != "" {
		if a, err := mail.ParseAddress(email); err != nil || a.Address != email || len(email) > 254 {
			return cli.Usagef("%q is not an e-mail address", email)
		}
	}
	env, err := demo.Connect(out, nil)
	if err != nil {
		return err
	}
	defer env.Close()
	switch {
	case !env.Offline() && email == "":
		return cli.Usagef("give the member's e-mail: CLOCKIFY_API_KEY=… CLOCKIFY_WORKSPACE_ID=… offboard [-apply] EMAIL")
	case !env.Offline():
		return offboard(ctx, out, env.Client, env.WorkspaceID, email, apply)
	case email != "":
		return offboard(ctx, out, env.Client, env.WorkspaceID, email, true)
	}
	if err := offboard(ctx, out, env.Client, env.WorkspaceID, demoEmail, true); err != nil {
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
	switch {
	case errors.Is(err, clockify.ErrNotFound):
		return fmt.Errorf("no member of workspace %s has the e-mail %s; nothing was changed: %w", wsID, email, err)
	case err != nil:
		return err
	}
	fmt.Fprintf(out, "Offboarding %s <%s>\n", cli.Printable(u.Name), cli.Printable(u.Email))
	var refused []error
	step := func(err error) {
		if err != nil {
			refused = append(refused, err)
			what := "failed"
			if cli.Code(err) == cli.ExitRefused {
				what = "refused"
			}
			fmt.Fprintf(out, "    %s: %s\n", what, demo.Explain(err))
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
	if len(refused) > 0 {
		return cli.Reported(fmt.Sprintf("%d step(s) were not done", len(refused)), refused...)
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
