// Command audit lists every active member of a workspace with their roles, daily capacity,
// working days and running timer, as a table or, with -csv, as CSV. It reads the team a page at
// a time, each member's profile once (at the client's rate limit, with a progress bar on
// stderr) and the running timers once: about members/200 + members + 3 requests, printed at the
// end. A member whose profile could not be read is shown with the error, and the run then exits
// with status 2.
//
// Offline (no CLOCKIFY_API_KEY) it audits the clockifytest demo team. Against the real API it
// needs CLOCKIFY_WORKSPACE_ID; it only reads, so it needs no -apply:
//
//	go run ./examples/audit -csv > team.csv
package main

import (
	"context"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"sync/atomic"
	"text/tabwriter"
	"time"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
	"github.com/clockify-go/clockify/examples/internal/demo"
)

// newDemo starts the demo server audited offline; tests swap it.
var newDemo = func() *clockifytest.Server { return clockifytest.NewDemoServer() }

// errUnreadable reports a run where some members' profiles could not be read.
var errUnreadable = errors.New("some profiles could not be read")

func main() {
	asCSV := flag.Bool("csv", false, "write CSV instead of a table")
	flag.Parse()
	err := run(context.Background(), os.Stdout, os.Stderr, *asCSV)
	demo.Exit("audit", err, errUnreadable)
}

// row is one member of the audit.
type row struct {
	name, email, roles, capacity, days, timer string
}

func run(ctx context.Context, out, progress io.Writer, asCSV bool) error {
	var requests atomic.Int64
	counting := clockify.WithHTTPClient(&http.Client{Timeout: time.Minute, Transport: countingTransport{&requests, http.DefaultTransport}})
	env, err := demo.Connect(progress, newDemo, counting)
	if err != nil {
		return err
	}
	defer env.Close()

	rows, err := audit(ctx, env.Client, env.WorkspaceID, progress)
	if err != nil && !errors.Is(err, errUnreadable) {
		return err
	}
	if asCSV {
		if werr := writeCSV(out, rows); werr != nil {
			return werr
		}
	} else if werr := writeTable(out, rows); werr != nil {
		return werr
	}
	fmt.Fprintf(progress, "%d members in %d requests\n", len(rows), requests.Load())
	return err
}

// audit reads the active members with their roles, then their profiles and the running timers.
func audit(ctx context.Context, c *clockify.Client, ws string, progress io.Writer) ([]row, error) {
	owners, err := holders(ctx, c, ws, clockify.RoleOwner)
	if err != nil {
		return nil, err
	}
	admins, err := holders(ctx, c, ws, clockify.RoleWorkspaceAdmin)
	if err != nil {
		return nil, err
	}
	var members []*clockify.User
	opts := &clockify.ListMembersOptions{Status: clockify.MembershipActive, IncludeRoles: true, SortColumn: clockify.SortByName}
	for u, err := range c.Members.All(ctx, ws, opts) {
		if err != nil {
			return nil, err
		}
		members = append(members, u)
	}
	timers, _, err := c.Members.RunningTimers(ctx, ws)
	if err != nil {
		return nil, err
	}
	running := map[string]*clockify.TimeEntry{}
	for _, e := range timers {
		running[e.UserID] = e
	}

	ids := make([]string, len(members))
	for i, u := range members {
		ids[i] = u.ID
	}
	profiles := c.Profiles.GetMany(ctx, ws, ids, &clockify.BulkOptions{Progress: func(done, total int, _ clockify.BulkResult) {
		fmt.Fprintf(progress, "\rprofiles [%-20s] %d/%d", strings.Repeat("#", done*20/total), done, total)
		if done == total {
			fmt.Fprintln(progress)
		}
	}})

	rows := make([]row, len(members))
	var failed error
	for i, u := range members {
		r := row{name: u.Name, email: u.Email, roles: roles(u, owners[u.ID], admins[u.ID]), timer: "-"}
		if p := profiles[i]; p.Err != nil {
			r.capacity, r.days, failed = "error: "+p.Err.Error(), "", errUnreadable
		} else {
			r.capacity, r.days = p.Profile.WorkCapacity.String(), p.Profile.WorkingDays.String()
		}
		if e := running[u.ID]; e != nil {
			r.timer = fmt.Sprintf("%q for %s", e.Description, e.Elapsed(time.Now()).Round(time.Minute))
		}
		rows[i] = r
	}
	return rows, failed
}

// holders is who holds role, from one filtered search (Clockify counts owners as admins there).
func holders(ctx context.Context, c *clockify.Client, ws string, role clockify.Role) (map[string]bool, error) {
	ids := map[string]bool{}
	f := &clockify.MemberFilter{Roles: []clockify.Role{role}, Status: clockify.MembershipActive, ListOptions: clockify.ListOptions{PageSize: clockify.MaxPageSize}}
	for u, err := range c.Members.FilterAll(ctx, ws, f) {
		if err != nil {
			return nil, err
		}
		ids[u.ID] = true
	}
	return ids, nil
}

// roles sums up a member's roles: OWNER or WORKSPACE_ADMIN, then each manager role and count.
func roles(u *clockify.User, owner, admin bool) string {
	var out []string
	switch {
	case owner:
		out = append(out, "OWNER")
	case admin:
		out = append(out, "WORKSPACE_ADMIN")
	}
	count := map[clockify.Role]int{}
	for _, g := range u.RoleGrants() {
		if g.Role == clockify.RoleTeamManager || g.Role == clockify.RoleProjectManager {
			count[g.Role]++
		}
	}
	for _, r := range []clockify.Role{clockify.RoleTeamManager, clockify.RoleProjectManager} {
		if n := count[r]; n > 0 {
			out = append(out, fmt.Sprintf("%s×%d", r, n))
		}
	}
	if len(out) == 0 {
		return "-"
	}
	return strings.Join(out, " ")
}

var header = []string{"NAME", "EMAIL", "ROLES", "CAPACITY", "WORKING DAYS", "RUNNING TIMER"}

func (r row) fields() []string {
	return []string{r.name, r.email, r.roles, r.capacity, r.days, r.timer}
}

func writeTable(out io.Writer, rows []row) error {
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(header, "\t"))
	for _, r := range rows {
		fmt.Fprintln(tw, strings.Join(r.fields(), "\t"))
	}
	return tw.Flush()
}

func writeCSV(out io.Writer, rows []row) error {
	w := csv.NewWriter(out)
	if err := w.Write(header); err != nil {
		return err
	}
	for _, r := range rows {
		if err := w.Write(r.fields()); err != nil {
			return err
		}
	}
	w.Flush()
	return w.Error()
}

// countingTransport counts the requests sent, to show what the audit cost.
type countingTransport struct {
	n    *atomic.Int64
	next http.RoundTripper
}

func (t countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	t.n.Add(1)
	return t.next.RoundTrip(r)
}
