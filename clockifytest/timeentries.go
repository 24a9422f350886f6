package clockifytest

import (
	"cmp"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"time"
)

// timeEntry is a time entry; one without end is a running timer, and a
// member has at most one of those per workspace.
type timeEntry struct {
	id, userID, projectID string
	description           string
	billable              bool
	start                 time.Time
	end                   *time.Time
}

// runningTimer returns userID's running time entry in ws, or nil.
func (ws *workspace) runningTimer(userID string) *timeEntry {
	for _, e := range ws.entries {
		if e.userID == userID && e.end == nil {
			return e
		}
	}
	return nil
}

// instantLayout is how Clockify writes times: UTC, whole seconds.
const instantLayout = "2006-01-02T15:04:05Z"

// maxInProgressPageSize is the largest page of running timers Clockify
// documents; its default page is 10.
const maxInProgressPageSize = 1000

func parseInProgress(c *call) (listSpec, *apiError) {
	var spec listSpec
	var err *apiError
	spec.page, spec.pageSize, err = pageParams(c.r.URL.Query(), 10, maxInProgressPageSize)
	return spec, err
}

// listRunningTimers serves GET /v1/workspaces/{workspaceId}/time-entries/status/in-progress:
// every running timer of the workspace, most recently started first (ties by
// id), paged by page and page-size (defaults 1 and 10, at most 1000),
// without Last-Page. Admins only.
// https://docs.clockify.me/#tag/Time-entry/operation/getInProgressTimeEntries
func (s *Server) listRunningTimers(c *call, spec listSpec) (int, any, *apiError) {
	var running []*timeEntry
	for _, e := range c.ws.entries {
		if e.end == nil {
			running = append(running, e)
		}
	}
	slices.SortFunc(running, func(a, b *timeEntry) int { return cmp.Or(b.start.Compare(a.start), cmp.Compare(a.id, b.id)) })
	out := []timeEntryWithRatesDTO{}
	for i := (spec.page - 1) * spec.pageSize; i < len(running) && len(out) < spec.pageSize; i++ {
		out = append(out, c.ws.timeEntryWithRatesDTO(running[i]))
	}
	return http.StatusOK, out, nil
}

// memberEntriesQuery is the query of a member's time entries the fake reads:
// in-progress and paging.
type memberEntriesQuery struct {
	inProgress     bool
	page, pageSize int
}

func parseMemberEntries(c *call) (memberEntriesQuery, *apiError) {
	var q memberEntriesQuery
	var err *apiError
	if q.inProgress, err = boolParam(c.r.URL.Query(), "in-progress", false); err != nil {
		return q, err
	}
	q.page, q.pageSize, err = pageParams(c.r.URL.Query(), 50, maxPageSize)
	return q, err
}

// listMemberEntries serves GET /v1/workspaces/{workspaceId}/user/{userId}/time-entries:
// the member's time entries, most recently started first (ties by id), only
// the running one with in-progress=true, paged by page and page-size
// (defaults 1 and 50), as an array of TimeEntryDtoImplV1; with no timer
// running and in-progress=true, []. A member reads their own; only admins
// read another member's (https://clockify.me/help/users/who-can-do-what).
// https://docs.clockify.me/#tag/Time-entry/operation/getTimeEntries
func (s *Server) listMemberEntries(c *call, q memberEntriesQuery) (int, any, *apiError) {
	if c.caller != c.target.user.id && !c.isAdmin() {
		return 0, nil, errAccessDenied
	}
	var mine []*timeEntry
	for _, e := range c.ws.entries {
		if e.userID == c.target.user.id && (!q.inProgress || e.end == nil) {
			mine = append(mine, e)
		}
	}
	slices.SortFunc(mine, func(a, b *timeEntry) int { return cmp.Or(b.start.Compare(a.start), cmp.Compare(a.id, b.id)) })
	out := []timeEntryDTO{}
	for i := (q.page - 1) * q.pageSize; i < len(mine) && len(out) < q.pageSize; i++ {
		out = append(out, c.ws.timeEntryDTO(mine[i]))
	}
	return http.StatusOK, out, nil
}

func parseStopTimer(c *call) (time.Time, *apiError) {
	var req struct {
		End *string `json:"end"`
	}
	if err := c.decode(&req, sigN(2, "TimeEntryDtoImplV1", "timeentry.TimeEntryHttpAdapter", "stopRunningTimeEntry", "StopTimeEntryRequest")); err != nil {
		return time.Time{}, err
	}
	if req.End == nil || *req.End == "" {
		return time.Time{}, invalidField("end", "This field can't be empty")
	}
	end, err := time.Parse(time.RFC3339, *req.End)
	if err != nil {
		return time.Time{}, badJSON(fmt.Sprintf("Cannot deserialize value of type `java.time.Instant` from String \"%s\"", *req.End))
	}
	return end.UTC().Truncate(time.Second), nil
}

// stopTimer serves PATCH /v1/workspaces/{workspaceId}/user/{userId}/time-entries
// {"end"} → 200 with the stopped entry. A member stops their own timer; only
// admins stop another member's
// (https://clockify.me/help/users/who-can-do-what). With no
// timer running the answer is the 404 code 404 Clockify sends ("Currently
// running time entry doesn't exist on workspace …"); an end before the
// start is refused with 400.
// https://docs.clockify.me/#tag/Time-entry/operation/stopRunningTimeEntry
func (s *Server) stopTimer(c *call, end time.Time) (int, any, *apiError) {
	if c.caller != c.target.user.id && !c.isAdmin() {
		return 0, nil, errAccessDenied
	}
	e := c.ws.runningTimer(c.target.user.id)
	if e == nil {
		return 0, nil, &apiError{status: http.StatusNotFound, code: 404,
			msg: fmt.Sprintf("Currently running time entry doesn't exist on workspace %s for user %s.", c.ws.id, c.target.user.id)}
	}
	if end.Before(e.start) {
		return 0, nil, restriction("End time (%s) can't be before start time (%s)", end.Format(instantLayout), e.start.Format(instantLayout))
	}
	e.end = &end
	s.st.touch()
	return http.StatusOK, c.ws.timeEntryDTO(e), nil
}

// timeEntryDTO renders TimeEntryDtoImplV1.
func (ws *workspace) timeEntryDTO(e *timeEntry) timeEntryDTO {
	iv := timeIntervalDTO{Start: e.start.Format(instantLayout)}
	if e.end != nil {
		end, d := e.end.Format(instantLayout), formatDuration(int64(e.end.Sub(e.start)))
		iv.End, iv.Duration = &end, &d
	}
	var project *string
	if e.projectID != "" {
		p := e.projectID
		project = &p
	}
	return timeEntryDTO{ID: e.id, Description: e.description, TagIDs: []string{}, UserID: e.userID,
		Billable: e.billable, ProjectID: project, WorkspaceID: ws.id, TimeInterval: iv,
		CustomFieldValues: []json.RawMessage{}, Type: "REGULAR"}
}

// timeEntryWithRatesDTO renders TimeEntryWithRatesDtoV1: the entry with the
// rates that apply to it, the member's project rate before their workspace
// rate before the workspace's.
func (ws *workspace) timeEntryWithRatesDTO(e *timeEntry) timeEntryWithRatesDTO {
	var hourly, cost *Rate
	if p := ws.projects[e.projectID]; p != nil {
		hourly, cost = p.hourlyRates[e.userID], p.costRates[e.userID]
	}
	if m := ws.members[e.userID]; m != nil {
		hourly, cost = cmp.Or(hourly, m.hourlyRate), cmp.Or(cost, m.costRate)
	}
	hourly, cost = cmp.Or(hourly, ws.hourlyRate), cmp.Or(cost, ws.costRate)
	return timeEntryWithRatesDTO{timeEntryDTO: ws.timeEntryDTO(e), HourlyRate: ws.rate(hourly), CostRate: ws.rate(cost)}
}

// TimeEntrySeed describes a time entry for AddTimeEntry. One without End is
// a running timer; a member has at most one per workspace.
type TimeEntrySeed struct {
	ID          string // "" = generated
	UserID      string // a member of the workspace
	ProjectID   string // "" = no project; else a project of the workspace
	Description string
	Billable    bool
	Start       time.Time // zero = an hour before now; kept to the second, in UTC
	End         time.Time // zero = running
}

// AddTimeEntry adds a time entry to workspace wsID and returns its id; with
// no End it is a running timer. It panics on an unknown member or project,
// on a second running timer for the same member, and on an End before Start.
func (s *Server) AddTimeEntry(wsID string, e TimeEntrySeed) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := s.st
	ws := st.mustWorkspace("AddTimeEntry", wsID)
	switch {
	case ws.members[e.UserID] == nil:
		seedPanic("AddTimeEntry: user %q is not a member of workspace %q", e.UserID, wsID)
	case e.ProjectID != "" && ws.projects[e.ProjectID] == nil:
		seedPanic("AddTimeEntry: unknown project %q", e.ProjectID)
	case e.End.IsZero() && ws.runningTimer(e.UserID) != nil:
		seedPanic("AddTimeEntry: user %q already has a running timer", e.UserID)
	}
	if e.Start.IsZero() {
		e.Start = time.Now().Add(-time.Hour)
	}
	te := &timeEntry{id: st.id(e.ID, "time entry"), userID: e.UserID, projectID: e.ProjectID,
		description: e.Description, billable: e.Billable, start: e.Start.UTC().Truncate(time.Second)}
	if !e.End.IsZero() {
		end := e.End.UTC().Truncate(time.Second)
		if end.Before(te.start) {
			seedPanic("AddTimeEntry: End %v is before Start %v", end, te.start)
		}
		te.end = &end
	}
	ws.entries = append(ws.entries, te)
	st.touch()
	return te.id
}

// TimeEntryState is a snapshot of a time entry.
type TimeEntryState struct {
	ID          string
	UserID      string
	ProjectID   string
	Description string
	Billable    bool
	Start       time.Time
	End         time.Time // zero while running
	Running     bool
}

func (e *timeEntry) state() TimeEntryState {
	st := TimeEntryState{ID: e.id, UserID: e.userID, ProjectID: e.projectID, Description: e.description,
		Billable: e.billable, Start: e.start, Running: e.end == nil}
	if e.end != nil {
		st.End = *e.end
	}
	return st
}

// TimeEntry returns a snapshot of time entry id in wsID.
func (s *Server) TimeEntry(wsID, id string) (TimeEntryState, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if ws := s.st.workspaces[wsID]; ws != nil {
		for _, e := range ws.entries {
			if e.id == id {
				return e.state(), true
			}
		}
	}
	return TimeEntryState{}, false
}

// RunningTimer returns a snapshot of userID's running timer in wsID, if any.
func (s *Server) RunningTimer(wsID, userID string) (TimeEntryState, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if ws := s.st.workspaces[wsID]; ws != nil {
		if e := ws.runningTimer(userID); e != nil {
			return e.state(), true
		}
	}
	return TimeEntryState{}, false
}
