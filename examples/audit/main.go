// Command audit lists the active team of a workspace, limited (kiosk) members included, with
// their roles, daily capacity, working days and running timer, as a table or, with -csv, as
// CSV. It reads the team a page at a time, each member's profile once (at the client's rate
// limit, with a progress bar on stderr) and the running timers once: about members/200 +
// members + 3 requests, printed at the end.
//
// Clockify's member list leaves limited members out unless account-statuses asks for them, so
// the audit lists the ACTIVE memberships of ACTIVE, PENDING_EMAIL_VERIFICATION,
// NOT_REGISTERED and LIMITED accounts.
//
// Names and other text from Clockify are printed without control characters in the table,
// and CSV cells that a spreadsheet would run as a formula (beginning with =, +, -, @, a tab or
// a carriage return) get a leading single quote. A member whose profile could not be read is
// shown with the error, and the run exits with status 1 (3 when only Clockify's rules refused
// the reads).
//
// Offline (no CLOCKIFY_API_KEY) it audits the clockifytest demo team. Against the real API it
// needs CLOCKIFY_WORKSPACE_ID; it only reads, so it needs no -apply:
//
//	go run ./examples/audit -csv > team.csv
package main

import (
	"context"
	"encoding/csv"
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
	"github.com/clockify-go/clockify/examples/internal/cli"
	"github.com/clockify-go/clockify/examples/internal/demo"
)

var command = &cli.Command{
	Name:     "audit",
	Synopsis: "[-csv]",
	About: `Audit lists the active team of a workspace, limited (kiosk) members included, with roles,
daily capacity, working days and running timer, as a table or as CSV. It only reads.

In the table, control characters are removed from names and other text; in CSV, a cell
beginning with =, +, -, @, a tab or a carriage return gets a leading ' so that a spreadsheet
shows it as text. Without CLOCKIFY_API_KEY it audits the offline clockifytest demo team.`,
}

// newDemo starts the demo server audited offline; tests swap it.
var newDemo = func() *clockifytest.Server { return clockifytest.NewDemoServer() }

func main() {
	os.Exit(realMain(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}

// realMain is the whole program: it parses args, runs, and returns the exit status.
func realMain(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := command.FlagSet()
	asCSV := fs.Bool("csv", false, "write CSV instead of a table")
	_, err := command.Parse(fs, args, stdout)
	if err == nil {
		err = run(ctx, stdout, stderr, *asCSV)
	}
	return command.Exit(err, stderr)
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

	rows, unreadable, err := audit(ctx, env.Client, env.WorkspaceID, progress)
	if err != nil {
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
	if len(unreadable) > 0 {
		return cli.Reported(fmt.Sprintf("%d of %d profiles could not be read", len(unreadable), len(rows)), unreadable...)
	}
	return nil
}

// audit reads the active members with their roles, then their profiles and the running timers;
// unreadable holds the errors of the profiles it could not read.
func audit(ctx context.Context, c *clockify.Client, ws string, progress io.Writer) (rows []row, unreadable []error, err error) {
	members, running, err := readTeam(ctx, c, ws)
	if err != nil {
		return nil, nil, err
	}
	owners, err := holders(ctx, c, ws, clockify.RoleOwner)
	if err != nil {
		return nil, nil, err
	}
	admins, err := holders(ctx, c, ws, clockify.RoleWorkspaceAdmin)
	if err != nil {
		return nil, nil, err
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

	rows = make([]row, len(members))
	for i, u := range members {
		r := row{name: u.Name, email: u.Email, roles: roles(u, owners[u.ID], admins[u.ID])}
		if p := profiles[i]; p.Err != nil {
			r.capacity = "error: " + p.Err.Error()
			unreadable = append(unreadable, p.Err)
		} else {
			r.capacity, r.days = p.Profile.WorkCapacity.String(), p.Profile.WorkingDays.String()
		}
		if e := running[u.ID]; e != nil {
			r.timer = fmt.Sprintf("%q for %s", e.Description, e.Elapsed(time.Now()).Round(time.Minute))
		}
		rows[i] = r
	}
	return rows, unreadable, nil
}

// readTeam lists the active members, limited ones included, and the running timers by member.
func readTeam(ctx context.Context, c *clockify.Client, ws string) ([]*clockify.User, map[string]*clockify.TimeEntry, error) {
	var members []*clockify.User
	// Without account-statuses naming LIMITED, Clockify leaves limited members out.
	opts := &clockify.ListMembersOptions{Status: clockify.MembershipActive, AccountStatuses: demo.ActiveAccounts(),
		IncludeRoles: true, SortColumn: clockify.SortByName}
	for u, err := range c.Members.All(ctx, ws, opts) {
		if err != nil {
			return nil, nil, err
		}
		members = append(members, u)
	}
	timers, _, err := c.Members.RunningTimers(ctx, ws)
	if err != nil {
		return nil, nil, err
	}
	running := map[string]*clockify.TimeEntry{}
	for _, e := range timers {
		running[e.UserID] = e
	}
	return members, running, nil
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
	return strings.Join(out, " ")
}

var header = []string{"NAME", "EMAIL", "ROLES", "CAPACITY", "WORKING DAYS", "RUNNING TIMER"}

// fields are r's cells as Clockify has them; "" is none.
func (r row) fields() []string {
	return []string{r.name, r.email, r.roles, r.capacity, r.days, r.timer}
}

// writeTable writes rows for a terminal: without control characters, "-" for none.
func writeTable(out io.Writer, rows []row) error {
	tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(header, "\t"))
	for _, r := range rows {
		cells := r.fields()
		for i, c := range cells {
			if cells[i] = cli.Printable(c); cells[i] == "" {
				cells[i] = "-"
			}
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	return tw.Flush()
}

// writeCSV writes rows for a spreadsheet: a cell that could run as a formula is quoted with ',
// an empty cell is none.
func writeCSV(out io.Writer, rows []row) error {
	w := csv.NewWriter(out)
	if err := w.Write(header); err != nil {
		return err
	}
	for _, r := range rows {
		cells := r.fields()
		for i, c := range cells {
			cells[i] = cli.CSVCell(c)
		}
		if err := w.Write(cells); err != nil {
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
