package clockify

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// TimeEntry is a time entry as Clockify returns it. A running entry (a timer) has a nil End
// and a zero Duration; Elapsed tells how long it has been running.
type TimeEntry struct {
	ID          string
	UserID      string
	WorkspaceID string
	ProjectID   string
	TaskID      string
	TagIDs      []string
	Description string
	Billable    bool
	IsLocked    bool
	// Type is REGULAR, BREAK, HOLIDAY or TIME_OFF.
	Type  string
	Start time.Time
	// End is nil while the entry is running.
	End *time.Time
	// Duration is End minus Start, as Clockify computed it; 0 while running.
	Duration Duration
	// HourlyRate and CostRate are the entry's rates, when Clockify sends them.
	HourlyRate *Money
	CostRate   *Money
	// CustomFieldValues are the entry's custom-field values, as sent.
	CustomFieldValues []json.RawMessage
	// Extra holds every other key Clockify sent, as sent, and IntervalExtra every other key of
	// its timeInterval (timeZone, zonedStart, ...); MarshalJSON writes both back.
	Extra         map[string]json.RawMessage
	IntervalExtra map[string]json.RawMessage
}

// Running reports whether the entry is a timer still running; a nil *TimeEntry is not.
func (e *TimeEntry) Running() bool { return e != nil && e.End == nil }

// Elapsed is how long the entry lasted, or for a running timer how long it has run until now;
// 0 for a nil *TimeEntry.
func (e *TimeEntry) Elapsed(now time.Time) time.Duration {
	if e == nil {
		return 0
	}
	if e.End != nil {
		return e.End.Sub(e.Start)
	}
	return now.Sub(e.Start)
}

// timeEntryWire is Clockify's shape of a time entry, with its times in timeInterval. Every key
// is written, so that a decoded entry encodes with each key it came with.
type timeEntryWire struct {
	ID                string            `json:"id"`
	UserID            string            `json:"userId"`
	WorkspaceID       string            `json:"workspaceId"`
	ProjectID         string            `json:"projectId"`
	TaskID            string            `json:"taskId"`
	TagIDs            []string          `json:"tagIds"`
	Description       string            `json:"description"`
	Billable          bool              `json:"billable"`
	IsLocked          bool              `json:"isLocked"`
	Type              string            `json:"type"`
	HourlyRate        *Money            `json:"hourlyRate"`
	CostRate          *Money            `json:"costRate"`
	CustomFieldValues []json.RawMessage `json:"customFieldValues"`
	TimeInterval      timeIntervalWire  `json:"timeInterval"`
}

var timeEntryKeys = jsonKeys[timeEntryWire]()

// timeIntervalWire is an entry's timeInterval; keys beyond start, end and duration (Clockify
// adds timeZone, zonedStart, ... to some answers) are kept in Extra.
type timeIntervalWire struct {
	Start    *time.Time                 `json:"start"`
	End      *time.Time                 `json:"end"`
	Duration *Duration                  `json:"duration"`
	Extra    map[string]json.RawMessage `json:"-"`
}

var timeIntervalKeys = jsonKeys[timeIntervalWire]()

func (t *timeIntervalWire) UnmarshalJSON(b []byte) error {
	type plain timeIntervalWire
	var p plain
	if err := json.Unmarshal(b, &p); err != nil {
		return err
	}
	*t = timeIntervalWire(p)
	t.Extra = extraKeys(b, timeIntervalKeys)
	return nil
}

func (t timeIntervalWire) MarshalJSON() ([]byte, error) {
	type plain timeIntervalWire
	b, err := json.Marshal(plain(t))
	if err != nil {
		return nil, err
	}
	return appendExtra(b, t.Extra, timeIntervalKeys)
}

// UnmarshalJSON reads Clockify's shape, {…, "timeInterval": {"start", "end", "duration"}},
// where end and duration are null while the entry runs.
func (e *TimeEntry) UnmarshalJSON(b []byte) error {
	var w timeEntryWire
	if err := json.Unmarshal(b, &w); err != nil {
		return err
	}
	*e = TimeEntry{ID: w.ID, UserID: w.UserID, WorkspaceID: w.WorkspaceID, ProjectID: w.ProjectID, TaskID: w.TaskID,
		TagIDs: w.TagIDs, Description: w.Description, Billable: w.Billable, IsLocked: w.IsLocked, Type: w.Type,
		HourlyRate: w.HourlyRate, CostRate: w.CostRate, End: w.TimeInterval.End, CustomFieldValues: w.CustomFieldValues,
		Extra: extraKeys(b, timeEntryKeys), IntervalExtra: w.TimeInterval.Extra}
	if w.TimeInterval.Start != nil {
		e.Start = *w.TimeInterval.Start
	}
	if w.TimeInterval.Duration != nil {
		e.Duration = *w.TimeInterval.Duration
	}
	return nil
}

// MarshalJSON writes Clockify's shape, so an entry round-trips.
func (e TimeEntry) MarshalJSON() ([]byte, error) {
	w := timeEntryWire{ID: e.ID, UserID: e.UserID, WorkspaceID: e.WorkspaceID, ProjectID: e.ProjectID, TaskID: e.TaskID,
		TagIDs: e.TagIDs, Description: e.Description, Billable: e.Billable, IsLocked: e.IsLocked, Type: e.Type,
		HourlyRate: e.HourlyRate, CostRate: e.CostRate, CustomFieldValues: e.CustomFieldValues}
	w.TimeInterval.Start, w.TimeInterval.End, w.TimeInterval.Extra = &e.Start, e.End, e.IntervalExtra
	if e.End != nil {
		w.TimeInterval.Duration = &e.Duration
	}
	b, err := json.Marshal(w)
	if err != nil {
		return nil, err
	}
	return appendExtra(b, e.Extra, timeEntryKeys)
}

// maxRunningPageSize is the largest page of running timers Clockify serves.
const maxRunningPageSize = 1000

// RunningTimers returns every time entry now running in the workspace: who has a timer going,
// since when, on what. It needs an owner's or admin's key. It costs one request per 1000
// running timers (Clockify's largest page); resp is the last page's.
//
// Clockify API: GET /v1/workspaces/{workspaceId}/time-entries/status/in-progress
func (s *MembersService) RunningTimers(ctx context.Context, workspaceID string) ([]*TimeEntry, *Response, error) {
	if err := requireIDs("workspaceID", workspaceID); err != nil {
		return nil, nil, err
	}
	path := "v1/workspaces/" + url.PathEscape(workspaceID) + "/time-entries/status/in-progress"
	var all []*TimeEntry
	var last *Response
	fetch := func(ctx context.Context, page int) ([]*TimeEntry, *Response, error) {
		q := url.Values{"page": {strconv.Itoa(page)}, "page-size": {strconv.Itoa(maxRunningPageSize)}}
		entries, resp, err := doList[TimeEntry](ctx, clientOf(s), op{method: http.MethodGet, path: path, query: q, retrySafe: true, page: page})
		last = resp
		return entries, resp, err
	}
	for e, err := range pages(ctx, maxRunningPageSize, func(e *TimeEntry) string { return e.ID }, fetch) {
		if err != nil {
			return nil, last, err
		}
		all = append(all, e)
	}
	return all, last, nil
}

// RunningTimer returns the member's running time entry. A member with no timer running is a
// *RestrictionError matching ErrNoRunningTimer (its Err nil: Clockify answered, with no entry).
// It costs one request, to the member's own time entries filtered to the one in progress, so it
// needs an owner's or admin's key for anyone but the key's own user.
//
// Clockify API: GET /v1/workspaces/{workspaceId}/user/{userId}/time-entries?in-progress=true&page-size=1
func (s *MembersService) RunningTimer(ctx context.Context, workspaceID, userID string) (*TimeEntry, *Response, error) {
	if err := requireIDs("workspaceID", workspaceID, "userID", userID); err != nil {
		return nil, nil, err
	}
	// Singular "user", as for StopTimer.
	path := "v1/workspaces/" + url.PathEscape(workspaceID) + "/user/" + url.PathEscape(userID) + "/time-entries"
	q := url.Values{"in-progress": {"true"}, "page-size": {"1"}}
	entries, resp, err := doList[TimeEntry](ctx, clientOf(s), op{method: http.MethodGet, path: path, query: q, retrySafe: true})
	if err != nil {
		return nil, resp, err
	}
	if len(entries) == 0 || entries[0] == nil {
		return nil, resp, restricted(ErrNoRunningTimer, userID, fmt.Sprintf("member %s has no running timer", userID), nil)
	}
	e := entries[0]
	// A server that ignored the filter would answer a finished entry or another member's; taking
	// it for the running timer would stop or report the wrong thing.
	if !e.Running() || (e.UserID != "" && e.UserID != userID) {
		return nil, resp, fmt.Errorf("clockify: asked for member %s's running timer, got entry %q of member %q (running: %t)",
			userID, e.ID, e.UserID, e.Running())
	}
	return e, resp, nil
}

// StopTimer stops the member's running timer at end (sent in UTC, to the second) and returns
// the stopped entry. It is how an owner or admin stops a timer a member forgot. A member with
// no timer running is a *RestrictionError matching ErrNoRunningTimer, an end before the entry's
// start one matching ErrEndBeforeStart (looked up with one more request, only after Clockify
// refuses with a 400). The zero time is a *ValidationError: pass time.Now() to stop now.
//
// Stopping is not idempotent in effect: repeated after the member started a new timer, it would
// stop that one. So StopTimer is retried only when the request never reached Clockify (a
// connection refused, a 429), never after Clockify may have acted; on a 5xx or a dropped
// connection, check RunningTimer before calling it again. It costs one request.
//
// Clockify API: PATCH /v1/workspaces/{workspaceId}/user/{userId}/time-entries
func (s *MembersService) StopTimer(ctx context.Context, workspaceID, userID string, end time.Time) (*TimeEntry, *Response, error) {
	if err := requireIDs("workspaceID", workspaceID, "userID", userID); err != nil {
		return nil, nil, err
	}
	if end.IsZero() {
		return nil, nil, &ValidationError{Field: "end", Reason: "must be set (time.Now() stops the timer now)"}
	}
	at, err := formatAPITime("end", end)
	if err != nil {
		return nil, nil, err
	}
	body := struct {
		End string `json:"end"`
	}{at}
	// Singular "user", unlike every other member path.
	path := "v1/workspaces/" + url.PathEscape(workspaceID) + "/user/" + url.PathEscape(userID) + "/time-entries"
	e, resp, err := do[TimeEntry](ctx, clientOf(s), op{method: http.MethodPatch, path: path, body: body})
	if err != nil {
		return nil, resp, s.diagnoseStop(ctx, workspaceID, userID, end, err)
	}
	return e, resp, nil
}

// diagnoseStop names why Clockify refused to stop the timer, as a *RestrictionError carrying
// Clockify's answer: nothing running (its 404 with code 404, known without a lookup), or the
// rules of stopTimerRules.
func (s *MembersService) diagnoseStop(ctx context.Context, workspaceID, userID string, end time.Time, err error) error {
	var apiErr *APIError
	if errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusNotFound && !errors.Is(apiErr, ErrRouteNotFound) {
		return restricted(ErrNoRunningTimer, userID, fmt.Sprintf("member %s has no running timer to stop", userID), err)
	}
	return clientOf(s).explain(ctx, workspaceID, userID, err, stopTimerRules(end))
}

// stopTimerRules: only admins stop another member's timer; a timer can only be stopped while it
// runs, and not before it started (Clockify API reference, https://docs.clockify.me/, "Stop
// currently running timer"). One look at the member's running timer tells both.
func stopTimerRules(end time.Time) []check {
	return []check{adminOnly, func(ctx context.Context, f *facts) *RestrictionError {
		running, _, err := f.c.Members.RunningTimer(ctx, f.workspaceID, f.userID)
		switch {
		case errors.Is(err, ErrNoRunningTimer):
			return f.restrict(ErrNoRunningTimer, "member %s has no running timer to stop", f.userID)
		case err != nil || !end.Before(running.Start):
			return nil
		}
		return f.restrict(ErrEndBeforeStart, "member %s's timer started at %s; it cannot end earlier, at %s",
			f.userID, running.Start.UTC().Format(time.RFC3339), end.UTC().Format(time.RFC3339))
	}}
}
