package clockifytest

import (
	"fmt"
	"net/http"
	"slices"
	"time"
)

// rateRequest is HourlyRateRequestV1 / CostRateRequestV1: an amount in minor
// units and an optional date from which it applies.
type rateRequest struct {
	Amount *int32  `json:"amount"`
	Since  *string `json:"since"`
}

func parseHourlyRate(c *call) (rateRequest, *apiError) {
	return parseRate(c, sig("WorkspaceDtoV1", "workspace.WorkspaceHttpAdapter", "setHourlyRateForUser", "HourlyRateRequestV1"))
}

func parseCostRate(c *call) (rateRequest, *apiError) {
	return parseRate(c, sig("WorkspaceDtoV1", "workspace.WorkspaceHttpAdapter", "setCostRateForUser", "CostRateRequestV1"))
}

func parseRate(c *call, signature string) (rateRequest, *apiError) {
	var req rateRequest
	if err := c.decode(&req, signature); err != nil {
		return req, err
	}
	if req.Amount == nil {
		return req, invalidField("amount", "This field can't be empty")
	}
	if *req.Amount < 0 {
		return req, invalidField("amount", "must be greater than or equal to 0")
	}
	if req.Since != nil {
		if _, err := time.Parse("2006-01-02T15:04:05Z", *req.Since); err != nil {
			return req, badJSON(fmt.Sprintf("Cannot deserialize value of type `java.time.Instant` from String \"%s\"", *req.Since))
		}
	}
	return req, nil
}

// rateFeatures refuses a rate the workspace's plan does not allow: a cost
// rate needs LABOR_COST, a rate with since needs HISTORIC_RATES.
func (ws *workspace) rateFeatures(cost bool, req rateRequest) *apiError {
	if (cost && !ws.hasFeature(FeatureLaborCost)) || (req.Since != nil && !ws.hasFeature(FeatureHistoricRates)) {
		return errAccessDenied
	}
	return nil
}

// memberRate serves PUT …/users/{userId}/hourly-rate (cost false) and …/cost-rate (cost true)
// and answers the workspace.
// https://docs.clockify.me/#tag/Workspace/operation/setHourlyRateForUser
// https://docs.clockify.me/#tag/Workspace/operation/setCostRateForUser
func (s *Server) memberRate(cost bool) func(*call, rateRequest) (int, any, *apiError) {
	return func(c *call, req rateRequest) (int, any, *apiError) {
		if err := c.ws.rateFeatures(cost, req); err != nil {
			return 0, nil, err
		}
		r := &Rate{Amount: int64(*req.Amount), Currency: c.ws.currency}
		if cost {
			c.target.costRate = r
		} else {
			c.target.hourlyRate = r
		}
		s.st.touch()
		s.rateEvent(c.ws, c.target, cost, nil, r)
		return http.StatusOK, c.ws.dto(), nil
	}
}

func parseProjectHourlyRate(c *call) (rateRequest, *apiError) {
	return parseRate(c, sigN(3, "ProjectDtoImplV1", "project.ProjectHttpAdapter", "addUsersHourlyRate", "HourlyRateRequestV1"))
}

func parseProjectCostRate(c *call) (rateRequest, *apiError) {
	return parseRate(c, sigN(3, "ProjectDtoImplV1", "project.ProjectHttpAdapter", "addUsersCostRate", "CostRateRequestV1"))
}

// projectRate serves
// PUT /v1/workspaces/{workspaceId}/projects/{projectId}/users/{userId}/hourly-rate (cost false)
// and …/cost-rate (cost true), and answers the project. The plan rules of workspace rates apply;
// the member must be on the project.
// https://docs.clockify.me/#tag/Project/operation/addUsersHourlyRate
// https://docs.clockify.me/#tag/Project/operation/addUsersCostRate
func (s *Server) projectRate(cost bool) func(*call, rateRequest) (int, any, *apiError) {
	return func(c *call, req rateRequest) (int, any, *apiError) {
		if err := c.ws.rateFeatures(cost, req); err != nil {
			return 0, nil, err
		}
		p, uid := c.project, c.target.user.id
		if !slices.Contains(p.userIDs, uid) {
			return 0, nil, &apiError{status: http.StatusBadRequest, code: 501, msg: "User doesn't belong to Project"}
		}
		rates := p.hourlyRates
		if cost {
			rates = p.costRates
		}
		rates[uid] = &Rate{Amount: int64(*req.Amount), Currency: c.ws.currency}
		s.st.touch()
		s.rateEvent(c.ws, c.target, cost, p, rates[uid])
		return http.StatusOK, c.ws.projectDTO(p), nil
	}
}
