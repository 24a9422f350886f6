// Command onboard brings a new person into a workspace: it invites them, sets their daily
// capacity, working days and week start, and makes them team manager of a user group, then
// prints the result. Each step Clockify's rules refuse is explained by its rule.
//
// A profile can't be edited until the invitation is accepted. Offline (no CLOCKIFY_API_KEY) the
// clockifytest demo server plays the new person accepting; against the real API, run onboard
// once to invite, and again with the same flags once they have joined. It needs
// CLOCKIFY_WORKSPACE_ID and -email, and only prints its plan unless -apply is given:
//
//	go run ./examples/onboard -email nina.park@example.com -capacity PT7H30M -group "Design Team" -apply
//
// Exit status: 0 done (or planned); 1 on an error (a group not found, a failed step); 2 for bad
// usage (a bad flag value, an unknown flag, an argument), before anything is sent; 3 when
// Clockify's rules refused a step (a profile before the invitation is accepted).
package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"net/mail"
	"os"
	"strings"
	"time"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
	"github.com/clockify-go/clockify/examples/internal/cli"
	"github.com/clockify-go/clockify/examples/internal/demo"
)

// demoEmail is who the offline run onboards.
const demoEmail = "nina.park@acme-studio.example"

var command = &cli.Command{
	Name:     "onboard",
	Synopsis: "-email ADDRESS [-capacity PT7H30M] [-days MONDAY,...] [-week-start MONDAY] [-group NAME] [-send-email=false] [-apply]",
	About: `Onboard invites a person into a workspace, sets their daily capacity, working days and week
start, and makes them team manager of a user group, then prints the result. A step Clockify's
rules refuse is explained by its rule.

Clockify lets nobody edit a profile until its owner has accepted the invitation: against the real
API, run onboard once to invite and again, with the same flags, once they have joined; -email is
required there, and nothing changes without -apply. Without CLOCKIFY_API_KEY it works offline on
the clockifytest demo server, where the new person (` + demoEmail + ` unless -email is
given) accepts at once, then shows the onboarding steps Clockify refuses.`,
}

type flags struct {
	email, capacity, days, weekStart, group string
	sendEmail, apply                        bool
}

func main() {
	os.Exit(realMain(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}

// realMain is the whole program: it parses args, runs, and returns the exit status.
func realMain(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var f flags
	fs := command.FlagSet()
	fs.StringVar(&f.email, "email", "", "the new member's e-mail `ADDRESS` (offline: "+demoEmail+")")
	fs.StringVar(&f.capacity, "capacity", "PT7H30M", "daily work capacity, ISO-8601, PT0S to PT24H (PT8H, PT7H30M)")
	fs.StringVar(&f.days, "days", "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY", "working days, comma-separated")
	fs.StringVar(&f.weekStart, "week-start", "MONDAY", "first day of the member's week")
	fs.StringVar(&f.group, "group", "", "make the member team manager of the user group with this exact `NAME` (offline: \"Design Team\")")
	fs.BoolVar(&f.sendEmail, "send-email", true, "have Clockify e-mail the invitation")
	fs.BoolVar(&f.apply, "apply", false, "make the changes against the real API (offline they are always made)")
	_, err := command.Parse(fs, args, stdout)
	if err == nil {
		err = run(ctx, stdout, f)
	}
	return command.Exit(err, stderr)
}

// plan is what onboard will do, checked before anything is sent.
type plan struct {
	email     string
	profile   clockify.ProfileUpdate
	group     string
	sendEmail bool
}

func (f flags) plan() (*plan, error) {
	p := &plan{email: f.email, group: f.group, sendEmail: f.sendEmail}
	if a, err := mail.ParseAddress(f.email); err != nil || a.Address != f.email {
		return nil, fmt.Errorf("-email %q is not an e-mail address", f.email)
	}
	capacity, err := clockify.ParseDuration(f.capacity)
	if err != nil {
		return nil, fmt.Errorf("-capacity: %w", err)
	}
	if d := capacity.Std(); d < 0 || d > 24*time.Hour || d%time.Second != 0 {
		return nil, fmt.Errorf("-capacity %s: use a whole number of seconds from PT0S to PT24H", f.capacity)
	}
	var days clockify.WeekdaySet
	for _, d := range strings.Split(f.days, ",") {
		days = days.With(clockify.Weekday(strings.ToUpper(strings.TrimSpace(d))))
	}
	if !days.Valid() || days.Len() == 0 {
		return nil, fmt.Errorf("-days %q: use MONDAY..SUNDAY, comma-separated", f.days)
	}
	start := clockify.Weekday(strings.ToUpper(f.weekStart))
	if !start.Valid() {
		return nil, fmt.Errorf("-week-start %q: use MONDAY..SUNDAY", f.weekStart)
	}
	p.profile = clockify.ProfileUpdate{WorkCapacity: &capacity, WorkingDays: &days, WeekStart: &start}
	return p, nil
}

func run(ctx context.Context, out io.Writer, f flags) error {
	env, err := demo.Connect(out, nil)
	if err != nil {
		return err
	}
	defer env.Close()
	if env.Offline() {
		f.email, f.group = cmp.Or(f.email, demoEmail), cmp.Or(f.group, "Design Team")
	}
	p, err := f.plan()
	if err != nil {
		return &cli.UsageError{Err: err}
	}
	if !env.Offline() {
		return onboard(ctx, out, env.Client, env.WorkspaceID, p, f.apply, nil)
	}
	c, ws := env.Client, env.WorkspaceID
	accept := func(userID string) { env.Server.AcceptInvitation(ws, userID) }
	if err := onboard(ctx, out, c, ws, p, true, accept); err != nil {
		return err
	}
	showRefusals(ctx, out, c)
	return nil
}

// onboard carries out p (or only shows it, unless apply). accept, set only offline, plays the
// new member accepting the invitation.
func onboard(ctx context.Context, out io.Writer, c *clockify.Client, ws string, p *plan, apply bool, accept func(userID string)) error {
	fmt.Fprintf(out, "Onboarding %s: %s\n", p.email, describe(&p.profile))
	u, group, err := lookUp(ctx, out, c, ws, p)
	if err != nil {
		return err
	}
	if !apply {
		fmt.Fprintln(out, "Dry run: nothing was changed. Run again with -apply to make these changes.")
		return nil
	}

	var notDone []error
	refuse := func(step string, err error) error {
		var re *clockify.RestrictionError
		var ve *clockify.ValidationError
		if !errors.As(err, &re) && !errors.As(err, &ve) {
			return err
		}
		notDone = append(notDone, err)
		what := "failed"
		if cli.Code(err) == cli.ExitRefused {
			what = "refused"
		}
		fmt.Fprintf(out, "  %s: %s: %s\n", step, what, demo.Explain(err))
		return nil
	}
	if u == nil {
		if u, _, err = c.Members.InviteMember(ctx, ws, p.email, &clockify.InviteOptions{SendEmail: &p.sendEmail}); err != nil {
			if err := refuse("invite", err); err != nil {
				return err
			}
			return cli.Reported("the invitation was not sent", notDone...)
		}
		fmt.Fprintf(out, "  invited: id %s, %s\n", u.ID, status(u, ws))
	}
	if err := setProfile(ctx, out, c, ws, u, &p.profile, accept); err != nil {
		if err := refuse("profile", err); err != nil {
			return err
		}
	}
	if group != nil {
		if _, _, err := c.Roles.Assign(ctx, ws, u.ID, clockify.TeamManagerOfGroup(group.ID)); err != nil {
			if err := refuse("team manager", err); err != nil {
				return err
			}
		} else {
			fmt.Fprintf(out, "  now team manager of group %q\n", group.Name)
		}
	}
	if err := printResult(ctx, out, c, ws, u.ID); err != nil {
		return err
	}
	if len(notDone) > 0 {
		return cli.Reported(fmt.Sprintf("%d step(s) were not done", len(notDone)), notDone...)
	}
	return nil
}

// lookUp finds the member, if already invited, and the group, and says what onboard will do.
func lookUp(ctx context.Context, out io.Writer, c *clockify.Client, ws string, p *plan) (*clockify.User, *clockify.UserGroup, error) {
	u, _, err := c.Members.FindByEmail(ctx, ws, p.email)
	switch {
	case errors.Is(err, clockify.ErrNotFound):
		u = nil
		fmt.Fprintln(out, "  invite: not a member yet")
	case err != nil:
		return nil, nil, err
	default:
		fmt.Fprintf(out, "  already a member (%s), not invited again\n", status(u, ws))
	}
	if p.group == "" {
		return u, nil, nil
	}
	group, _, err := c.Groups.FindByName(ctx, ws, p.group)
	if err != nil {
		return nil, nil, err
	}
	fmt.Fprintf(out, "  team manager of group %q (%s)\n", group.Name, group.ID)
	return u, group, nil
}

// setProfile sets the new member's capacity, working days and week start. A pending member's
// profile can't be edited: Profiles.Check says so without sending the doomed change, unless
// accept (offline only) lets the demo member join first.
func setProfile(ctx context.Context, out io.Writer, c *clockify.Client, ws string, u *clockify.User, update *clockify.ProfileUpdate, accept func(string)) error {
	if status(u, ws) == clockify.MembershipPending {
		err := c.Profiles.Check(ctx, ws, u.ID, update)
		if accept == nil {
			if err != nil {
				return err // ErrInvitationPending: run again once they have joined
			}
		} else {
			fmt.Fprintln(out, "  before they accept, Profiles.Check says:", demo.Explain(err))
			accept(u.ID)
			fmt.Fprintln(out, "  (demo) they accept the invitation")
		}
	}
	prof, _, err := c.Profiles.Update(ctx, ws, u.ID, update)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "  profile set: %s\n", describeProfile(prof))
	return nil
}

// printResult shows the member as Clockify now has them.
func printResult(ctx context.Context, out io.Writer, c *clockify.Client, ws, userID string) error {
	u, _, err := c.Members.Get(ctx, ws, userID)
	if err != nil {
		return err
	}
	prof, _, err := c.Profiles.Get(ctx, ws, userID)
	if err != nil {
		return err
	}
	var roles []string
	for _, g := range u.RoleGrants() {
		if a, err := g.Assignment(); err == nil {
			roles = append(roles, a.String())
		}
	}
	fmt.Fprintf(out, "Result: %s <%s>, %s; %s; roles: %s\n", cli.Printable(u.Name), cli.Printable(u.Email), status(u, ws), describeProfile(prof), strings.Join(roles, ", "))
	return nil
}

// showRefusals tries, on the demo team, the onboarding steps Clockify's rules refuse.
func showRefusals(ctx context.Context, out io.Writer, c *clockify.Client) {
	ws := clockifytest.DemoWorkspaceID
	fmt.Fprintln(out, "\nWhat Clockify refuses when onboarding, as the SDK reports it:")
	cases := []struct {
		what string
		try  func() error
	}{
		{"invite into a Free-plan workspace", func() error {
			_, _, err := c.Members.InviteMember(ctx, clockifytest.DemoFreeWorkspaceID, "sam@example.com", nil)
			return err
		}},
		{"move the week start of a member with pending approvals", func() error {
			_, _, err := c.Profiles.Update(ctx, ws, clockifytest.DemoPendingApprovalsID, &clockify.ProfileUpdate{WeekStart: clockify.Ptr(clockify.Sunday)})
			return err
		}},
		{"set the week start of a member of three workspaces", func() error {
			_, _, err := c.Profiles.Update(ctx, ws, clockifytest.DemoMultiWorkspaceID, &clockify.ProfileUpdate{WeekStart: clockify.Ptr(clockify.Monday)})
			return err
		}},
	}
	for _, tc := range cases {
		fmt.Fprintf(out, "- %s:\n    %s\n", tc.what, demo.Explain(tc.try()))
	}
}

func status(u *clockify.User, ws string) clockify.MembershipStatus {
	m, _ := u.Membership(ws)
	return m.MembershipStatus
}

func describe(u *clockify.ProfileUpdate) string {
	return fmt.Sprintf("capacity %s, working days %s, week start %s", *u.WorkCapacity, u.WorkingDays, *u.WeekStart)
}

func describeProfile(p *clockify.Profile) string {
	return fmt.Sprintf("capacity %s, working days %s, week start %s", p.WorkCapacity, p.WorkingDays, p.WeekStart)
}
