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

// Membership returns userID's membership of the project, with their project rates.
func (p *Project) Membership(userID string) (Membership, bool) {
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
