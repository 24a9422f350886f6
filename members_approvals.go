package clockify

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"
)

// ApprovalState is the state of an approval request (a timesheet or expenses submitted for a
// period). It is an open set.
type ApprovalState string

// Approval states Clockify documents.
const (
	ApprovalPending             ApprovalState = "PENDING"
	ApprovalApproved            ApprovalState = "APPROVED"
	ApprovalRejected            ApprovalState = "REJECTED"
	ApprovalWithdrawnSubmission ApprovalState = "WITHDRAWN_SUBMISSION"
	ApprovalWithdrawnApproval   ApprovalState = "WITHDRAWN_APPROVAL"
)

// ApprovalRequest is a member's time (and expenses) for one period, submitted for approval.
// While one is PENDING, the member's week start cannot be changed
// (https://clockify.me/help/administration/edit-profiles).
type ApprovalRequest struct {
	ID          string
	WorkspaceID string
	// OwnerID and OwnerName are the member whose time it is; CreatorID and CreatorName who
	// submitted it (a manager may submit for a member).
	OwnerID, OwnerName     string
	CreatorID, CreatorName string
	// Start and End bound the period submitted.
	Start, End time.Time
	State      ApprovalState
	Note       string
	// UpdatedAt is when the state last changed: for a pending request, when it was submitted.
	UpdatedAt time.Time
	// Details holds the rest of Clockify's answer for the request, as sent: its totals
	// (trackedTime, pendingTime, billableAmount, ...), entries and expenses.
	Details map[string]json.RawMessage
}

// approvalRequestJSON is Clockify's ApprovalRequestDtoV1.
type approvalRequestJSON struct {
	ID          string `json:"id"`
	WorkspaceID string `json:"workspaceId"`
	DateRange   struct {
		Start time.Time `json:"start"`
		End   time.Time `json:"end"`
	} `json:"dateRange"`
	Owner struct {
		UserID   string `json:"userId"`
		UserName string `json:"userName"`
	} `json:"owner"`
	Creator struct {
		UserID   string `json:"userId"`
		UserName string `json:"userName"`
	} `json:"creator"`
	Status struct {
		State     ApprovalState `json:"state"`
		Note      string        `json:"note"`
		UpdatedAt *time.Time    `json:"updatedAt"`
	} `json:"status"`
}

// UnmarshalJSON reads one item of Clockify's approval list, {"approvalRequest": {...}, totals...}.
// An item without the request (or without its id) is an error, not an empty request.
func (a *ApprovalRequest) UnmarshalJSON(b []byte) error {
	var item map[string]json.RawMessage
	if err := json.Unmarshal(b, &item); err != nil {
		return err
	}
	raw, ok := item["approvalRequest"]
	if !ok {
		return errors.New("clockify: approval list item without approvalRequest")
	}
	var w approvalRequestJSON
	if err := json.Unmarshal(raw, &w); err != nil {
		return err
	}
	if w.ID == "" {
		return errors.New("clockify: approval request without id")
	}
	delete(item, "approvalRequest")
	*a = ApprovalRequest{ID: w.ID, WorkspaceID: w.WorkspaceID, OwnerID: w.Owner.UserID, OwnerName: w.Owner.UserName,
		CreatorID: w.Creator.UserID, CreatorName: w.Creator.UserName, Start: w.DateRange.Start, End: w.DateRange.End,
		State: w.Status.State, Note: w.Status.Note}
	if w.Status.UpdatedAt != nil {
		a.UpdatedAt = *w.Status.UpdatedAt
	}
	if len(item) > 0 {
		a.Details = item
	}
	return nil
}

// approvalsPageSize is the page of approval requests asked for: Clockify's default, as the
// largest it accepts is not documented.
const approvalsPageSize = defaultPageSize

// PendingApprovals returns the member's approval requests waiting for a decision, the oldest
// period first; none is an empty list. Clockify cannot filter approval requests by member, so
// it reads the workspace's pending requests and keeps the member's: one request per 50 pending
// requests in the workspace. Clockify lists the requests the caller may see: an owner's or
// admin's key sees every member's, other keys fewer (a member's own, a team manager's team's),
// so ask with an owner's or admin's key.
//
// Clockify API: GET /v1/workspaces/{workspaceId}/approval-requests?status=PENDING
func (s *MembersService) PendingApprovals(ctx context.Context, workspaceID, userID string) ([]*ApprovalRequest, *Response, error) {
	if err := requireIDs("workspaceID", workspaceID, "userID", userID); err != nil {
		return nil, nil, err
	}
	path := "v1/workspaces/" + url.PathEscape(workspaceID) + "/approval-requests"
	var last *Response
	fetch := func(ctx context.Context, page int) ([]*ApprovalRequest, *Response, error) {
		q := url.Values{"status": {string(ApprovalPending)}, "page": {strconv.Itoa(page)}, "page-size": {strconv.Itoa(approvalsPageSize)}}
		items, resp, err := doList[ApprovalRequest](ctx, clientOf(s), op{method: http.MethodGet, path: path, query: q, retrySafe: true, page: page})
		last = resp
		return items, resp, err
	}
	out := []*ApprovalRequest{}
	for a, err := range pages(ctx, approvalsPageSize, func(a *ApprovalRequest) string { return a.ID }, fetch) {
		if err != nil {
			return nil, last, err
		}
		if a.OwnerID == userID && a.State == ApprovalPending {
			out = append(out, a)
		}
	}
	slices.SortFunc(out, func(a, b *ApprovalRequest) int { return cmp.Or(a.Start.Compare(b.Start), cmp.Compare(a.ID, b.ID)) })
	return out, last, nil
}

// pendingApprovalsDetail is the message of the ErrPendingApprovals refusal: how many of the
// member's approval requests are pending and since when, read with one more lookup (made only
// when the rule fires). When they cannot be read, the message says only that some are pending.
func pendingApprovalsDetail(ctx context.Context, f *facts) string {
	const blocked = "; week start can't be changed until they are approved or rejected"
	pending, _, err := f.c.Members.PendingApprovals(ctx, f.workspaceID, f.userID)
	if err != nil || len(pending) == 0 {
		return fmt.Sprintf("member %s has pending approval requests%s", f.userID, blocked)
	}
	oldest := pending[0]
	n := "1 pending approval request"
	if len(pending) > 1 {
		n = fmt.Sprintf("%d pending approval requests", len(pending))
	}
	since := ""
	if !oldest.UpdatedAt.IsZero() {
		since = ", pending since " + oldest.UpdatedAt.UTC().Format(time.DateOnly)
	}
	return fmt.Sprintf("member %s has %s%s (the oldest, %s, for %s to %s)%s", f.userID, n, since, oldest.ID,
		oldest.Start.UTC().Format(time.DateOnly), oldest.End.UTC().Format(time.DateOnly), blocked)
}
