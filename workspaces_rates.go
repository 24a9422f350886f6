package clockify

import (
	"context"
	"net/http"
	"net/url"
)

// SetHourlyRate sets the workspace's default billable hourly rate, the rate of every member and
// project that has none of its own. r is the same RateChange as a member's rate: an amount in
// minor units of the workspace currency and, optionally, since when it applies (back-dating
// needs the workspace feature HISTORIC_RATES). Clockify answers with the whole workspace, whose
// HourlyRate shows the new rate. Only the owner and admins may set it; a refusal by one of
// these rules comes back as a *RestrictionError (errors.Is(err, ErrAdminOnly), ErrPaidFeature).
//
// Clockify API: PUT /v1/workspaces/{workspaceId}/hourly-rate
func (s *WorkspacesService) SetHourlyRate(ctx context.Context, workspaceID string, r RateChange) (*Workspace, *Response, error) {
	return s.setRate(ctx, workspaceID, false, r)
}

// SetCostRate sets the workspace's default cost rate (labour cost), the cost of every member
// without one of their own. It needs the workspace feature LABOR_COST; otherwise it is like
// SetHourlyRate, and Clockify answers with the workspace, whose CostRate shows the new rate.
//
// Clockify API: PUT /v1/workspaces/{workspaceId}/cost-rate
func (s *WorkspacesService) SetCostRate(ctx context.Context, workspaceID string, r RateChange) (*Workspace, *Response, error) {
	return s.setRate(ctx, workspaceID, true, r)
}

func (s *WorkspacesService) setRate(ctx context.Context, workspaceID string, cost bool, r RateChange) (*Workspace, *Response, error) {
	if err := requireIDs("workspaceID", workspaceID); err != nil {
		return nil, nil, err
	}
	body, err := r.body()
	if err != nil {
		return nil, nil, err
	}
	path := "v1/workspaces/" + url.PathEscape(workspaceID) + rateSuffix(cost)
	ws, resp, err := do[Workspace](ctx, clientOf(s), op{method: http.MethodPut, path: path, body: body, retrySafe: true})
	if err != nil {
		// The workspace's rules are the member rates' (admins only, LABOR_COST, HISTORIC_RATES),
		// with no member to name.
		return nil, resp, clientOf(s).explain(ctx, workspaceID, "", err, rateRules(cost, !r.Since.IsZero()))
	}
	return ws, resp, nil
}
