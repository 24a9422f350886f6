// Command bulk-capacity sets the daily work capacity and working days of every member that
// matches a filter, at the client's rate limit, with a progress bar on stderr and a summary of
// what changed and what Clockify's rules refused.
//
// Offline (no CLOCKIFY_API_KEY) it runs on the clockifytest demo server, with 200 generated
// members besides the demo team. Against the real API it needs CLOCKIFY_WORKSPACE_ID and only
// prints its plan unless -apply is given:
//
//	go run ./examples/bulk-capacity -capacity PT7H30M -days MONDAY,TUESDAY,WEDNESDAY,THURSDAY -name "" -apply
package main

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
	"github.com/clockify-go/clockify/examples/internal/demo"
)

func main() {
	capacity := flag.String("capacity", "PT7H30M", "daily work capacity, ISO-8601 (PT8H, PT7H30M)")
	days := flag.String("days", "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY", "working days, comma-separated")
	name := flag.String("name", "", "only members whose name contains this")
	apply := flag.Bool("apply", false, "make the changes against the real API (offline they are always made)")
	flag.Parse()
	demo.Exit("bulk-capacity", run(context.Background(), os.Stdout, *capacity, *days, *name, *apply), nil)
}

func run(ctx context.Context, out io.Writer, capacityFlag, daysFlag, name string, apply bool) error {
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
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "%d members: capacity %s, working days %s\n", len(changes), *update.WorkCapacity, *update.WorkingDays)
	if !apply && !env.Offline() {
		fmt.Fprintln(out, "dry run: add -apply to make the changes")
		return nil
	}
	results := env.Client.Profiles.UpdateMany(ctx, env.WorkspaceID, changes, &clockify.BulkOptions{
		Progress: func(done, total int, _ clockify.BulkResult) { progress(done, total) },
	})
	fmt.Fprintln(os.Stderr)
	summarize(out, results, names)
	return nil
}

// parseUpdate is the profile change the flags ask for, checked before anything is sent.
func parseUpdate(capacityFlag, daysFlag string) (*clockify.ProfileUpdate, error) {
	capacity, err := clockify.ParseDuration(capacityFlag)
	if err != nil {
		return nil, err
	}
	var working clockify.WeekdaySet
	for _, d := range strings.Split(daysFlag, ",") {
		working = working.With(clockify.Weekday(strings.ToUpper(strings.TrimSpace(d))))
	}
	if !working.Valid() {
		return nil, fmt.Errorf("-days %q: use MONDAY..SUNDAY, comma-separated", daysFlag)
	}
	return &clockify.ProfileUpdate{WorkCapacity: &capacity, WorkingDays: &working}, nil
}

// matching is update for every member whose name contains name, inactive and pending members
// included (the summary shows why they are refused), with the members' names (or e-mails) by id.
func matching(ctx context.Context, env *demo.Env, name string, update *clockify.ProfileUpdate) ([]clockify.ProfileChange, map[string]string, error) {
	var changes []clockify.ProfileChange
	names := map[string]string{}
	opts := &clockify.ListMembersOptions{Name: name, Status: clockify.MembershipAll, AccountStatuses: clockify.AllAccountStatuses()}
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
// refused them.
func summarize(out io.Writer, results []clockify.BulkResult, names map[string]string) {
	changed := 0
	refused := map[string][]string{} // reason → names
	for _, r := range results {
		if r.Err == nil {
			changed++
			continue
		}
		reason := demo.Reason(r.Err)
		refused[reason] = append(refused[reason], names[r.UserID])
	}
	fmt.Fprintf(out, "changed: %d\n", changed)
	for _, r := range slices.Sorted(maps.Keys(refused)) {
		fmt.Fprintf(out, "refused (%s): %s\n", r, strings.Join(refused[r], ", "))
	}
}

// progress draws a bar on stderr, so stdout stays a clean report.
func progress(done, total int) {
	const width = 40
	filled := width * done / max(total, 1)
	fmt.Fprintf(os.Stderr, "\r[%s%s] %d/%d", strings.Repeat("#", filled), strings.Repeat(".", width-filled), done, total)
}
