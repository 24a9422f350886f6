package clockifytest

import (
	"cmp"
	"net/http"
	"slices"
	"time"
)

// Approval states (ApprovalRequestStatusDtoV1.state).
const (
	ApprovalPending             = "PENDING"
	ApprovalApproved            = "APPROVED"
	ApprovalRejected            = "REJECTED"
	ApprovalWithdrawnSubmission = "WITHDRAWN_SUBMISSION"
	ApprovalWithdrawnApproval   = "WITHDRAWN_APPROVAL"
)

var approvalStates = []string{ApprovalPending, ApprovalApproved, ApprovalWithdrawnSubmission, ApprovalWithdrawnApproval, ApprovalRejected}

// approvalRequest is a member's time for one period, submitted for approval.
type approvalRequest struct {
	id, ownerID, creatorID string
	start, end             time.Time
	state, note            string
	updatedAt              time.Time
	updatedBy              string
}

// ApprovalRequestSeed describes an approval request for AddApprovalRequest.
type ApprovalRequestSeed struct {
	ID     string // "" = generated
	UserID string // the owner, a member of the workspace
	// CreatorID is who submitted it; "" = the owner.
	CreatorID string
	// Start and End bound the period; zero Start = the Monday of last week, zero End = 7 days
	// after Start less a second.
	Start, End time.Time
	State      string    // PENDING (default), APPROVED, REJECTED, WITHDRAWN_SUBMISSION, WITHDRAWN_APPROVAL
	Note       string    // the status note
	UpdatedAt  time.Time // when the state was set (submitted, for PENDING); zero = End plus a second
}

// AddApprovalRequest adds an approval request to workspace wsID and returns its id. A PENDING
// one sets the owner's hasPendingApprovalRequest, which blocks changing their week start. It
// panics on an unknown member, an unknown state or an End before Start.
func (s *Server) AddApprovalRequest(wsID string, a ApprovalRequestSeed) string {
	return s.seedIn("AddApprovalRequest", wsID, func(st *store, ws *workspace) string {
		m := ws.members[a.UserID]
		switch {
		case m == nil:
			seedPanic("AddApprovalRequest: user %q is not a member of workspace %q", a.UserID, wsID)
		case a.CreatorID != "" && ws.members[a.CreatorID] == nil:
			seedPanic("AddApprovalRequest: creator %q is not a member of workspace %q", a.CreatorID, wsID)
		case a.State != "" && !slices.Contains(approvalStates, a.State):
			seedPanic("AddApprovalRequest: unknown state %q", a.State)
		}
		if a.Start.IsZero() {
			now := time.Now().UTC().Truncate(24 * time.Hour)
			a.Start = now.AddDate(0, 0, -7-(int(now.Weekday())+6)%7)
		}
		if a.End.IsZero() {
			a.End = a.Start.AddDate(0, 0, 7).Add(-time.Second)
		}
		if a.End.Before(a.Start) {
			seedPanic("AddApprovalRequest: End %v is before Start %v", a.End, a.Start)
		}
		r := &approvalRequest{id: st.id(a.ID, "approval request"), ownerID: a.UserID, creatorID: cmp.Or(a.CreatorID, a.UserID),
			start: a.Start.UTC().Truncate(time.Second), end: a.End.UTC().Truncate(time.Second),
			state: cmp.Or(a.State, ApprovalPending), note: a.Note, updatedAt: a.UpdatedAt.UTC().Truncate(time.Second)}
		if r.updatedAt.IsZero() {
			r.updatedAt = r.end.Add(time.Second)
		}
		r.updatedBy = r.creatorID
		if r.state == ApprovalPending {
			m.pendingApprovals = true
		}
		ws.approvals = append(ws.approvals, r)
		st.touch()
		return r.id
	})
}

// withdrawPending withdraws userID's pending approval requests, as when
// SetPendingApprovals clears hasPendingApprovalRequest.
func (ws *workspace) withdrawPending(userID string) {
	for _, r := range ws.approvals {
		if r.ownerID == userID && r.state == ApprovalPending {
			r.state = ApprovalWithdrawnSubmission
		}
	}
}

type approvalQuery struct {
	state          string // "" = every state
	descending     bool
	page, pageSize int
}

func parseApprovals(c *call) (approvalQuery, *apiError) {
	q := c.r.URL.Query()
	var aq approvalQuery
	var err *apiError
	if aq.state, err = enumParam(q, "status", "ApprovalState", approvalStates, ""); err != nil {
		return aq, err
	}
	order, err := enumParam(q, "sort-order", "SortOrder", sortOrders, "ASCENDING")
	if err != nil {
		return aq, err
	}
	aq.descending = order == "DESCENDING"
	aq.page, aq.pageSize, err = pageParams(q, 50, maxPageSize)
	return aq, err
}

// listApprovals serves GET /v1/workspaces/{workspaceId}/approval-requests:
// the approval requests the caller may see, in status (every state when
// absent), by period start (sort-order; ties by id; sort-column is not
// modelled), paged by page and page-size (defaults 1 and 50), with
// Last-Page, as ApprovalDetailsDtoV1 items. There is no filter by member.
// Owners and admins see every request, team managers their team's and their
// own, others their own (https://clockify.me/help/users/who-can-do-what).
// https://docs.clockify.me/#tag/Approval/operation/getApprovalRequests
func (s *Server) listApprovals(c *call, q approvalQuery) (int, any, *apiError) {
	var list []*approvalRequest
	for _, r := range c.ws.approvals {
		if (q.state == "" || r.state == q.state) && c.maySeeApprovalsOf(r.ownerID) {
			list = append(list, r)
		}
	}
	slices.SortFunc(list, func(a, b *approvalRequest) int {
		d := cmp.Or(a.start.Compare(b.start), cmp.Compare(a.id, b.id))
		if q.descending {
			d = -d
		}
		return d
	})
	out := []approvalDetailsDTO{}
	for i := (q.page - 1) * q.pageSize; i < len(list) && len(out) < q.pageSize; i++ {
		out = append(out, s.st.approvalDTO(c.ws, list[i]))
	}
	setLastPage(c.w, len(out), q.pageSize)
	return http.StatusOK, out, nil
}

// maySeeApprovalsOf reports whether the caller sees ownerID's approval requests.
func (c *call) maySeeApprovalsOf(ownerID string) bool {
	if c.caller == ownerID || c.isAdmin() {
		return true
	}
	if m := c.ws.members[c.caller]; m != nil {
		return c.ws.managersOf(ownerID)[m]
	}
	return false
}

// approvalDTO renders ApprovalDetailsDtoV1: the request and its period's
// totals, from the owner's finished time entries that start in it.
func (st *store) approvalDTO(ws *workspace, r *approvalRequest) approvalDetailsDTO {
	owner, creator := st.users[r.ownerID], st.users[r.creatorID]
	var tracked time.Duration
	for _, e := range ws.entries {
		if e.userID == r.ownerID && e.end != nil && !e.start.Before(r.start) && !e.start.After(r.end) {
			tracked += e.end.Sub(e.start)
		}
	}
	var approved, pending time.Duration
	switch r.state {
	case ApprovalApproved:
		approved = tracked
	case ApprovalPending:
		pending = tracked
	}
	weekStart := "MONDAY"
	if m := ws.members[r.ownerID]; m != nil {
		weekStart = m.weekStart
	}
	return approvalDetailsDTO{
		ApprovalRequest: approvalRequestDTO{
			ID: r.id, WorkspaceID: ws.id,
			DateRange: dateRangeDTO{Start: r.start.Format(instantLayout), End: r.end.Format(instantLayout)},
			Owner:     approvalOwnerDTO{UserID: owner.id, UserName: owner.name, TimeZone: owner.timeZone, StartOfWeek: weekStart},
			Creator:   approvalCreatorDTO{UserID: creator.id, UserName: creator.name, UserEmail: creator.email},
			Status: approvalStatusDTO{State: r.state, Note: r.note, UpdatedBy: r.updatedBy,
				UpdatedByUserName: st.users[r.updatedBy].name, UpdatedAt: r.updatedAt.Format(instantLayout)},
		},
		ApprovedTime: formatDuration(int64(approved)), PendingTime: formatDuration(int64(pending)),
		TrackedTime: formatDuration(int64(tracked)), BillableTime: "PT0S", BreakTime: "PT0S",
		Entries: []any{}, Expenses: []any{},
	}
}

// The approval list's wire structs (ApprovalDetailsDtoV1 and its parts).

type dateRangeDTO struct {
	Start string `json:"start"`
	End   string `json:"end"`
}

type approvalOwnerDTO struct {
	UserID      string `json:"userId"`
	UserName    string `json:"userName"`
	TimeZone    string `json:"timeZone"`
	StartOfWeek string `json:"startOfWeek"`
}

type approvalCreatorDTO struct {
	UserID    string `json:"userId"`
	UserName  string `json:"userName"`
	UserEmail string `json:"userEmail"`
}

type approvalStatusDTO struct {
	State             string `json:"state"`
	Note              string `json:"note"`
	UpdatedBy         string `json:"updatedBy"`
	UpdatedByUserName string `json:"updatedByUserName"`
	UpdatedAt         string `json:"updatedAt"`
}

type approvalRequestDTO struct {
	ID          string             `json:"id"`
	WorkspaceID string             `json:"workspaceId"`
	DateRange   dateRangeDTO       `json:"dateRange"`
	Owner       approvalOwnerDTO   `json:"owner"`
	Creator     approvalCreatorDTO `json:"creator"`
	Status      approvalStatusDTO  `json:"status"`
}

type approvalDetailsDTO struct {
	ApprovalRequest approvalRequestDTO `json:"approvalRequest"`
	ApprovedTime    string             `json:"approvedTime"`
	BillableAmount  int64              `json:"billableAmount"`
	BillableTime    string             `json:"billableTime"`
	BreakTime       string             `json:"breakTime"`
	CostAmount      int64              `json:"costAmount"`
	Entries         []any              `json:"entries"`
	ExpenseTotal    int64              `json:"expenseTotal"`
	Expenses        []any              `json:"expenses"`
	PendingTime     string             `json:"pendingTime"`
	TrackedTime     string             `json:"trackedTime"`
}
