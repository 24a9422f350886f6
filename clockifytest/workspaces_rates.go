package clockifytest

import "net/http"

func parseWorkspaceHourlyRate(c *call) (rateRequest, *apiError) {
	return parseRate(c, sig("WorkspaceDtoV1", "workspace.WorkspaceHttpAdapter", "setWorkspaceHourlyRate", "HourlyRateRequestV1"))
}

func parseWorkspaceCostRate(c *call) (rateRequest, *apiError) {
	return parseRate(c, sig("WorkspaceDtoV1", "workspace.WorkspaceHttpAdapter", "setWorkspaceCostRate", "CostRateRequestV1"))
}

// workspaceRate serves PUT /v1/workspaces/{workspaceId}/hourly-rate (cost false) and
// …/cost-rate (cost true), {"amount", "since"?}: the workspace's default rate, in its
// currency, answered with the workspace. Admins only; the plan rules of member rates apply
// (a cost rate needs LABOR_COST, a since HISTORIC_RATES).
// https://docs.clockify.me/#tag/Workspace/operation/setWorkspaceHourlyRate
// https://docs.clockify.me/#tag/Workspace/operation/setWorkspaceCostRate
func (s *Server) workspaceRate(cost bool) func(*call, rateRequest) (int, any, *apiError) {
	return func(c *call, req rateRequest) (int, any, *apiError) {
		if err := c.ws.rateFeatures(cost, req); err != nil {
			return 0, nil, err
		}
		r := &Rate{Amount: int64(*req.Amount), Currency: c.ws.currency}
		if cost {
			c.ws.costRate = r
		} else {
			c.ws.hourlyRate = r
		}
		s.st.touch()
		return http.StatusOK, c.ws.dto(), nil
	}
}
