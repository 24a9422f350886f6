package main

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/clockify-go/clockify"
)

// The roster file: a header row naming the columns (any order, any case; only email or name
// is required), then one member a row. An empty cell leaves that part of the member as
// Clockify has it.
//
//	email         a full member's email address (the key); empty for a limited member
//	name          a limited (kiosk) member's name, the key when email is empty; full
//	              members set their own name on CAKE.com, so it must be empty for them
//	status        active or inactive
//	capacity      daily work capacity: hours (7.5) or ISO-8601 (PT7H30M)
//	working days  days separated by spaces or ";", or a range: MON-FRI, "MON;WED;FRI"
//	week start    a day: MON or MONDAY
//	role          roles separated by ";", or none: admin, project-manager:<project id>,
//	              team-manager:<user id>, team-manager-group:<group id>
//	groups        user groups by exact name or id separated by ";", or none
//	hourly rate   in the workspace currency with up to two decimals: 75 or 75.50
//	cost rate     the same
//	picture       a limited member's picture URL
var columns = []string{"email", "name", "status", "capacity", "working days", "week start", "role", "groups",
	"hourly rate", "cost rate", "picture"}

// row is one member of the file, with the line it came from.
type row struct {
	line int
	spec clockify.MemberSpec
}

// lineError is a problem on one line of the file.
type lineError struct {
	line   int
	column string
	reason string
}

func (e lineError) Error() string {
	if e.column == "" {
		return fmt.Sprintf("line %d: %s", e.line, e.reason)
	}
	return fmt.Sprintf("line %d: %s: %s", e.line, e.column, e.reason)
}

// readRoster parses the file; it reports every bad line, and returns no rows if there is one.
func readRoster(r io.Reader, workspaceID string) ([]row, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	header, err := cr.Read()
	if err != nil {
		return nil, fmt.Errorf("line 1: no header row: %w", err)
	}
	index := map[string]int{}
	var errs []error
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if !contains(columns, h) {
			errs = append(errs, lineError{1, h, "unknown column; the columns are " + strings.Join(columns, ", ")})
		} else if _, dup := index[h]; dup {
			errs = append(errs, lineError{1, h, "column given twice"})
		}
		index[h] = i
	}
	if _, ok := index["email"]; !ok {
		if _, ok := index["name"]; !ok {
			errs = append(errs, lineError{1, "", "the header needs an email or a name column"})
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	var rows []row
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			// A broken quote leaves the reader unsure where rows end: stop there.
			return nil, errors.Join(append(errs, err)...)
		}
		line, _ := cr.FieldPos(0)
		cell := func(col string) string {
			if i, ok := index[col]; ok && i < len(rec) {
				return strings.TrimSpace(rec[i])
			}
			return ""
		}
		if strings.Join(rec, "") == "" {
			continue // a blank line
		}
		sp, rowErrs := parseRow(cell, workspaceID)
		for _, e := range rowErrs {
			e.line = line
			errs = append(errs, e)
		}
		rows = append(rows, row{line: line, spec: sp})
	}
	errs = append(errs, duplicates(rows)...)
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return rows, nil
}

// parseRow turns one row into a spec; the errors lack their line number.
func parseRow(cell func(string) string, workspaceID string) (clockify.MemberSpec, []lineError) {
	var sp clockify.MemberSpec
	var errs []lineError
	fail := func(col, format string, args ...any) {
		errs = append(errs, lineError{column: col, reason: fmt.Sprintf(format, args...)})
	}
	sp.Email = cell("email")
	switch name := cell("name"); {
	case sp.Email == "" && name == "":
		fail("", "give an email (a full member) or a name (a limited member)")
	case sp.Email != "" && name != "":
		fail("name", "only for limited members (no email); full members set their name on CAKE.com")
	case sp.Email == "":
		sp.Name, sp.Limited = name, true
		if reason := checkName(name); reason != "" {
			fail("name", "%s", reason)
		}
	default:
		if reason := checkEmail(sp.Email); reason != "" {
			fail("email", "%s", reason)
		}
	}
	switch s := strings.ToLower(cell("status")); s {
	case "":
	case "active":
		sp.Status = clockify.MembershipActive
	case "inactive":
		sp.Status = clockify.MembershipInactive
	default:
		fail("status", "%q is not active or inactive", s)
	}
	sp.Profile = parseProfile(cell, fail)
	var err error
	if sp.Roles, err = parseRoles(cell("role"), workspaceID); err != nil {
		fail("role", "%v", err)
	} else if r := twice(sp.Roles, clockify.RoleAssignment.String); r != "" {
		fail("role", "%s is listed twice", r)
	}
	sp.Groups = parseList(cell("groups"))
	if g := twice(sp.Groups, func(g string) string { return g }); g != "" {
		fail("groups", "%q is listed twice", g)
	}
	for _, c := range []struct {
		col string
		dst **int64
	}{{"hourly rate", &sp.HourlyRate}, {"cost rate", &sp.CostRate}} {
		if v := cell(c.col); v != "" {
			if n, err := parseMoney(v); err != nil {
				fail(c.col, "%v", err)
			} else {
				*c.dst = &n
			}
		}
	}
	return sp, errs
}

// parseProfile reads the profile columns; nil when the row sets none.
func parseProfile(cell func(string) string, fail func(col, format string, args ...any)) *clockify.ProfileUpdate {
	var p clockify.ProfileUpdate
	profile := false
	if v := cell("capacity"); v != "" {
		if d, err := parseCapacity(v); err != nil {
			fail("capacity", "%v", err)
		} else {
			p.WorkCapacity, profile = &d, true
		}
	}
	if v := cell("working days"); v != "" {
		if days, err := parseDays(v); err != nil {
			fail("working days", "%v", err)
		} else {
			p.WorkingDays, profile = &days, true
		}
	}
	if v := cell("week start"); v != "" {
		if d, ok := parseDay(v); !ok {
			fail("week start", "%q is not a day", v)
		} else {
			p.WeekStart, profile = &d, true
		}
	}
	if v := cell("picture"); v != "" {
		p.ImageURL, profile = &v, true
	}
	if !profile {
		return nil
	}
	return &p
}

// parseList splits "a;b" into its items; "" is nil (not managed) and "none" is empty (none).
func parseList(v string) []string {
	if v == "" {
		return nil
	}
	if strings.EqualFold(v, "none") {
		return []string{}
	}
	var out []string
	for _, s := range strings.Split(v, ";") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func parseRoles(v, workspaceID string) ([]clockify.RoleAssignment, error) {
	items := parseList(v)
	if items == nil {
		return nil, nil
	}
	roles := []clockify.RoleAssignment{}
	for _, it := range items {
		kind, id, _ := strings.Cut(it, ":")
		switch strings.ToLower(strings.TrimSpace(kind)) {
		case "admin":
			roles = append(roles, clockify.WorkspaceAdmin(workspaceID))
			continue
		case "project-manager":
			roles = append(roles, clockify.ProjectManagerOf(strings.TrimSpace(id)))
		case "team-manager":
			roles = append(roles, clockify.TeamManagerOf(strings.TrimSpace(id)))
		case "team-manager-group":
			roles = append(roles, clockify.TeamManagerOfGroup(strings.TrimSpace(id)))
		default:
			return nil, fmt.Errorf("%q is not admin, project-manager:<id>, team-manager:<id> or team-manager-group:<id>", it)
		}
		if strings.TrimSpace(id) == "" {
			return nil, fmt.Errorf("%q needs an id after the colon", it)
		}
	}
	return roles, nil
}

func parseCapacity(v string) (clockify.Duration, error) {
	if strings.HasPrefix(strings.ToUpper(v), "P") {
		d, err := clockify.ParseDuration(strings.ToUpper(v))
		if err == nil && (d.Std() < 0 || d.Std() > 24*time.Hour || d.Std()%time.Second != 0) {
			err = fmt.Errorf("%q is not a whole number of seconds from PT0S to PT24H", v)
		}
		return d, err
	}
	h, err := strconv.ParseFloat(v, 64)
	if err != nil || h < 0 || h > 24 {
		return 0, fmt.Errorf("%q is not a number of hours between 0 and 24, nor an ISO-8601 duration like PT7H30M", v)
	}
	return clockify.Hours(h), nil
}

var dayNames = []clockify.Weekday{clockify.Monday, clockify.Tuesday, clockify.Wednesday, clockify.Thursday,
	clockify.Friday, clockify.Saturday, clockify.Sunday}

func parseDay(v string) (clockify.Weekday, bool) {
	v = strings.ToUpper(strings.TrimSpace(v))
	for _, d := range dayNames {
		if v == string(d) || (len(v) == 3 && strings.HasPrefix(string(d), v)) {
			return d, true
		}
	}
	return "", false
}

func parseDays(v string) (clockify.WeekdaySet, error) {
	if from, to, ok := strings.Cut(v, "-"); ok {
		a, okA := parseDay(from)
		b, okB := parseDay(to)
		if !okA || !okB {
			return 0, fmt.Errorf("%q is not a range of days like MON-FRI", v)
		}
		var set clockify.WeekdaySet
		for i := indexOf(a); ; i = (i + 1) % 7 {
			set = set.With(dayNames[i])
			if dayNames[i] == b {
				return set, nil
			}
		}
	}
	var set clockify.WeekdaySet
	for _, f := range strings.FieldsFunc(v, func(r rune) bool { return r == ';' || r == ' ' || r == ',' }) {
		d, ok := parseDay(f)
		if !ok {
			return 0, fmt.Errorf("%q is not a day", f)
		}
		set = set.With(d)
	}
	if set.Len() == 0 {
		return 0, errors.New("no days given")
	}
	return set, nil
}

func indexOf(d clockify.Weekday) int {
	for i, x := range dayNames {
		if x == d {
			return i
		}
	}
	return 0
}

// parseMoney reads an amount with up to two decimals as minor units: "75.5" is 7550.
func parseMoney(v string) (int64, error) {
	whole, frac, _ := strings.Cut(v, ".")
	if len(frac) > 2 || whole == "" || strings.HasPrefix(whole, "-") || strings.HasPrefix(whole, "+") {
		return 0, fmt.Errorf("%q is not an amount like 75 or 75.50", v)
	}
	frac += strings.Repeat("0", 2-len(frac))
	w, err1 := strconv.ParseInt(whole, 10, 32)
	f, err2 := strconv.ParseInt(frac, 10, 32)
	if err1 != nil || err2 != nil || f < 0 || w*100+f > 1<<31-1 {
		return 0, fmt.Errorf("%q is not an amount like 75 or 75.50", v)
	}
	return w*100 + f, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
