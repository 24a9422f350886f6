package clockifytest

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type wireApproval struct {
	ApprovalRequest struct {
		ID          string `json:"id"`
		WorkspaceID string `json:"workspaceId"`
		DateRange   struct {
			Start string `json:"start"`
			End   string `json:"end"`
		} `json:"dateRange"`
		Owner struct {
			UserID      string `json:"userId"`
			UserName    string `json:"userName"`
			StartOfWeek string `json:"startOfWeek"`
		} `json:"owner"`
		Status struct {
			State     string `json:"state"`
			UpdatedAt string `json:"updatedAt"`
		} `json:"status"`
	} `json:"approvalRequest"`
	TrackedTime string `json:"trackedTime"`
	PendingTime string `json:"pendingTime"`
}

const approvals = demoWS + "/approval-requests"

func TestApprovals_demoMemberHasRealPendingRequests(t *testing.T) {
	s := newDemo(t)
	r := send(t, s, http.MethodGet, approvals+"?status=PENDING", "")
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	raw := decodeJSON[[]map[string]any](t, r)
	require.Len(t, raw, 2)
	for _, k := range []string{"approvalRequest", "approvedTime", "billableAmount", "billableTime", "breakTime", "costAmount",
		"entries", "expenseTotal", "expenses", "pendingTime", "trackedTime"} {
		assert.Contains(t, raw[0], k)
	}
	got := decodeJSON[[]wireApproval](t, r)
	a := got[0].ApprovalRequest
	assert.Equal(t, DemoApprovalRequestID, a.ID, "the oldest period first")
	assert.Equal(t, DemoWorkspaceID, a.WorkspaceID)
	assert.Equal(t, DemoPendingApprovalsID, a.Owner.UserID)
	assert.Equal(t, "Sofia Rossi", a.Owner.UserName)
	assert.Equal(t, "MONDAY", a.Owner.StartOfWeek)
	assert.Equal(t, "2026-11-02T00:00:00Z", a.DateRange.Start)
	assert.Equal(t, "2026-11-08T23:59:59Z", a.DateRange.End)
	assert.Equal(t, "PENDING", a.Status.State)
	assert.Equal(t, "2026-11-09T09:00:00Z", a.Status.UpdatedAt)
	assert.Equal(t, DemoPendingApprovalsID, got[1].ApprovalRequest.Owner.UserID)

	// The profile flag and the requests agree.
	p := getProfile(t, s, DemoPendingApprovalsID)
	assert.True(t, p.HasPendingApprovalRequest)
}

func TestApprovals_statusOrderPagingAndTotals(t *testing.T) {
	s := newDemo(t)
	week := time.Date(2026, 10, 5, 0, 0, 0, 0, time.UTC)
	s.AddTimeEntry(DemoWorkspaceID, TimeEntrySeed{UserID: DemoMemberID, Start: week.Add(9 * time.Hour), End: week.Add(17 * time.Hour)})
	id := s.AddApprovalRequest(DemoWorkspaceID, ApprovalRequestSeed{UserID: DemoMemberID, Start: week, State: ApprovalApproved})

	approved := decodeJSON[[]wireApproval](t, send(t, s, http.MethodGet, approvals+"?status=APPROVED", ""))
	require.Len(t, approved, 1)
	assert.Equal(t, id, approved[0].ApprovalRequest.ID)
	assert.Equal(t, "PT8H", approved[0].TrackedTime, "the owner's entries in the period")
	assert.Equal(t, "PT0S", approved[0].PendingTime)

	all := decodeJSON[[]wireApproval](t, send(t, s, http.MethodGet, approvals+"?sort-order=DESCENDING", ""))
	require.Len(t, all, 3, "every state without status")
	assert.Equal(t, id, all[2].ApprovalRequest.ID)

	r := send(t, s, http.MethodGet, approvals+"?page=1&page-size=2", "")
	assert.Equal(t, "false", r.header.Get("Last-Page"))
	r = send(t, s, http.MethodGet, approvals+"?page=2&page-size=2", "")
	assert.Equal(t, "true", r.header.Get("Last-Page"))
	assert.Len(t, decodeJSON[[]wireApproval](t, r), 1)

	assertError(t, send(t, s, http.MethodGet, approvals+"?status=WAITING", ""), http.StatusBadRequest, 3000, "status")
	assertError(t, send(t, s, http.MethodGet, approvals+"?page-size=0", ""), http.StatusBadRequest, 3000, "page-size")
}

func TestApprovals_whoSeesWhich(t *testing.T) {
	s := newDemo(t)
	s.AddApprovalRequest(DemoWorkspaceID, ApprovalRequestSeed{UserID: DemoMemberID})
	count := func(who string) int {
		r := send(t, s, http.MethodGet, approvals, "", as(s, who)...)
		require.Equal(t, http.StatusOK, r.status, "%s", r.body)
		return len(decodeJSON[[]wireApproval](t, r))
	}
	assert.Equal(t, 3, count(DemoAdminID), "admins see all")
	assert.Equal(t, 3, count(DemoTeamManagerID), "Priya manages Emma and the Design Team, Sofia's group")
	assert.Equal(t, 1, count(DemoMemberID), "a member sees their own")
	assert.Equal(t, 0, count(DemoProjectManagerID))
}

func TestSetPendingApprovals_falseWithdrawsThem(t *testing.T) {
	s := newDemo(t)
	s.SetPendingApprovals(DemoWorkspaceID, DemoPendingApprovalsID, false)
	assert.Empty(t, decodeJSON[[]wireApproval](t, send(t, s, http.MethodGet, approvals+"?status=PENDING", "")))
	assert.Len(t, decodeJSON[[]wireApproval](t, send(t, s, http.MethodGet, approvals+"?status=WITHDRAWN_SUBMISSION", "")), 2)
	assert.False(t, getProfile(t, s, DemoPendingApprovalsID).HasPendingApprovalRequest)
}

func TestAddApprovalRequest_panicsOnMistakes(t *testing.T) {
	s := newDemo(t)
	t0 := time.Date(2026, 10, 5, 0, 0, 0, 0, time.UTC)
	assert.Panics(t, func() { s.AddApprovalRequest(DemoWorkspaceID, ApprovalRequestSeed{UserID: "64f0a1b2c3d4e5f6020000ff"}) })
	assert.Panics(t, func() {
		s.AddApprovalRequest(DemoWorkspaceID, ApprovalRequestSeed{UserID: DemoMemberID, State: "DONE"})
	})
	assert.Panics(t, func() {
		s.AddApprovalRequest(DemoWorkspaceID, ApprovalRequestSeed{UserID: DemoMemberID, Start: t0, End: t0.Add(-time.Second)})
	})
	assert.False(t, getProfile(t, s, DemoMemberID).HasPendingApprovalRequest)
	s.AddApprovalRequest(DemoWorkspaceID, ApprovalRequestSeed{UserID: DemoMemberID})
	assert.True(t, getProfile(t, s, DemoMemberID).HasPendingApprovalRequest, "a pending request sets the flag")
}
