// Command roster-sync makes a Clockify workspace match a roster kept as a CSV file: it plans
// the invitations, new limited members, activations, deactivations, profile, role, group and
// rate changes, prints the plan with every change Clockify's rules would refuse and why, and
// with -apply makes the changes, with a progress bar.
//
// Exit status: 0 when everything planned was applied (or, without -apply, when nothing in the
// plan is blocked); 1 on an error or when a change failed; 2 when the roster file is missing,
// unreadable or bad (every bad line is reported with its number, invalid e-mails and names
// included, and nothing is sent) or the command line is; 3 when Clockify's rules block some
// changes and nothing else went wrong.
//
// Offline (no CLOCKIFY_API_KEY) it syncs the clockifytest demo workspace with the sample
// roster.csv beside it, acting as the demo admin; the demo workspace is set up without the
// LABOR_COST feature, so the sample shows all of Clockify's rules, and it first plans the same
// roster with a team manager's key to show that only Admins and the Owner may make these
// changes (ErrAdminOnly). Against the real API:
//
//	CLOCKIFY_API_KEY=… CLOCKIFY_WORKSPACE_ID=… go run ./examples/roster-sync -csv team.csv [-apply] [-deactivate-unlisted]
//
// The columns of the file are described in csv.go.
package main

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
	"github.com/clockify-go/clockify/examples/internal/cli"
	"github.com/clockify-go/clockify/examples/internal/demo"
)

//go:embed roster.csv
var sampleRoster string

var command = &cli.Command{
	Name:     "roster-sync",
	Synopsis: "-csv FILE [-apply] [-deactivate-unlisted]",
	About: `Roster-sync makes a workspace match a roster kept as a CSV file (a header row, then one member a
row: email or, for a limited member, name; status, capacity, working days, week start, role,
groups, hourly rate, cost rate, picture). It prints the plan with every change Clockify's rules
would refuse and why; with -apply it makes the changes and plans again.

A bad file is refused as a whole, every bad line named, before anything is sent. Without
CLOCKIFY_API_KEY it works offline on the clockifytest demo workspace, with the sample roster
unless -csv is given, acting as the demo admin; against the real API -csv is required.`,
}

type options struct {
	csvPath            string
	apply              bool
	deactivateUnlisted bool
}

// errBadRoster marks a roster file that could not be read; nothing was sent.
var errBadRoster = errors.New("the roster file has errors; nothing was sent")

func main() {
	os.Exit(realMain(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}

// realMain is the whole program: it parses args, runs, and returns the exit status.
func realMain(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	var o options
	fs := command.FlagSet()
	fs.StringVar(&o.csvPath, "csv", "", "the roster `FILE` (offline: the sample roster.csv)")
	fs.BoolVar(&o.apply, "apply", false, "make the changes (otherwise only print the plan)")
	fs.BoolVar(&o.deactivateUnlisted, "deactivate-unlisted", false, "deactivate active members the roster does not list")
	_, err := command.Parse(fs, args, stdout)
	if err == nil {
		err = run(ctx, stdout, stderr, o)
	}
	return command.Exit(err, stderr)
}

func run(ctx context.Context, out, progress io.Writer, o options) error {
	if os.Getenv("CLOCKIFY_API_KEY") != "" && o.csvPath == "" {
		return cli.Usagef("give the roster file: CLOCKIFY_API_KEY=… CLOCKIFY_WORKSPACE_ID=… roster-sync -csv FILE [-apply] [-deactivate-unlisted]")
	}
	env, err := demo.Connect(out, nil)
	if err != nil {
		return err
	}
	defer env.Close()
	rows, err := roster(o.csvPath, env.WorkspaceID)
	if err != nil {
		return err
	}
	if !env.Offline() {
		return syncRoster(ctx, out, progress, env.Client, env.WorkspaceID, rows, o)
	}
	if err := withoutLaborCost(ctx, env); err != nil {
		return err
	}
	fmt.Fprintln(out, "Acting as the admin Daniel Okafor; the demo workspace lacks the LABOR_COST feature here, so cost rates are refused.")
	if err := showAdminOnly(ctx, out, env.Server.ClientAs(clockifytest.DemoTeamManagerID), env.WorkspaceID, rows); err != nil {
		return err
	}
	return syncRoster(ctx, out, progress, env.Server.ClientAs(clockifytest.DemoAdminID), env.WorkspaceID, rows, o)
}

// roster reads the roster file at path (the sample when path is empty); a missing, unreadable or
// bad file is a *cli.UsageError wrapping errBadRoster.
func roster(path, workspaceID string) ([]row, error) {
	var in io.Reader = strings.NewReader(sampleRoster)
	if path != "" {
		f, err := os.Open(path)
		if err != nil {
			return nil, cli.Usagef("%w: %w", errBadRoster, err)
		}
		defer f.Close()
		in = f
	}
	rows, err := readRoster(in, workspaceID)
	if err != nil {
		return nil, cli.Usagef("%w\n%w", errBadRoster, err)
	}
	return rows, nil
}

// withoutLaborCost takes the LABOR_COST feature from the demo workspace, so that the sample's
// cost rates show Clockify's rule.
func withoutLaborCost(ctx context.Context, env *demo.Env) error {
	ws, _, err := env.Client.Workspaces.Get(ctx, env.WorkspaceID)
	if err != nil {
		return err
	}
	features := slices.DeleteFunc(slices.Clone(ws.Features), func(f string) bool { return f == clockifytest.FeatureLaborCost })
	env.Server.SetFeatures(env.WorkspaceID, features...)
	return nil
}

// showAdminOnly plans the roster with a team manager's key, which may change none of it.
func showAdminOnly(ctx context.Context, out io.Writer, c *clockify.Client, wsID string, rows []row) error {
	specs := make([]clockify.MemberSpec, len(rows))
	for i, r := range rows {
		specs[i] = r.spec
	}
	plan, err := c.Members.PlanRoster(ctx, wsID, specs, nil)
	if err != nil {
		return planError(err, rows)
	}
	n := 0
	for _, a := range plan.Blocked() {
		if errors.Is(a.Blocked, clockify.ErrAdminOnly) {
			n++
		}
	}
	fmt.Fprintf(out, "With the team manager Priya Raman's key, %d of the %d changes are blocked by ErrAdminOnly: "+
		"run this with an Admin's or the Owner's API key.\n\n", n, len(plan.Actions))
	return nil
}

// syncRoster plans, prints, and with o.apply applies; an error summing up what is blocked or
// failed.
func syncRoster(ctx context.Context, out, progress io.Writer, c *clockify.Client, wsID string, rows []row, o options) error {
	specs := make([]clockify.MemberSpec, len(rows))
	for i, r := range rows {
		specs[i] = r.spec
	}
	ropts := &clockify.RosterOptions{DeactivateUnlisted: o.deactivateUnlisted}
	plan, err := c.Members.PlanRoster(ctx, wsID, specs, ropts)
	if err != nil {
		return planError(err, rows)
	}
	fmt.Fprint(out, printableLines(plan.String()))
	var blocked []error
	for _, a := range plan.Blocked() {
		blocked = append(blocked, a.Blocked)
	}
	if !o.apply {
		if plan.Pending() > 0 {
			fmt.Fprintln(out, "\nThis was a plan; run with -apply to make the changes.")
		}
		return outcome(blocked, nil)
	}
	var failed []error
	results := c.Members.ApplyRoster(ctx, plan, &clockify.BulkOptions{Progress: func(done, total int, _ clockify.BulkResult) {
		bar(progress, done, total)
	}})
	fmt.Fprintln(out)
	for i, r := range results {
		if r.Err != nil && r.Action.Blocked == nil {
			failed = append(failed, r.Err)
			fmt.Fprintf(out, "failed #%d %s %s: %s\n", i+1, r.Action.Kind, cli.Printable(r.Action.Change), cli.Printable(r.Err.Error()))
		}
	}
	fmt.Fprintf(out, "Applied %d of %d changes.\n", plan.Pending()-len(failed), plan.Pending())
	again, err := c.Members.PlanRoster(ctx, wsID, specs, ropts)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Planning again: %d to apply, %d blocked.\n", again.Pending(), len(again.Blocked()))
	return outcome(blocked, failed)
}

// outcome sums up the blocked and failed changes: exit status 3 for blocked ones alone, 1 when
// any failed.
func outcome(blocked, failed []error) error {
	if len(blocked) == 0 && len(failed) == 0 {
		return nil
	}
	return cli.Reported(fmt.Sprintf("%d change(s) blocked by Clockify's rules, %d failed", len(blocked), len(failed)),
		append(blocked, failed...)...)
}

// planError reports a roster the planner refused (a group the workspace lacks, ...) by its lines;
// other errors (the network, the key) as they are.
func planError(err error, rows []row) error {
	if errors.Is(err, clockify.ErrInvalidInput) {
		return cli.Usagef("%w\n%s", errBadRoster, atLine(err, rows))
	}
	return err
}

// atLine rewrites "specs[3]" in a planning error as the roster line it came from.
func atLine(err error, rows []row) string {
	msg := err.Error()
	for i := len(rows) - 1; i >= 0; i-- {
		msg = strings.ReplaceAll(msg, fmt.Sprintf("specs[%d]", i), fmt.Sprintf("line %d", rows[i].line))
	}
	return msg
}

// bar draws a progress bar on w, rewriting its line.
func bar(w io.Writer, done, total int) {
	const width = 30
	n := width * done / max(total, 1)
	fmt.Fprintf(w, "\r[%s%s] %d/%d", strings.Repeat("#", n), strings.Repeat(".", width-n), done, total)
	if done == total {
		fmt.Fprintln(w)
	}
}

// printableLines is s with cli.Printable applied to each line: names from Clockify cannot act on
// the terminal, and the lines stay.
func printableLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = cli.Printable(l)
	}
	return strings.Join(lines, "\n")
}
