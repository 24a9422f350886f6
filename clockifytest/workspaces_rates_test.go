package clockifytest

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type wireWorkspaceRates struct {
	HourlyRate *wireRate `json:"hourlyRate"`
	CostRate   *wireRate `json:"costRate"`
}

type wireRate struct {
	Amount   int64  `json:"amount"`
	Currency string `json:"currency"`
}

func TestWorkspaceRates(t *testing.T) {
	s := newDemo(t)
	r := send(t, s, http.MethodPut, demoWS+"/hourly-rate", `{"amount":9900}`)
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	assert.Equal(t, DemoWorkspaceID, decodeJSON[wireWorkspace](t, r).ID, "the answer is the workspace")
	assert.Equal(t, &wireRate{Amount: 9900, Currency: "EUR"}, decodeJSON[wireWorkspaceRates](t, r).HourlyRate)

	r = send(t, s, http.MethodPut, demoWS+"/cost-rate", `{"amount":6100,"since":"2026-01-01T00:00:00Z"}`)
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	got := decodeJSON[wireWorkspaceRates](t, send(t, s, http.MethodGet, demoWS, ""))
	assert.Equal(t, &wireRate{Amount: 9900, Currency: "EUR"}, got.HourlyRate)
	assert.Equal(t, &wireRate{Amount: 6100, Currency: "EUR"}, got.CostRate)
	m, _ := s.Member(DemoWorkspaceID, DemoMemberID)
	assert.Equal(t, int64(7500), m.HourlyRate.Amount, "members' own rates are not touched")
}

func TestWorkspaceRates_refusals(t *testing.T) {
	s := newDemo(t)
	hourly := demoWS + "/hourly-rate"
	assertError(t, send(t, s, http.MethodPut, hourly, ""), http.StatusBadRequest, 3002, "WorkspaceHttpAdapter.setWorkspaceHourlyRate(java.lang.String,")
	assertError(t, send(t, s, http.MethodPut, hourly, `{}`), http.StatusBadRequest, 0, "[amount]")
	assertError(t, send(t, s, http.MethodPut, hourly, `{"amount":-1}`), http.StatusBadRequest, 0, "[amount]")
	assertError(t, send(t, s, http.MethodPut, hourly, `{"amount":1,"since":"yesterday"}`), http.StatusBadRequest, 3000, "java.time.Instant")
	for _, who := range []string{DemoMemberID, DemoTeamManagerID, DemoProjectManagerID} {
		assertError(t, send(t, s, http.MethodPut, hourly, `{"amount":1}`, as(s, who)...), http.StatusForbidden, 0, "Access Denied")
	}
	assertError(t, send(t, s, http.MethodGet, hourly, ""), http.StatusMethodNotAllowed, 3000, "Request method 'GET' is not supported")

	s.SetFeatures(DemoWorkspaceID, FeatureEditMemberProfile)
	assertError(t, send(t, s, http.MethodPut, demoWS+"/cost-rate", `{"amount":1}`), http.StatusForbidden, 0, "Access Denied")
	assertError(t, send(t, s, http.MethodPut, hourly, `{"amount":1,"since":"2026-01-01T00:00:00Z"}`), http.StatusForbidden, 0, "Access Denied")
	got := decodeJSON[wireWorkspaceRates](t, send(t, s, http.MethodGet, demoWS, ""))
	assert.Equal(t, &wireRate{Amount: 9000, Currency: "EUR"}, got.HourlyRate, "refusals change nothing")
	assert.Equal(t, &wireRate{Amount: 5500, Currency: "EUR"}, got.CostRate)
}
