package clockify

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const runningEntryJSON = `{"id":"te1","userId":"u1","workspaceId":"ws1","projectId":"p1","taskId":null,"tagIds":["t1"],
	"description":"Design review","billable":true,"isLocked":false,"type":"REGULAR","customFieldValues":[],
	"hourlyRate":{"amount":7500,"currency":"EUR"},"costRate":null,
	"timeInterval":{"start":"2026-11-28T08:00:00Z","end":null,"duration":null}}`

func TestMembersRunningTimers_decodesRunningEntries(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/workspaces/ws1/time-entries/status/in-progress", func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "page=1&page-size=1000", r.URL.RawQuery)
		w.Header().Set("Last-Page", "true")
		fmt.Fprint(w, "["+runningEntryJSON+"]")
	})
	entries, _, err := client.Members.RunningTimers(ctx, "ws1")
	require.NoError(t, err)
	require.Len(t, entries, 1)
	e := entries[0]
	assert.Equal(t, "te1", e.ID)
	assert.Equal(t, "u1", e.UserID)
	assert.Equal(t, "p1", e.ProjectID)
	assert.Equal(t, "Design review", e.Description)
	assert.Equal(t, []string{"t1"}, e.TagIDs)
	assert.True(t, e.Billable)
	assert.Equal(t, time.Date(2026, 11, 28, 8, 0, 0, 0, time.UTC), e.Start)
	assert.True(t, e.Running())
	assert.Nil(t, e.End)
	assert.Zero(t, e.Duration)
	assert.Equal(t, &Money{Amount: 7500, Currency: "EUR"}, e.HourlyRate)
	assert.Equal(t, 90*time.Minute, e.Elapsed(e.Start.Add(90*time.Minute)))
}

func TestMembersRunningTimers_followsPages(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/workspaces/ws1/time-entries/status/in-progress", func(w http.ResponseWriter, r *http.Request) {
		page := r.URL.Query().Get("page")
		w.Header().Set("Last-Page", fmt.Sprint(page == "2"))
		fmt.Fprintf(w, `[{"id":"te%s","userId":"u%s","timeInterval":{"start":"2026-11-28T08:00:00Z"}}]`, page, page)
	})
	entries, _, err := client.Members.RunningTimers(ctx, "ws1")
	require.NoError(t, err)
	require.Len(t, entries, 2)
	assert.Equal(t, "u2", entries[1].UserID)
}

func TestMembersRunningTimer_oneRequestToTheMembersEntries(t *testing.T) {
	client, srv := setupServer(t)
	srv.HandleFunc("GET /v1/workspaces/ws1/user/u1/time-entries", func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "in-progress=true&page-size=1", r.URL.RawQuery)
		fmt.Fprint(w, "["+runningEntryJSON+"]")
	})
	e, _, err := client.Members.RunningTimer(ctx, "ws1", "u1")
	require.NoError(t, err)
	assert.Equal(t, "te1", e.ID)
	assert.True(t, e.Running())
	assert.Equal(t, time.Date(2026, 11, 28, 8, 0, 0, 0, time.UTC), e.Start)
	assert.Equal(t, []string{"GET /v1/workspaces/ws1/user/u1/time-entries"}, srv.sent())
}

func TestMembersRunningTimer_noneIsRestrictionWithoutAPIError(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/workspaces/ws1/user/u1/time-entries", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "[]")
	})
	_, _, err := client.Members.RunningTimer(ctx, "ws1", "u1")
	assert.ErrorIs(t, err, ErrNoRunningTimer)
	var re *RestrictionError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, RuleNoRunningTimer, re.Code())
	assert.Equal(t, "u1", re.UserID)
	assert.Nil(t, re.Err, "Clockify answered 200; there is no refusal to carry")
	assert.Equal(t, 1, strings.Count(err.Error(), "clockify:"), err.Error())
}

func TestMembersRunningTimer_finishedOrForeignEntryIsAnError(t *testing.T) {
	for name, body := range map[string]string{
		"finished": `[{"id":"te9","userId":"u1","timeInterval":{"start":"2026-11-28T08:00:00Z","end":"2026-11-28T09:00:00Z","duration":"PT1H"}}]`,
		"foreign":  `[{"id":"te9","userId":"u2","timeInterval":{"start":"2026-11-28T08:00:00Z","end":null,"duration":null}}]`,
	} {
		t.Run(name, func(t *testing.T) {
			client, mux := setup(t)
			mux.HandleFunc("GET /v1/workspaces/ws1/user/u1/time-entries", func(w http.ResponseWriter, r *http.Request) {
				fmt.Fprint(w, body)
			})
			e, _, err := client.Members.RunningTimer(ctx, "ws1", "u1")
			require.Error(t, err)
			assert.Nil(t, e)
			assert.NotErrorIs(t, err, ErrNoRunningTimer)
		})
	}
}

func TestMembersRunningTimer_badIDsSendNothing(t *testing.T) {
	client, mux := setup(t)
	failOnUnexpectedRequest(t, mux)
	_, _, err := client.Members.RunningTimer(ctx, "ws1", "")
	assert.ErrorIs(t, err, ErrInvalidInput)
	_, _, err = client.Members.RunningTimer(ctx, "", "u1")
	assert.ErrorIs(t, err, ErrInvalidInput)
}

func TestMembersStopTimer_sendsEndInUTC(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("PATCH /v1/workspaces/ws1/user/u1/time-entries", func(w http.ResponseWriter, r *http.Request) {
		assert.JSONEq(t, `{"end":"2026-11-28T09:30:00Z"}`, readBody(t, r))
		fmt.Fprint(w, `{"id":"te1","userId":"u1","workspaceId":"ws1","description":"Design review",
			"timeInterval":{"start":"2026-11-28T08:00:00Z","end":"2026-11-28T09:30:00Z","duration":"PT1H30M"}}`)
	})
	cet := time.FixedZone("CET", 3600)
	e, _, err := client.Members.StopTimer(ctx, "ws1", "u1", time.Date(2026, 11, 28, 10, 30, 0, 999, cet))
	require.NoError(t, err)
	assert.False(t, e.Running())
	require.NotNil(t, e.End)
	assert.Equal(t, time.Date(2026, 11, 28, 9, 30, 0, 0, time.UTC), *e.End)
	assert.Equal(t, Hours(1.5), e.Duration)
}

func TestMembersStopTimer_zeroEndIsValidationError(t *testing.T) {
	client, mux := setup(t)
	failOnUnexpectedRequest(t, mux)
	_, _, err := client.Members.StopTimer(ctx, "ws1", "u1", time.Time{})
	assert.ErrorIs(t, err, ErrInvalidInput)
	_, _, err = client.Members.StopTimer(ctx, "ws1", "", time.Now())
	assert.ErrorIs(t, err, ErrInvalidInput)
	_, _, err = client.Members.StopTimer(ctx, "ws1", "u1", time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC))
	assert.ErrorIs(t, err, ErrInvalidInput)
}

func TestMembersStopTimer_notRetriedAfterServerMayHaveActed(t *testing.T) {
	for _, status := range []int{http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout} {
		client, mux := setupServer(t)
		mux.HandleFunc("PATCH /v1/workspaces/ws1/user/u1/time-entries", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(status)
		})
		_, _, err := client.Members.StopTimer(ctx, "ws1", "u1", time.Now())
		assert.ErrorIs(t, err, ErrServer)
		assert.Equal(t, int32(1), int32(mux.count("PATCH /v1/workspaces/ws1/user/u1/time-entries")), "status %d", status)
	}
}

func TestMembersStopTimer_retriedOn429(t *testing.T) {
	client, mux := setupServer(t)
	mux.HandleFunc("PATCH /v1/workspaces/ws1/user/u1/time-entries", func(w http.ResponseWriter, r *http.Request) {
		if int32(mux.count("PATCH /v1/workspaces/ws1/user/u1/time-entries")) == 1 {
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		fmt.Fprint(w, `{"id":"te1","timeInterval":{"start":"2026-11-28T08:00:00Z","end":"2026-11-28T09:00:00Z","duration":"PT1H"}}`)
	})
	_, _, err := client.Members.StopTimer(ctx, "ws1", "u1", time.Now())
	require.NoError(t, err)
	assert.Equal(t, int32(2), int32(mux.count("PATCH /v1/workspaces/ws1/user/u1/time-entries")))
}

func TestMembersStopTimer_nothingRunningIsErrNoRunningTimer(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("PATCH /v1/workspaces/ws1/user/u1/time-entries", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprint(w, `{"message":"Currently running time entry doesn't exist on workspace ws1.","code":404}`)
	})
	_, _, err := client.Members.StopTimer(ctx, "ws1", "u1", time.Now())
	assert.ErrorIs(t, err, ErrNoRunningTimer)
	assert.ErrorIs(t, err, ErrNotFound, "the server's 404 is kept")
	var re *RestrictionError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, RuleNoRunningTimer, re.Code())
	assert.Equal(t, "u1", re.UserID)
	require.NotNil(t, re.Err)
	assert.Equal(t, 404, re.Err.Code)
	assert.Equal(t, 1, strings.Count(err.Error(), "clockify:"), err.Error())
}

func TestMembersStopTimer_unknownRouteIsNotNoRunningTimer(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("PATCH /v1/workspaces/ws1/user/u1/time-entries", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprint(w, `{"message":"No static resource v1/workspaces.","code":3000}`)
	})
	_, _, err := client.Members.StopTimer(ctx, "ws1", "u1", time.Now())
	assert.ErrorIs(t, err, ErrRouteNotFound)
	assert.NotErrorIs(t, err, ErrNoRunningTimer)
}

func TestMembersStopTimer_endBeforeStartIsNamed(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("PATCH /v1/workspaces/ws1/user/u1/time-entries", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprint(w, `{"message":"End time must be after start time","code":3000}`)
	})
	mux.HandleFunc("GET /v1/workspaces/ws1/user/u1/time-entries", func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "true", r.URL.Query().Get("in-progress"))
		fmt.Fprint(w, "["+runningEntryJSON+"]")
	})
	_, _, err := client.Members.StopTimer(ctx, "ws1", "u1", time.Date(2026, 11, 28, 7, 0, 0, 0, time.UTC))
	assert.ErrorIs(t, err, ErrEndBeforeStart)
	var re *RestrictionError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, "u1", re.UserID)
	assert.NotNil(t, re.Err)
}

func TestTimeEntry_jsonRoundTrip(t *testing.T) {
	var e TimeEntry
	require.NoError(t, json.Unmarshal([]byte(`{"id":"te1","userId":"u1","description":"x",
		"timeInterval":{"start":"2026-11-28T08:00:00Z","end":"2026-11-28T09:00:00Z","duration":"PT1H"}}`), &e))
	b, err := json.Marshal(e)
	require.NoError(t, err)
	var back TimeEntry
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, e, back)
	assert.Contains(t, string(b), `"timeInterval":{"start":"2026-11-28T08:00:00Z","end":"2026-11-28T09:00:00Z","duration":"PT1H"}`)
}
