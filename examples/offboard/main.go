// Command offboard removes a member's manager roles and deactivates them, and shows how each
// of Clockify's rules (the owner, admins, pending invitations) is reported.
//
// Offline (no CLOCKIFY_API_KEY) it offboards the demo team manager on the clockifytest demo
// server, then tries the cases Clockify refuses. Against the real API it needs
// CLOCKIFY_WORKSPACE_ID and the member's id as an argument, and only prints its plan unless
// -apply is given:
//
//	go run ./examples/offboard -apply 5e5b94837df81c0df5f2979c
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
)

func main() {
	apply := flag.Bool("apply", false, "make the changes (against the real API; offline they are always made)")
	flag.Parse()
	if err := run(context.Background(), os.Stdout, *apply, flag.Arg(0)); err != nil {
		fmt.Fprintln(os.Stderr, "offboard:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, out io.Writer, apply bool, userID string) error {
	if os.Getenv("CLOCKIFY_API_KEY") != "" {
		wsID := os.Getenv("CLOCKIFY_WORKSPACE_ID")
		if wsID == "" || userID == "" {
			return errors.New("usage: CLOCKIFY_API_KEY=… CLOCKIFY_WORKSPACE_ID=… offboard [-apply] USER_ID")
		}
		c, err := clockify.NewClientFromEnv()
		if err != nil {
			return err
		}
		fmt.Fprintln(out, "Using the real Clockify API, workspace", wsID)
		return offboard(ctx, out, c, wsID, userID, apply)
	}

	srv := clockifytest.NewDemoServer()
	defer srv.Close()
	fmt.Fprintln(out, "CLOCKIFY_API_KEY is not set: using the offline demo server (clockifytest)")
	owner := srv.Client()
	ws := clockifytest.DemoWorkspaceID

	if err := offboard(ctx, out, owner, ws, clockifytest.DemoTeamManagerID, true); err != nil {
		return err
	}

	fmt.Fprintln(out, "\nWhat Clockify refuses, as the SDK reports it:")
	admin := srv.ClientAs(clockifytest.DemoAdminID)
	cases := []struct {
		what string
		try  func() error
	}{
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
		fmt.Fprintf(out, "- %s:\n    %s\n", tc.what, explain(tc.try()))
	}
	return nil
}

// offboard removes every manager role userID holds, then deactivates them.
func offboard(ctx context.Context, out io.Writer, c *clockify.Client, wsID, userID string, apply bool) error {
	u, err := findWithRoles(ctx, c, wsID, userID)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Offboarding %s <%s>\n", u.Name, u.Email)
	for _, g := range u.RoleGrants() {
		a, err := g.Assignment()
		if err != nil {
			fmt.Fprintf(out, "  keep %s: %v\n", g.Role, err)
			continue
		}
		fmt.Fprintln(out, "  remove role:", a)
		if apply {
			if _, err := c.Roles.Remove(ctx, wsID, userID, a); err != nil {
				fmt.Fprintln(out, "    refused:", explain(err))
			}
		}
	}
	fmt.Fprintln(out, "  deactivate")
	if apply {
		if _, _, err := c.Members.Deactivate(ctx, wsID, userID); err != nil {
			fmt.Fprintln(out, "    refused:", explain(err))
			return nil
		}
		roles, err := c.Roles.Of(ctx, wsID, userID)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "  done: roles now %v\n", roles)
	}
	return nil
}

// findWithRoles finds the member with the role details Clockify adds on include-roles.
func findWithRoles(ctx context.Context, c *clockify.Client, wsID, userID string) (*clockify.User, error) {
	opts := &clockify.ListMembersOptions{Status: clockify.MembershipAll, AccountStatuses: clockify.AllAccountStatuses, IncludeRoles: true}
	for u, err := range c.Members.All(ctx, wsID, opts) {
		if err != nil {
			return nil, err
		}
		if u.ID == userID {
			return u, nil
		}
	}
	return nil, fmt.Errorf("no member %s in workspace %s", userID, wsID)
}

// explain names the rule behind an error, the way a program would branch on it.
func explain(err error) string {
	if err == nil {
		return "accepted"
	}
	if errors.Is(err, clockify.ErrAdminOnly) {
		return "ErrAdminOnly: the key is neither a workspace Admin's nor the Owner's; run this with an Admin's or the Owner's API key"
	}
	rules := []struct {
		rule error
		name string
	}{
		{clockify.ErrOwnerImmutable, "ErrOwnerImmutable"},
		{clockify.ErrOwnerOnly, "ErrOwnerOnly"},
		{clockify.ErrInvitationPending, "ErrInvitationPending"},
		{clockify.ErrMustDeactivateFirst, "ErrMustDeactivateFirst"},
		{clockify.ErrRemovedInCAKE, "ErrRemovedInCAKE"},
	}
	for _, r := range rules {
		if errors.Is(err, r.rule) {
			return r.name + ": " + err.Error()
		}
	}
	return err.Error()
}
