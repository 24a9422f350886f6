// Command quickstart shows the team of a Clockify workspace with each member's role, daily
// capacity and working days, updates one profile, and shows how a change Clockify forbids is
// reported.
//
// With CLOCKIFY_API_KEY and CLOCKIFY_WORKSPACE_ID set it uses the real API (and changes the
// capacity of the member named by CLOCKIFY_USER_ID, if set); otherwise it starts the
// clockifytest demo server in-process and works offline.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
)

func main() {
	if err := run(context.Background(), os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, out io.Writer) error {
	c, wsID, target, refused, cleanup, err := connect(out)
	if err != nil {
		return err
	}
	defer cleanup()

	names, err := printTeam(ctx, out, c, wsID)
	if err != nil {
		return err
	}

	if target != "" {
		fmt.Fprintln(out, "\nSetting a 7.5-hour day, Monday to Friday, for", orDash(names[target]))
		p, _, err := c.Profiles.Update(ctx, wsID, target, &clockify.ProfileUpdate{
			WorkCapacity: clockify.Ptr(clockify.Hours(7.5)),
			WorkingDays:  clockify.Ptr(clockify.Weekdays),
		})
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "  now: %s, %s\n", p.WorkCapacity, days(p.WorkingDays))
	}

	if refused != "" {
		fmt.Fprintln(out, "\nTrying to move the week start of", names[refused]+", who has pending approvals:")
		_, _, err := c.Profiles.Update(ctx, wsID, refused, &clockify.ProfileUpdate{WeekStart: clockify.Ptr(clockify.Sunday)})
		var rerr *clockify.RestrictionError
		switch {
		case errors.Is(err, clockify.ErrPendingApprovals) && errors.As(err, &rerr):
			fmt.Fprintln(out, "  refused:", rerr.Error())
			if rerr.Err != nil {
				fmt.Fprintln(out, "  server said:", rerr.Err.StatusCode, rerr.Err.Message)
			}
		case err != nil:
			return err
		default:
			fmt.Fprintln(out, "  accepted (this member had no pending approvals)")
		}
	}
	return nil
}

// connect returns a client for the real API when CLOCKIFY_API_KEY is set, else one for the
// in-process demo server, with the member to update and the one whose change is refused.
func connect(out io.Writer) (c *clockify.Client, wsID, target, refused string, cleanup func(), err error) {
	if os.Getenv("CLOCKIFY_API_KEY") != "" {
		wsID = os.Getenv("CLOCKIFY_WORKSPACE_ID")
		if wsID == "" {
			return nil, "", "", "", nil, errors.New("set CLOCKIFY_WORKSPACE_ID along with CLOCKIFY_API_KEY")
		}
		c, err = clockify.NewClientFromEnv()
		if err != nil {
			return nil, "", "", "", nil, err
		}
		fmt.Fprintln(out, "Using the real Clockify API, workspace", wsID)
		return c, wsID, os.Getenv("CLOCKIFY_USER_ID"), "", func() {}, nil
	}
	srv := clockifytest.NewDemoServer()
	fmt.Fprintln(out, "CLOCKIFY_API_KEY is not set: using the offline demo server (clockifytest) at", srv.URL)
	return srv.Client(), clockifytest.DemoWorkspaceID, clockifytest.DemoMemberID,
		clockifytest.DemoPendingApprovalsID, srv.Close, nil
}

// printTeam lists every member, limited and inactive ones included, with role and profile,
// and returns their names by id.
func printTeam(ctx context.Context, out io.Writer, c *clockify.Client, wsID string) (map[string]string, error) {
	roles, err := roleIndex(ctx, c, wsID)
	if err != nil {
		return nil, err
	}
	names := map[string]string{}
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "NAME\tEMAIL\tSTATUS\tROLE\tCAPACITY\tWORKING DAYS")
	opts := &clockify.ListMembersOptions{
		Status:          clockify.MembershipAll,
		AccountStatuses: clockify.AllAccountStatuses(),
		Memberships:     clockify.IncludeWorkspaceMemberships,
		SortColumn:      clockify.SortByName,
	}
	for u, err := range c.Members.All(ctx, wsID, opts) {
		if err != nil {
			return nil, err
		}
		names[u.ID] = u.Name
		status := string(u.Status)
		if m, ok := u.Membership(wsID); ok {
			status = string(m.MembershipStatus)
		}
		if u.Status == clockify.AccountLimited {
			status += " (limited)"
		}
		capacity, working := "-", "-"
		if p, _, err := c.Profiles.Get(ctx, wsID, u.ID); err == nil {
			capacity, working = p.WorkCapacity.String(), days(p.WorkingDays)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", orDash(u.Name), orDash(u.Email), status,
			orDash(roles[u.ID]), capacity, working)
	}
	return names, tw.Flush()
}

// roleIndex maps user ids to their highest role, with one filtered search per role.
func roleIndex(ctx context.Context, c *clockify.Client, wsID string) (map[string]string, error) {
	idx := map[string]string{}
	// Lowest first, so a higher role overwrites; the filter counts owners as admins.
	for _, r := range []clockify.Role{clockify.RoleProjectManager, clockify.RoleTeamManager, clockify.RoleWorkspaceAdmin, clockify.RoleOwner} {
		f := &clockify.MemberFilter{Roles: []clockify.Role{r}, Status: clockify.MembershipAll}
		for u, err := range c.Members.FilterAll(ctx, wsID, f) {
			if err != nil {
				return nil, err
			}
			idx[u.ID] = strings.ToLower(strings.ReplaceAll(string(r), "_", " "))
		}
	}
	return idx, nil
}

// days writes a working-day set compactly: "Mon–Fri", "Mon Tue Thu".
func days(s clockify.WeekdaySet) string {
	switch s {
	case clockify.Weekdays:
		return "Mon–Fri"
	case clockify.AllDays:
		return "every day"
	case 0:
		return "-"
	}
	var parts []string
	for _, d := range s.Days() {
		w := string(d)
		parts = append(parts, w[:1]+strings.ToLower(w[1:3]))
	}
	return strings.Join(parts, " ")
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
