// Command bulk-capacity sets the daily work capacity and working days of every member that
// matches a filter, at the client's rate limit, with a progress bar on stderr and a summary of
// what changed and what Clockify's rules refused.
//
// Offline (no CLOCKIFY_API_KEY) it runs on the clockifytest demo server, with 200 generated
// members besides the demo team. Against the real API it needs CLOCKIFY_WORKSPACE_ID and only
// prints its plan unless -apply is given:
//
//	go run ./examples/bulk-capacity -capacity PT7H30M -days MONDAY,TUESDAY,WEDNESDAY,THURSDAY -name "" -apply
//
// Exit status: 0 when every matching member was changed (or, without -apply, planned); 1 on an
// error, when a change failed or when no member matches; 2 for bad flags (a capacity over
// PT24H, an unknown day), before anything is sent; 3 when Clockify's rules refused some changes.
package main

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
	"github.com/clockify-go/clockify/examples/internal/cli"
	"github.com/clockify-go/clockify/examples/internal/demo"
)

var command = &cli.Command{
	Name:     "bulk-capacity",
	Synopsis: "[-capacity PT7H30M] [-days MONDAY,...] [-name TEXT] [-apply]",
	About: `Bulk-capacity sets the daily work capacity and working days of every member whose name
contains -name (everyone by default), inactive and pending members included, at the client's
rate limit, and sums up what changed and what Clockify's rules refused and why.

Without CLOCKIFY_API_KEY it works offline on the clockifytest demo server (the demo team and 200
generated members) and always makes the changes; against the real API it only prints how many
members it would change unless -apply is given. A run where some change was refused or failed,
or where no member matches, exits non-zero.`,
}

func main() {
	os.Exit(realMain(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}

// realMain is the whole program: it parses args, runs, and returns the exit status.
func realMain(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := command.FlagSet()
	capacity := fs.String("capacity", "PT7H30M", "daily work capacity, ISO-8601, PT0S to PT24H (PT8H, PT7H30M)")
	days := fs.String("days", "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY", "working days, comma-separated")
	name := fs.String("name", "", "only members whose name contains `TEXT` (everyone when empty)")
	apply := fs.Bool("apply", false, "make the changes against the real API (offline they are always made)")
	_, err := command.Parse(fs, args, stdout)
	if err == nil {
		err = run(ctx, stdout, stderr, *capacity, *days, *name, *apply)
	}
	return command.Exit(err, stderr)
}

func run(ctx context.Context, out, progress io.Writer, capacityFlag, daysFlag, name string, apply bool) error {
	update, err := parseUpdate(capacityFlag, daysFlag)
	if err != nil {
		return err
	}
	env, err := demo.Connect(out, func() *clockifytest.Server { return clockifytest.NewDemoServer(clockifytest.WithGeneratedMembers(200)) })
	if err != nil {
		return err
	}
	defer env.Close()

	changes, names, err := matching(ctx, env, name, update)
	switch {
	case err != nil:
		return err
	case len(changes) == 0:
		return fmt.Errorf("no member's name contains %q: nothing was changed", name)
	}
	fmt.Fprintf(out, "%d members: capacity %s, working days %s\n", len(changes), *update.WorkCapacity, *update.WorkingDays)
	if !apply && !env.Offline() {
		fmt.Fprintln(out, "dry run: add -apply to make the changes")
		return nil
	}
	results := env.Client.Profiles.UpdateMany(ctx, env.WorkspaceID, changes, &clockify.BulkOptions{
		Progress: func(done, total int, _ clockify.BulkResult) { bar(progress, done, total) },
	})
	fmt.Fprintln(progress)
	return summarize(out, results, names)
}

// parseUpdate is the profile change the flags ask for, checked before anything is sent: a
// capacity Clockify accepts (PT0S to PT24H, whole seconds) and at least one real day.
func parseUpdate(capacityFlag, daysFlag string) (*clockify.ProfileUpdate, error) {
	capacity, err := clockify.ParseDuration(capacityFlag)
	if err != nil {
		return nil, cli.Usagef("-capacity: %w", err)
	}
	if d := capacity.Std(); d < 0 || d > 24*time.Hour || d%time.Second != 0 {
		return nil, cli.Usagef("-capacity %s: use a whole number of seconds from PT0S to PT24H", capacityFlag)
	}
	var working clockify.WeekdaySet
	for _, d := range strings.Split(daysFlag, ",") {
		working = working.With(clockify.Weekday(strings.ToUpper(strings.TrimSpace(d))))
	}
	if !working.Valid() || working.Len() == 0 {
		return nil, cli.Usagef("-days %q: use MONDAY..SUNDAY, comma-separated", daysFlag)
	}
	return &clockify.ProfileUpdate{WorkCapacity: &capacity, WorkingDays: &working}, nil
}

// matching is update for every member whose name contains name, inactive and pending members
// included (the summary shows why they are refused), with the members' names (or e-mails) by id.
func matching(ctx context.Context, env *demo.Env, name string, update *clockify.ProfileUpdate) ([]clockify.ProfileChange, map[string]string, error) {
	var changes []clockify.ProfileChange
	names := map[string]string{}
	opts := &clockify.ListMembersOptions{Name: name, Status: clockify.MembershipAll, AccountStatuses: demo.EveryAccount()}
	for u, err := range env.Client.Members.All(ctx, env.WorkspaceID, opts) {
		if err != nil {
			return nil, nil, err
		}
		changes = append(changes, clockify.ProfileChange{UserID: u.ID, Update: update})
		names[u.ID] = cmp.Or(u.Name, u.Email)
	}
	return changes, names, nil
}

// summarize counts the changes made and lists the members refused, grouped by the rule that
// refused them (or by the error); an error summing up the failures, nil when every change was
// made.
func summarize(out io.Writer, results []clockify.BulkResult, names map[string]string) error {
	var errs []error
	notMade := map[string][]string{} // "refused (rule)" or "failed (error)" → names
	for _, r := range results {
		if r.Err == nil {
			continue
		}
		errs = append(errs, r.Err)
		why := "failed (" + cli.Printable(r.Err.Error()) + ")"
		if cli.Code(r.Err) == cli.ExitRefused {
			why = "refused (" + demo.Reason(r.Err) + ")"
		}
		notMade[why] = append(notMade[why], cli.Printable(names[r.UserID]))
	}
	fmt.Fprintf(out, "changed: %d\n", len(results)-len(errs))
	for _, why := range slices.Sorted(maps.Keys(notMade)) {
		fmt.Fprintf(out, "%s: %s\n", why, strings.Join(notMade[why], ", "))
	}
	if len(errs) > 0 {
		return cli.Reported(fmt.Sprintf("%d of %d changes were not made", len(errs), len(results)), errs...)
	}
	return nil
}

// bar draws a progress bar on w (stderr), so stdout stays a clean report.
func bar(w io.Writer, done, total int) {
	const width = 40
	filled := width * done / max(total, 1)
	fmt.Fprintf(w, "\r[%s%s] %d/%d", strings.Repeat("#", filled), strings.Repeat(".", width-filled), done, total)
}
