package clockify

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pendingApprovalsLookup is the request the ErrPendingApprovals refusal adds to a rule check, to
// count the member's pending approval requests.
func pendingApprovalsLookup(rule error) int {
	if rule == ErrPendingApprovals {
		return 1
	}
	return 0
}

// approvalJSON is one item of Clockify's approval list (ApprovalDetailsDtoV1).
func approvalJSON(id, owner, start, end, updated string) string {
	return fmt.Sprintf(`{"approvalRequest":{"id":%q,"workspaceId":"ws1",
		"dateRange":{"start":%q,"end":%q},
		"owner":{"userId":%q,"userName":"Ana","timeZone":"Europe/Rome","startOfWeek":"MONDAY"},
		"creator":{"userId":%[4]q,"userName":"Ana","userEmail":"ana@example.com"},
		"status":{"state":"PENDING","note":"","updatedBy":%[4]q,"updatedByUserName":"Ana","updatedAt":%q}},
		"approvedTime":"PT0S","pendingTime":"PT38H","trackedTime":"PT38H","billableAmount":0,"entries":[],"expenses":[]}`,
		id, start, end, owner, updated)
}

func TestMembersPendingApprovals_pagesAndKeepsTheMembers(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/workspaces/ws1/approval-requests", func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		assert.Equal(t, "PENDING", q.Get("status"))
		assert.Equal(t, "50", q.Get("page-size"))
		items := []string{}
		switch q.Get("page") {
		case "1":
			w.Header().Set("Last-Page", "false")
			items = append(items, approvalJSON("a2", "u1", "2026-11-09T00:00:00Z", "2026-11-15T23:59:59Z", "2026-11-16T08:00:00Z"),
				approvalJSON("b1", "u2", "2026-11-02T00:00:00Z", "2026-11-08T23:59:59Z", "2026-11-09T08:00:00Z"))
		case "2":
			w.Header().Set("Last-Page", "true")
			items = append(items, approvalJSON("a1", "u1", "2026-11-02T00:00:00Z", "2026-11-08T23:59:59Z", "2026-11-09T09:30:00Z"))
		default:
			t.Errorf("page %s asked for", q.Get("page"))
		}
		fmt.Fprint(w, "["+strings.Join(items, ",")+"]")
	})
	got, _, err := client.Members.PendingApprovals(ctx, "ws1", "u1")
	require.NoError(t, err)
	require.Len(t, got, 2, "only u1's, from both pages")
	a := got[0]
	assert.Equal(t, "a1", a.ID, "the oldest period first")
	assert.Equal(t, "ws1", a.WorkspaceID)
	assert.Equal(t, "u1", a.OwnerID)
	assert.Equal(t, "Ana", a.OwnerName)
	assert.Equal(t, ApprovalPending, a.State)
	assert.Equal(t, time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC), a.Start)
	assert.Equal(t, time.Date(2026, 11, 8, 23, 59, 59, 0, time.UTC), a.End)
	assert.Equal(t, time.Date(2026, 11, 9, 9, 30, 0, 0, time.UTC), a.UpdatedAt)
	assert.JSONEq(t, `"PT38H"`, string(a.Details["trackedTime"]), "the totals are kept as sent")
	assert.Equal(t, "a2", got[1].ID)
}

func TestMembersPendingApprovals_noneIsEmpty(t *testing.T) {
	client, mux := setup(t)
	mux.HandleFunc("GET /v1/workspaces/ws1/approval-requests", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `[]`)
	})
	got, _, err := client.Members.PendingApprovals(ctx, "ws1", "u1")
	require.NoError(t, err)
	assert.NotNil(t, got)
	assert.Empty(t, got)
}

func TestMembersPendingApprovals_unreadableItemIsAnError(t *testing.T) {
	for name, item := range map[string]string{
		"no request": `{"approvedTime":"PT0S"}`,
		"no id":      `{"approvalRequest":{"owner":{"userId":"u1"}}}`,
		"bad date":   `{"approvalRequest":{"id":"a1","dateRange":{"start":"last week"}}}`,
	} {
		t.Run(name, func(t *testing.T) {
			client, mux := setup(t)
			mux.HandleFunc("GET /v1/workspaces/ws1/approval-requests", func(w http.ResponseWriter, r *http.Request) {
				fmt.Fprint(w, "["+item+"]")
			})
			got, _, err := client.Members.PendingApprovals(ctx, "ws1", "u1")
			assert.Error(t, err)
			assert.Nil(t, got)
		})
	}
}

func TestMembersPendingApprovals_badIDsSendNothing(t *testing.T) {
	client, mux := setup(t)
	failOnUnexpectedRequest(t, mux)
	_, _, err := client.Members.PendingApprovals(ctx, "ws1", "")
	assert.ErrorIs(t, err, ErrInvalidInput)
}

func TestProfilesCheck_pendingApprovalsSaysHowManyAndSinceWhen(t *testing.T) {
	m := activeMember()
	m.pendingApprovals = true
	client, log := ruleServer(t, m, "")
	log.HandleFunc("GET /v1/workspaces/ws1/approval-requests", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "["+approvalJSON("a2", "u1", "2026-11-09T00:00:00Z", "2026-11-15T23:59:59Z", "2026-11-16T08:00:00Z")+","+
			approvalJSON("a1", "u1", "2026-11-02T00:00:00Z", "2026-11-08T23:59:59Z", "2026-11-09T09:30:00Z")+"]")
	})
	err := client.Profiles.Check(ctx, "ws1", "u1", &ProfileUpdate{WeekStart: Ptr(Sunday)})
	re := assertRestriction(t, err, ErrPendingApprovals, "u1")
	assert.Equal(t, RulePendingApprovals, re.Code())
	msg := err.Error()
	assert.Contains(t, msg, "2 pending approval requests")
	assert.Contains(t, msg, "since 2026-11-09")
	assert.Contains(t, msg, "2026-11-02 to 2026-11-08")
	assert.Equal(t, 1, strings.Count(msg, "clockify:"), msg)
	assert.Equal(t, 1, log.count("GET /v1/workspaces/ws1/approval-requests"))
}

func TestProfilesCheck_approvalsReadOnlyWhenTheRuleFires(t *testing.T) {
	m := activeMember()
	m.pendingApprovals = true
	client, log := ruleServer(t, m, "")
	require.NoError(t, client.Profiles.Check(ctx, "ws1", "u1", &ProfileUpdate{WorkCapacity: Ptr(Hours(6))}))
	assert.Zero(t, log.count("GET /v1/workspaces/ws1/approval-requests"))
}

func TestProfilesCheck_unreadableApprovalsStillRefuse(t *testing.T) {
	m := activeMember()
	m.pendingApprovals = true
	client, log := ruleServer(t, m, "")
	forbidden(log.ServeMux, "GET /v1/workspaces/ws1/approval-requests")
	err := client.Profiles.Check(ctx, "ws1", "u1", &ProfileUpdate{WeekStart: Ptr(Sunday)})
	assertRestriction(t, err, ErrPendingApprovals, "u1")
	assert.NotErrorIs(t, err, ErrForbidden, "the failed lookup is not the refusal")
}
