// Command roster-sync makes a Clockify workspace match a roster kept as a CSV file: it plans
// the invitations, new limited members, activations, deactivations, profile, role, group and
// rate changes, prints the plan with every change Clockify's rules would refuse and why, and
// with -apply makes the changes, with a progress bar. It exits with status 1 when something is
// blocked or fails, and 2 when the roster file is bad (every bad line is reported with its
// number, and nothing is sent).
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
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
)

//go:embed roster.csv
var sampleRoster string

type options struct {
	csvPath            string
	apply              bool
	deactivateUnlisted bool
}

// errBadRoster marks a roster file that could not be read; nothing was sent.
var errBadRoster = errors.New("the roster file has errors; nothing was sent")

func main() {
	var o options
	flag.StringVar(&o.csvPath, "csv", "", "the roster file (offline: the sample roster.csv)")
	flag.BoolVar(&o.apply, "apply", false, "make the changes (otherwise only print the plan)")
	flag.BoolVar(&o.deactivateUnlisted, "deactivate-unlisted", false, "deactivate active members the roster does not list")
	flag.Parse()
	err := run(context.Background(), os.Stdout, os.Stderr, o)
	switch {
	case errors.Is(err, errBadRoster):
		fmt.Fprintln(os.Stderr, "roster-sync:", err)
		os.Exit(2)
	case err != nil:
		fmt.Fprintln(os.Stderr, "roster-sync:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, out, progress io.Writer, o options) error {
	if os.Getenv("CLOCKIFY_API_KEY") != "" {
		wsID := os.Getenv("CLOCKIFY_WORKSPACE_ID")
		if wsID == "" || o.csvPath == "" {
			return errors.New("usage: CLOCKIFY_API_KEY=… CLOCKIFY_WORKSPACE_ID=… roster-sync -csv FILE [-apply] [-deactivate-unlisted]")
		}
		f, err := os.Open(o.csvPath)
		if err != nil {
			return err
		}
		defer f.Close()
		rows, err := readRoster(f, wsID)
		if err != nil {
			return fmt.Errorf("%w\n%v", errBadRoster, err)
		}
		c, err := clockify.NewClientFromEnv()
		if err != nil {
			return err
		}
		fmt.Fprintln(out, "Using the real Clockify API, workspace", wsID)
		return syncRoster(ctx, out, progress, c, wsID, rows, o)
	}

	srv := clockifytest.NewDemoServer()
	defer srv.Close()
	ws := clockifytest.DemoWorkspaceID
	var features []string
	for _, f := range clockifytest.DefaultPaidFeatures() {
		if f != clockifytest.FeatureLaborCost {
			features = append(features, f)
		}
	}
	srv.SetFeatures(ws, features...)
	fmt.Fprintln(out, "CLOCKIFY_API_KEY is not set: using the offline demo server (clockifytest), acting as the admin Daniel Okafor;")
	fmt.Fprintln(out, "the demo workspace lacks the LABOR_COST feature here, so cost rates are refused.")
	var in io.Reader = strings.NewReader(sampleRoster)
	if o.csvPath != "" {
		f, err := os.Open(o.csvPath)
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	}
	rows, err := readRoster(in, ws)
	if err != nil {
		return fmt.Errorf("%w\n%v", errBadRoster, err)
	}
	if err := showAdminOnly(ctx, out, srv.ClientAs(clockifytest.DemoTeamManagerID), ws, rows); err != nil {
		return err
	}
	return syncRoster(ctx, out, progress, srv.ClientAs(clockifytest.DemoAdminID), ws, rows, o)
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

// syncRoster plans, prints, and with o.apply applies; an error when anything is blocked or
// fails.
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
	fmt.Fprint(out, plan)
	blocked := len(plan.Blocked())
	if !o.apply {
		if plan.Pending() > 0 {
			fmt.Fprintln(out, "\nThis was a plan; run with -apply to make the changes.")
		}
		return outcome(blocked, 0)
	}
	failed := 0
	results := c.Members.ApplyRoster(ctx, plan, &clockify.BulkOptions{Progress: func(done, total int, _ clockify.BulkResult) {
		bar(progress, done, total)
	}})
	fmt.Fprintln(out)
	for i, r := range results {
		if r.Err != nil && r.Action.Blocked == nil {
			failed++
			fmt.Fprintf(out, "failed #%d %s %s: %v\n", i+1, r.Action.Kind, r.Action.Change, r.Err)
		}
	}
	fmt.Fprintf(out, "Applied %d of %d changes.\n", plan.Pending()-failed, plan.Pending())
	again, err := c.Members.PlanRoster(ctx, wsID, specs, ropts)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Planning again: %d to apply, %d blocked.\n", again.Pending(), len(again.Blocked()))
	return outcome(blocked, failed)
}

func outcome(blocked, failed int) error {
	if blocked == 0 && failed == 0 {
		return nil
	}
	return fmt.Errorf("%d change(s) blocked by Clockify's rules, %d failed", blocked, failed)
}

// planError reports a roster the planner refused (a group the workspace lacks, ...) by its lines;
// other errors (the network, the key) as they are.
func planError(err error, rows []row) error {
	if errors.Is(err, clockify.ErrInvalidInput) {
		return fmt.Errorf("%w\n%s", errBadRoster, atLine(err, rows))
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
