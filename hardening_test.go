package clockify

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// --- Success bodies are bounded ---

// endlessArray writes "[{},{},…" until the client hangs up.
func endlessArray(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	chunk := []byte(strings.Repeat(`{"id":"x"},`, 1000))
	_, _ = w.Write([]byte("["))
	for r.Context().Err() == nil {
		if _, err := w.Write(chunk); err != nil {
			return
		}
	}
}

// gzipBomb is a gzip body that inflates to n bytes of a JSON array.
func gzipBomb(t *testing.T, n int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	require.NoError(t, err)
	_, _ = zw.Write([]byte(`[`))
	zero := make([]byte, 1<<16)
	for i := range zero {
		zero[i] = ' '
	}
	for written := 0; written < n; written += len(zero) {
		_, _ = zw.Write(zero)
	}
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

func TestCall_successBodyOverLimitIsError(t *testing.T) {
	const limit = 1 << 20
	bomb := gzipBomb(t, 8*limit)
	huge := bytes.Repeat([]byte(`{"id":"0123456789abcdef"},`), 2*limit/26)
	cases := map[string]http.HandlerFunc{
		"endless array": endlessArray,
		"gzip bomb": func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Encoding", "gzip")
			_, _ = w.Write(bomb)
		},
		"huge body": func(w http.ResponseWriter, r *http.Request) {
			_, _ = w.Write([]byte("["))
			_, _ = w.Write(huge)
			_, _ = w.Write([]byte(`{}]`))
		},
	}
	for name, h := range cases {
		t.Run(name, func(t *testing.T) {
			client, srv := setupServer(t, WithMaxResponseBytes(limit))
			srv.HandleFunc("GET /v1/workspaces", h)
			_, _, err := doList[Workspace](ctx, client, op{method: http.MethodGet, path: "v1/workspaces", retrySafe: true})
			require.ErrorIs(t, err, ErrResponseTooLarge)
			assert.Contains(t, err.Error(), "1048576 bytes")
			assert.NotErrorIs(t, err, ctx.Err())
			assert.Equal(t, 1, srv.count("GET /v1/workspaces"), "a too-large body is not retried")
		})
	}
}

func TestCall_bodyAtLimitDecodes(t *testing.T) {
	body := `{"id":"u1","name":"Ann"}`
	client, srv := setupServer(t, WithMaxResponseBytes(int64(len(body))))
	srv.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, body) })
	u, _, err := do[User](ctx, client, getUser)
	require.NoError(t, err)
	assert.Equal(t, "u1", u.ID)
}

// richMember is a member as GET …/users?memberships=ALL answers for someone in many projects.
func richMember(i, memberships int) map[string]any {
	id := fmt.Sprintf("%024x", i)
	ms := make([]map[string]any, memberships)
	for j := range ms {
		ms[j] = map[string]any{"userId": id, "targetId": fmt.Sprintf("%024x", j), "membershipType": "PROJECT",
			"membershipStatus": "ACTIVE", "hourlyRate": map[string]any{"amount": 5000, "currency": "EUR"},
			"costRate": map[string]any{"amount": 3000, "currency": "EUR"}}
	}
	return map[string]any{"id": id, "email": fmt.Sprintf("member%d@example.com", i), "name": fmt.Sprintf("Member %d", i),
		"status": "ACTIVE", "activeWorkspace": "ws1", "defaultWorkspace": "ws1",
		"profilePicture": "https://img.clockify.me/no-user-image.png", "memberships": ms,
		"settings": map[string]any{"weekStart": "MONDAY", "timeZone": "Europe/Berlin", "timeFormat": "HOUR24",
			"dateFormat": "DD/MM/YYYY", "sendNewsletter": false, "weeklyUpdates": true, "longRunning": false,
			"scheduledReports": true, "approval": true, "pto": true, "alerts": true, "reminders": true,
			"timeTrackingManual": true, "summaryReportSettings": map[string]any{"group": "PROJECT", "subgroup": "CLIENT"},
			"isCompactViewOn": false, "dashboardSelection": "ME", "dashboardViewType": "PROJECT",
			"dashboardPinToTop": false, "projectListCollapse": 50, "collapseAllProjectLists": false,
			"groupSimilarEntriesDisabled": false, "myStartOfDay": "09:00", "theme": "DARK", "lang": "EN"},
		"customFields": []map[string]any{{"customFieldId": "cf1", "customFieldName": "Department", "customFieldType": "TXT", "value": "Engineering", "userId": id}}}
}

// TestDefaultMaxResponseBytes_fitsRichFullPage: a full page of 5000 members with twenty
// memberships and full settings each takes less than half the default limit.
func TestDefaultMaxResponseBytes_fitsRichFullPage(t *testing.T) {
	b, err := json.Marshal(richMember(MaxPageSize-1, 20)) // the longest of the page
	require.NoError(t, err)
	size := 1 + MaxPageSize*(len(b)+1)
	t.Logf("5000 members × 20 memberships: %.1f MiB", float64(size)/(1<<20))
	assert.Less(t, size, DefaultMaxResponseBytes/2)
}

func TestWithMaxResponseBytes_refusesNonPositive(t *testing.T) {
	for _, n := range []int64{0, -1} {
		_, err := NewClient(WithAPIKey(testKey), WithMaxResponseBytes(n))
		var ve *ValidationError
		require.ErrorAs(t, err, &ve)
	}
}

// --- Empty success ---

func TestCall_emptySuccessIsError(t *testing.T) {
	for name, body := range map[string]string{"empty": "", "null": "null", "blank null": " \n null \n"} {
		t.Run(name, func(t *testing.T) {
			client, srv := setupServer(t)
			srv.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, body) })
			srv.HandleFunc("GET /v1/workspaces", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, body) })
			u, _, err := client.Members.Current(ctx)
			require.ErrorIs(t, err, ErrEmptyResponse)
			assert.Nil(t, u)
			list, _, err := doList[Workspace](ctx, client, op{method: http.MethodGet, path: "v1/workspaces", retrySafe: true})
			require.ErrorIs(t, err, ErrEmptyResponse)
			assert.Nil(t, list)
		})
	}
}

func TestAPIKeys_ownerWithoutIDIsRefused(t *testing.T) {
	const newKey = "new-key-0000000000000000000000"
	client, srv := setupServer(t)
	srv.HandleFunc("GET /v1/user", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, `{"name":"no id"}`) })
	srv.HandleFunc("GET /v1/workspaces", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, `[]`) })
	_, err := client.APIKeys.Verify(ctx)
	require.ErrorIs(t, err, ErrEmptyResponse)
	err = client.APIKeys.Rotate(ctx, newKey)
	require.ErrorIs(t, err, ErrEmptyResponse)
	// Still the old key.
	_, _, _ = client.Members.Current(ctx)
	assert.NotContains(t, client.String(), Fingerprint(newKey))
}

var _ = errors.New
