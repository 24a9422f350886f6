package clockifytest

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type wireTimeEntry struct {
	ID           string  `json:"id"`
	UserID       string  `json:"userId"`
	WorkspaceID  string  `json:"workspaceId"`
	ProjectID    *string `json:"projectId"`
	Description  string  `json:"description"`
	Type         string  `json:"type"`
	TimeInterval struct {
		Start    string  `json:"start"`
		End      *string `json:"end"`
		Duration *string `json:"duration"`
	} `json:"timeInterval"`
	HourlyRate *struct {
		Amount   int64  `json:"amount"`
		Currency string `json:"currency"`
	} `json:"hourlyRate"`
}

const inProgress = demoWS + "/time-entries/status/in-progress"

func stopPath(userID string) string { return demoWS + "/user/" + userID + "/time-entries" }

// timersServer is a demo server with three running timers and a stopped
// entry, started at fixed times.
func timersServer(t *testing.T) (*Server, time.Time) {
	s := newDemo(t)
	t0 := time.Date(2026, 3, 2, 8, 0, 0, 0, time.UTC)
	// Stop what the demo seeds, so the tests here control every timer.
	for _, e := range decodeJSON[[]wireTimeEntry](t, send(t, s, http.MethodGet, inProgress, "")) {
		require.Equal(t, http.StatusOK, send(t, s, http.MethodPatch, stopPath(e.UserID), `{"end":"`+time.Now().UTC().Format(time.RFC3339)+`"}`).status)
	}
	s.AddTimeEntry(DemoWorkspaceID, TimeEntrySeed{ID: "64f0a1b2c3d4e5f6060000a1", UserID: DemoMemberID, ProjectID: DemoProjectID,
		Description: "Homepage wireframes", Start: t0})
	s.AddTimeEntry(DemoWorkspaceID, TimeEntrySeed{ID: "64f0a1b2c3d4e5f6060000a2", UserID: DemoAdminID, Start: t0.Add(time.Hour)})
	s.AddTimeEntry(DemoWorkspaceID, TimeEntrySeed{ID: "64f0a1b2c3d4e5f6060000a3", UserID: DemoTeamManagerID, Start: t0.Add(30 * time.Minute)})
	s.AddTimeEntry(DemoWorkspaceID, TimeEntrySeed{ID: "64f0a1b2c3d4e5f6060000a4", UserID: DemoMemberID, Start: t0.Add(-3 * time.Hour), End: t0.Add(-time.Hour)})
	return s, t0
}

func TestRunningTimers(t *testing.T) {
	s, t0 := timersServer(t)
	r := send(t, s, http.MethodGet, inProgress, "")
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	assert.Empty(t, r.header.Get("Last-Page"), "not recorded for this endpoint")
	raw := decodeJSON[[]map[string]any](t, r)
	require.Len(t, raw, 3)
	for _, k := range []string{"id", "userId", "workspaceId", "projectId", "taskId", "tagIds", "description", "billable", "isLocked", "type", "customFieldValues", "hourlyRate", "costRate", "timeInterval"} {
		assert.Contains(t, raw[0], k)
	}
	got := decodeJSON[[]wireTimeEntry](t, r)
	assert.Equal(t, []string{DemoAdminID, DemoTeamManagerID, DemoMemberID}, []string{got[0].UserID, got[1].UserID, got[2].UserID}, "most recently started first")
	emma := got[2]
	assert.Equal(t, "64f0a1b2c3d4e5f6060000a1", emma.ID)
	assert.Equal(t, DemoWorkspaceID, emma.WorkspaceID)
	require.NotNil(t, emma.ProjectID)
	assert.Equal(t, DemoProjectID, *emma.ProjectID)
	assert.Equal(t, "Homepage wireframes", emma.Description)
	assert.Equal(t, "REGULAR", emma.Type)
	assert.Equal(t, t0.Format(time.RFC3339), emma.TimeInterval.Start)
	assert.Nil(t, emma.TimeInterval.End, "running: end is null")
	assert.Nil(t, emma.TimeInterval.Duration)
	require.NotNil(t, emma.HourlyRate)
	assert.Equal(t, int64(7500), emma.HourlyRate.Amount, "the member's rate")
	assert.Nil(t, got[0].ProjectID, "no project: null")

	// Paging: default 10, at most 1000.
	page := decodeJSON[[]wireTimeEntry](t, send(t, s, http.MethodGet, inProgress+"?page-size=2&page=2", ""))
	require.Len(t, page, 1)
	assert.Equal(t, DemoMemberID, page[0].UserID)
	assertError(t, send(t, s, http.MethodGet, inProgress+"?page-size=1001", ""), http.StatusBadRequest, 3000, "page-size: must be between 1 and 1000")
	assertError(t, send(t, s, http.MethodGet, inProgress+"?page=0", ""), http.StatusBadRequest, 3000, "page")
}

func TestRunningTimers_adminsOnly(t *testing.T) {
	s, _ := timersServer(t)
	for _, who := range []string{DemoMemberID, DemoTeamManagerID, DemoProjectManagerID} {
		assertError(t, send(t, s, http.MethodGet, inProgress, "", as(s, who)...), http.StatusForbidden, 0, "Access Denied")
	}
	assert.Equal(t, http.StatusOK, send(t, s, http.MethodGet, inProgress, "", as(s, DemoAdminID)...).status)
	assert.Equal(t, http.StatusOK, send(t, s, http.MethodGet, inProgress, "", HeaderAddonToken, s.IssueAddonToken(DemoWorkspaceID)).status)
}

func TestStopTimer(t *testing.T) {
	s, t0 := timersServer(t)
	end := t0.Add(90*time.Minute + 15*time.Second)
	r := send(t, s, http.MethodPatch, stopPath(DemoMemberID), `{"end":"`+end.Format(time.RFC3339)+`"}`)
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	raw := decodeJSON[map[string]any](t, r)
	assert.NotContains(t, raw, "hourlyRate", "the stopped entry is a TimeEntryDtoImplV1, without rates")
	e := decodeJSON[wireTimeEntry](t, r)
	assert.Equal(t, "64f0a1b2c3d4e5f6060000a1", e.ID)
	assert.Equal(t, DemoMemberID, e.UserID)
	require.NotNil(t, e.TimeInterval.End)
	assert.Equal(t, "2026-03-02T09:30:15Z", *e.TimeInterval.End)
	require.NotNil(t, e.TimeInterval.Duration)
	assert.Equal(t, "PT1H30M15S", *e.TimeInterval.Duration)

	state, _ := s.TimeEntry(DemoWorkspaceID, e.ID)
	assert.False(t, state.Running)
	assert.Equal(t, end, state.End)
	_, running := s.RunningTimer(DemoWorkspaceID, DemoMemberID)
	assert.False(t, running)
	assert.Len(t, decodeJSON[[]wireTimeEntry](t, send(t, s, http.MethodGet, inProgress, "")), 2)

	// Stopping again finds nothing: 404 with code 404, not the route's 404/3000.
	assertError(t, send(t, s, http.MethodPatch, stopPath(DemoMemberID), `{"end":"`+end.Format(time.RFC3339)+`"}`), http.StatusNotFound, 404,
		"Currently running time entry doesn't exist on workspace "+DemoWorkspaceID+" for user "+DemoMemberID)
}

func TestStopTimer_rules(t *testing.T) {
	s, t0 := timersServer(t)
	body := func(ts time.Time) string { return fmt.Sprintf(`{"end":%q}`, ts.Format(time.RFC3339)) }
	later := body(t0.Add(2 * time.Hour))

	// A member stops their own timer, not another's; admins stop anyone's.
	assertError(t, send(t, s, http.MethodPatch, stopPath(DemoAdminID), later, as(s, DemoMemberID)...), http.StatusForbidden, 0, "Access Denied")
	assertError(t, send(t, s, http.MethodPatch, stopPath(DemoMemberID), later, as(s, DemoTeamManagerID)...), http.StatusForbidden, 0, "Access Denied")
	_, running := s.RunningTimer(DemoWorkspaceID, DemoAdminID)
	assert.True(t, running)
	assert.Equal(t, http.StatusOK, send(t, s, http.MethodPatch, stopPath(DemoTeamManagerID), later, as(s, DemoTeamManagerID)...).status)
	assert.Equal(t, http.StatusOK, send(t, s, http.MethodPatch, stopPath(DemoMemberID), later, as(s, DemoAdminID)...).status)

	assertError(t, send(t, s, http.MethodPatch, stopPath(DemoAdminID), body(t0)), http.StatusBadRequest, 0, "can't be before start time")
	assertError(t, send(t, s, http.MethodPatch, stopPath(DemoAdminID), ""), http.StatusBadRequest, 3002, "TimeEntryHttpAdapter.stopRunningTimeEntry(")
	assertError(t, send(t, s, http.MethodPatch, stopPath(DemoAdminID), `{}`), http.StatusBadRequest, 0, "[end]")
	assertError(t, send(t, s, http.MethodPatch, stopPath(DemoAdminID), `{"end":"soon"}`), http.StatusBadRequest, 3000, "java.time.Instant")
	assertError(t, send(t, s, http.MethodPatch, stopPath("64f0a1b2c3d4e5f6020000ff"), later), http.StatusBadRequest, 501, "User doesn't belong to Workspace")
	_, running = s.RunningTimer(DemoWorkspaceID, DemoAdminID)
	assert.True(t, running, "refusals stop nothing")
}

func TestAddTimeEntry_panicsOnMistakes(t *testing.T) {
	s, t0 := timersServer(t)
	assert.Panics(t, func() { s.AddTimeEntry(DemoWorkspaceID, TimeEntrySeed{UserID: DemoMemberID}) }, "a second running timer")
	assert.Panics(t, func() { s.AddTimeEntry(DemoWorkspaceID, TimeEntrySeed{UserID: "64f0a1b2c3d4e5f6020000ff"}) })
	assert.Panics(t, func() {
		s.AddTimeEntry(DemoWorkspaceID, TimeEntrySeed{UserID: DemoProjectManagerID, ProjectID: "64f0a1b2c3d4e5f6030000ff"})
	})
	assert.Panics(t, func() {
		s.AddTimeEntry(DemoWorkspaceID, TimeEntrySeed{UserID: DemoProjectManagerID, Start: t0, End: t0.Add(-time.Second)})
	})
	id := s.AddTimeEntry(DemoWorkspaceID, TimeEntrySeed{UserID: DemoProjectManagerID})
	e, ok := s.RunningTimer(DemoWorkspaceID, DemoProjectManagerID)
	require.True(t, ok)
	assert.Equal(t, id, e.ID)
	assert.WithinDuration(t, time.Now().Add(-time.Hour), e.Start, time.Minute, "an hour ago by default")
}

func TestMemberTimeEntries_inProgressAndPaging(t *testing.T) {
	s, t0 := timersServer(t)
	path := stopPath(DemoMemberID)
	running := decodeJSON[[]wireTimeEntry](t, send(t, s, http.MethodGet, path+"?in-progress=true&page-size=1", ""))
	require.Len(t, running, 1)
	assert.Equal(t, "64f0a1b2c3d4e5f6060000a1", running[0].ID)
	assert.Equal(t, t0.Format(time.RFC3339), running[0].TimeInterval.Start)
	assert.Nil(t, running[0].TimeInterval.End)

	all := decodeJSON[[]wireTimeEntry](t, send(t, s, http.MethodGet, path, ""))
	require.Len(t, all, 3, "the demo's stopped timer, the running one and the finished one")
	assert.Equal(t, "64f0a1b2c3d4e5f6060000a1", all[1].ID, "most recently started first")
	page := decodeJSON[[]wireTimeEntry](t, send(t, s, http.MethodGet, path+"?page=3&page-size=1", ""))
	require.Len(t, page, 1)
	assert.Equal(t, "64f0a1b2c3d4e5f6060000a4", page[0].ID)

	// Nothing running: an empty array, not an error.
	require.Equal(t, http.StatusOK, send(t, s, http.MethodPatch, path, `{"end":"`+t0.Add(time.Hour).Format(time.RFC3339)+`"}`).status)
	r := send(t, s, http.MethodGet, path+"?in-progress=true&page-size=1", "")
	require.Equal(t, http.StatusOK, r.status)
	assert.JSONEq(t, `[]`, string(r.body))

	assertError(t, send(t, s, http.MethodGet, path+"?in-progress=maybe", ""), http.StatusBadRequest, 3000, "in-progress")
	assertError(t, send(t, s, http.MethodGet, path+"?page-size=0", ""), http.StatusBadRequest, 3000, "page-size")
}

func TestMemberTimeEntries_ownOrAdmin(t *testing.T) {
	s, _ := timersServer(t)
	q := "?in-progress=true&page-size=1"
	assertError(t, send(t, s, http.MethodGet, stopPath(DemoAdminID)+q, "", as(s, DemoMemberID)...), http.StatusForbidden, 0, "Access Denied")
	assert.Equal(t, http.StatusOK, send(t, s, http.MethodGet, stopPath(DemoMemberID)+q, "", as(s, DemoMemberID)...).status)
	assert.Equal(t, http.StatusOK, send(t, s, http.MethodGet, stopPath(DemoMemberID)+q, "", as(s, DemoAdminID)...).status)
}
