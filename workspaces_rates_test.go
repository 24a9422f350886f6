package clockify

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWorkspacesSetRates_sendAmountAndSinceInUTC(t *testing.T) {
	berlin := time.FixedZone("CET", 3600)
	for _, tc := range []struct {
		name, path, body string
		call             func(*Client, RateChange) (*Workspace, *Response, error)
		rate             RateChange
		want             func(*Workspace) *Money
	}{
		{"hourly with since", "/v1/workspaces/ws1/hourly-rate", `{"amount":9900,"since":"2026-01-01T00:00:00Z"}`,
			func(c *Client, r RateChange) (*Workspace, *Response, error) {
				return c.Workspaces.SetHourlyRate(ctx, "ws1", r)
			},
			RateChange{Amount: 9900, Since: time.Date(2026, 1, 1, 1, 0, 0, 999, berlin)}, func(w *Workspace) *Money { return w.HourlyRate }},
		{"cost without since", "/v1/workspaces/ws1/cost-rate", `{"amount":9900}`,
			func(c *Client, r RateChange) (*Workspace, *Response, error) {
				return c.Workspaces.SetCostRate(ctx, "ws1", r)
			},
			RateChange{Amount: 9900}, func(w *Workspace) *Money { return w.CostRate }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			client, srv := setupServer(t)
			srv.HandleFunc("PUT "+tc.path, func(w http.ResponseWriter, r *http.Request) {
				assert.JSONEq(t, tc.body, readBody(t, r))
				fmt.Fprint(w, `{"id":"ws1","name":"Acme","hourlyRate":{"amount":9900,"currency":"EUR"},"costRate":{"amount":9900,"currency":"EUR"}}`)
			})
			ws, _, err := tc.call(client, tc.rate)
			require.NoError(t, err)
			assert.Equal(t, "ws1", ws.ID)
			assert.Equal(t, &Money{Amount: 9900, Currency: "EUR"}, tc.want(ws))
			assert.Equal(t, []string{"PUT " + tc.path}, srv.sent())
		})
	}
}

func TestWorkspacesSetCostRate_missingLaborCostIsNamed(t *testing.T) {
	client, mux := setup(t)
	serveAdminOf(t, mux, "ws1")
	forbidden(mux, "PUT /v1/workspaces/ws1/cost-rate")
	mux.HandleFunc("GET /v1/workspaces/ws1", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"id":"ws1","featureSubscriptionType":"BASIC_2021","features":["EDIT_MEMBER_PROFILE"]}`)
	})
	_, _, err := client.Workspaces.SetCostRate(ctx, "ws1", RateChange{Amount: 1})
	assert.ErrorIs(t, err, ErrPaidFeature)
	assert.ErrorIs(t, err, ErrForbidden, "the server's refusal is kept")
	assert.Equal(t, RulePaidFeature, RuleOf(err))
}

func TestWorkspacesSetRates_badInputSendsNothing(t *testing.T) {
	client, mux := setup(t)
	failOnUnexpectedRequest(t, mux)
	_, _, err := client.Workspaces.SetHourlyRate(ctx, "", RateChange{Amount: 1})
	assert.ErrorIs(t, err, ErrInvalidInput)
	_, _, err = client.Workspaces.SetCostRate(ctx, "ws1", RateChange{Amount: -1})
	assert.ErrorIs(t, err, ErrInvalidInput)
	_, _, err = client.Workspaces.SetHourlyRate(ctx, "ws1", RateChange{Amount: 1, Since: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)})
	assert.ErrorIs(t, err, ErrInvalidInput)
}
