package clockify

import (
	"context"
	"net/http"
	"net/url"
	"time"
)

// formatAPITime writes t the way Clockify reads times: UTC, to the second
// (yyyy-MM-ddTHH:mm:ssZ). A year Clockify's format cannot hold is a *ValidationError.
func formatAPITime(field string, t time.Time) (string, error) {
	t = t.UTC()
	if t.Year() < 1 || t.Year() > 9999 {
		return "", &ValidationError{Field: field, Reason: "must be a year between 1 and 9999"}
	}
	return t.Format(rateTimeFormat), nil
}

// RateChange is a new hourly or cost rate for a member. Amount is in minor units of the
// workspace currency (2500 is 25.00), from 0 to math.MaxInt32. Since is when the rate starts to
// apply, to the second; the zero time leaves it to Clockify (the rate applies from now on).
// Back-dating needs the workspace feature HISTORIC_RATES.
type RateChange struct {
	Amount int64
	Since  time.Time
}

// rateTimeFormat is Clockify's yyyy-MM-ddThh:mm:ssZ, always in UTC.
const rateTimeFormat = "2006-01-02T15:04:05Z"

func (r RateChange) body() (any, error) {
	if err := validateAmount("Amount", &r.Amount); err != nil {
		return nil, err
	}
	b := struct {
		Amount int64  `json:"amount"`
		Since  string `json:"since,omitempty"`
	}{Amount: r.Amount}
	if !r.Since.IsZero() {
		since, err := formatAPITime("Since", r.Since)
		if err != nil {
			return nil, err
		}
		b.Since = since
	}
	return b, nil
}

// SetHourlyRate sets the member's billable hourly rate in this workspace. Clockify answers with
// the whole workspace; the member's rate shows in its memberships (there is no GET for rates).
//
// Clockify API: PUT /v1/workspaces/{workspaceId}/users/{userId}/hourly-rate
func (s *MembersService) SetHourlyRate(ctx context.Context, workspaceID, userID string, r RateChange) (*Workspace, *Response, error) {
	return s.setRate(ctx, workspaceID, userID, false, r)
}

// SetCostRate sets the member's cost rate (labour cost) in this workspace; it needs the
// workspace feature LABOR_COST, and a refusal for lack of it comes back as a *RestrictionError
// (errors.Is(err, ErrPaidFeature)). Clockify answers with the whole workspace.
//
// Clockify API: PUT /v1/workspaces/{workspaceId}/users/{userId}/cost-rate
func (s *MembersService) SetCostRate(ctx context.Context, workspaceID, userID string, r RateChange) (*Workspace, *Response, error) {
	return s.setRate(ctx, workspaceID, userID, true, r)
}

func (s *MembersService) setRate(ctx context.Context, workspaceID, userID string, cost bool, r RateChange) (*Workspace, *Response, error) {
	if err := requireIDs("workspaceID", workspaceID, "userID", userID); err != nil {
		return nil, nil, err
	}
	body, err := r.body()
	if err != nil {
		return nil, nil, err
	}
	ws, resp, err := do[Workspace](ctx, clientOf(s), op{method: http.MethodPut, path: memberPath(workspaceID, userID) + rateSuffix(cost), body: body, retrySafe: true})
	if err != nil {
		return nil, resp, clientOf(s).explain(ctx, workspaceID, userID, err, rateRules(cost, !r.Since.IsZero()))
	}
	return ws, resp, nil
}

// Project is a project as Clockify answers a change of a member's project rate: its
// memberships carry each project member's rates (MembershipType PROJECT).
type Project struct {
	ID          string       `json:"id"`
	Name        string       `json:"name"`
	WorkspaceID string       `json:"workspaceId,omitempty"`
	ClientID    string       `json:"clientId,omitempty"`
	Billable    bool         `json:"billable"`
	Public      bool         `json:"public"`
	Archived    bool         `json:"archived"`
	Memberships []Membership `json:"memberships"`
	HourlyRate  *Money       `json:"hourlyRate,omitempty"`
	CostRate    *Money       `json:"costRate,omitempty"`
}

// Membership returns userID's membership of the project, with their project rates. Like every
// getter on a result, it is safe on a nil *Project: it reports no membership.
func (p *Project) Membership(userID string) (Membership, bool) {
	if p == nil {
		return Membership{}, false
	}
	for _, m := range p.Memberships {
		if m.UserID == userID {
			return m, true
		}
	}
	return Membership{}, false
}

// SetProjectHourlyRate sets the member's billable hourly rate on one project, which overrides
// their workspace rate there. The member must be on the project. Clockify answers with the
// project; the rate shows in its memberships. It costs one request, plus one to name a
// missing feature (HISTORIC_RATES for a Since) after a refusal.
//
// Clockify API: PUT /v1/workspaces/{workspaceId}/projects/{projectId}/users/{userId}/hourly-rate
func (s *MembersService) SetProjectHourlyRate(ctx context.Context, workspaceID, projectID, userID string, r RateChange) (*Project, *Response, error) {
	return s.setProjectRate(ctx, workspaceID, projectID, userID, false, r)
}

// SetProjectCostRate sets the member's cost rate on one project, like SetProjectHourlyRate; it
// needs the workspace feature LABOR_COST, and a refusal for lack of it comes back as a
// *RestrictionError (errors.Is(err, ErrPaidFeature)).
//
// Clockify API: PUT /v1/workspaces/{workspaceId}/projects/{projectId}/users/{userId}/cost-rate
func (s *MembersService) SetProjectCostRate(ctx context.Context, workspaceID, projectID, userID string, r RateChange) (*Project, *Response, error) {
	return s.setProjectRate(ctx, workspaceID, projectID, userID, true, r)
}

func (s *MembersService) setProjectRate(ctx context.Context, workspaceID, projectID, userID string, cost bool, r RateChange) (*Project, *Response, error) {
	if err := requireIDs("workspaceID", workspaceID, "projectID", projectID, "userID", userID); err != nil {
		return nil, nil, err
	}
	body, err := r.body()
	if err != nil {
		return nil, nil, err
	}
	path := "v1/workspaces/" + url.PathEscape(workspaceID) + "/projects/" + url.PathEscape(projectID) + "/users/" + url.PathEscape(userID) + rateSuffix(cost)
	p, resp, err := do[Project](ctx, clientOf(s), op{method: http.MethodPut, path: path, body: body, retrySafe: true})
	if err != nil {
		return nil, resp, clientOf(s).explain(ctx, workspaceID, userID, err, rateRules(cost, !r.Since.IsZero()))
	}
	return p, resp, nil
}

func rateSuffix(cost bool) string {
	if cost {
		return "/cost-rate"
	}
	return "/hourly-rate"
}
