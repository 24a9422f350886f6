package clockify

import (
	"fmt"
	"math"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const projectJSON = `{"id":"p1","name":"Website Redesign","workspaceId":"ws1","billable":true,"public":false,"archived":false,
	"memberships":[{"userId":"u1","targetId":"p1","membershipType":"PROJECT","membershipStatus":"ACTIVE",
	"hourlyRate":{"amount":9500,"currency":"EUR"},"costRate":{"amount":6000,"currency":"EUR"}}],"unknown":true}`

func TestMembersSetProjectRates_sendAmountAndSince(t *testing.T) {
	for _, tc := range []struct {
		name string
		set  func(*Client, RateChange) (*Project, *Response, error)
		path string
	}{
		{"hourly", func(c *Client, r RateChange) (*Project, *Response, error) {
			return c.Members.SetProjectHourlyRate(ctx, "ws1", "p1", "u1", r)
		}, "/v1/workspaces/ws1/projects/p1/users/u1/hourly-rate"},
		{"cost", func(c *Client, r RateChange) (*Project, *Response, error) {
			return c.Members.SetProjectCostRate(ctx, "ws1", "p1", "u1", r)
		}, "/v1/workspaces/ws1/projects/p1/users/u1/cost-rate"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			client, mux := setup(t)
			mux.HandleFunc("PUT "+tc.path, func(w http.ResponseWriter, r *http.Request) {
				assert.JSONEq(t, `{"amount":9500,"since":"2026-01-01T00:00:00Z"}`, readBody(t, r))
				fmt.Fprint(w, projectJSON)
			})
			p, _, err := tc.set(client, RateChange{Amount: 9500, Since: time.Date(2026, 1, 1, 1, 0, 0, 0, time.FixedZone("CET", 3600))})
			require.NoError(t, err)
			m, ok := p.Membership("u1")
			require.True(t, ok)
			assert.Equal(t, &Money{Amount: 9500, Currency: "EUR"}, m.HourlyRate)
			assert.Equal(t, MembershipType("PROJECT"), m.MembershipType)
		})
	}
}

func TestMembersSetProjectCostRate_missingLaborCostIsNamed(t *testing.T) {
	client, mux := setup(t)
	serveAdminOf(t, mux, "ws1")
	mux.HandleFunc("PUT /v1/workspaces/ws1/projects/p1/users/u1/cost-rate", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusForbidden)
	})
	mux.HandleFunc("GET /v1/workspaces/ws1", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"id":"ws1","featureSubscriptionType":"BASIC_2021","features":["EDIT_MEMBER_PROFILE"]}`)
	})
	_, _, err := client.Members.SetProjectCostRate(ctx, "ws1", "p1", "u1", RateChange{Amount: 1})
	assert.ErrorIs(t, err, ErrPaidFeature)
}

func TestMembersSetProjectRates_badInputIsValidationError(t *testing.T) {
	client, mux := setup(t)
	failOnUnexpectedRequest(t, mux)
	for name, call := range map[string]func() error{
		"project": func() error {
			_, _, err := client.Members.SetProjectHourlyRate(ctx, "ws1", "", "u1", RateChange{})
			return err
		},
		"user": func() error {
			_, _, err := client.Members.SetProjectCostRate(ctx, "ws1", "p1", "a/b", RateChange{})
			return err
		},
		"negative": func() error {
			_, _, err := client.Members.SetProjectHourlyRate(ctx, "ws1", "p1", "u1", RateChange{Amount: -1})
			return err
		},
		"year": func() error {
			_, _, err := client.Members.SetProjectHourlyRate(ctx, "ws1", "p1", "u1", RateChange{Since: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)})
			return err
		},
	} {
		assert.ErrorIs(t, call(), ErrInvalidInput, name)
	}
}

func TestMembersSetRates_sendAmountAndSinceInUTC(t *testing.T) {
	t.Parallel()
	berlin := time.FixedZone("CET", 3600)
	for _, tc := range []struct {
		name string
		path string
		call func(*Client, RateChange) (*Workspace, *Response, error)
		rate RateChange
		body string
	}{
		{"hourly with since", "/hourly-rate", func(c *Client, r RateChange) (*Workspace, *Response, error) {
			return c.Members.SetHourlyRate(ctx, "ws1", "u1", r)
		}, RateChange{Amount: 2500, Since: time.Date(2026, 1, 1, 1, 0, 0, 999, berlin)}, `{"amount":2500,"since":"2026-01-01T00:00:00Z"}`},
		{"cost without since", "/cost-rate", func(c *Client, r RateChange) (*Workspace, *Response, error) {
			return c.Members.SetCostRate(ctx, "ws1", "u1", r)
		}, RateChange{}, `{"amount":0}`},
		{"largest amount", "/hourly-rate", func(c *Client, r RateChange) (*Workspace, *Response, error) {
			return c.Members.SetHourlyRate(ctx, "ws1", "u1", r)
		}, RateChange{Amount: math.MaxInt32}, `{"amount":2147483647}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			client, mux := setup(t)
			mux.HandleFunc("PUT /v1/workspaces/ws1/users/u1"+tc.path, func(w http.ResponseWriter, r *http.Request) {
				assert.JSONEq(t, tc.body, readBody(t, r))
				fmt.Fprint(w, memberWorkspaceJSON)
			})
			ws, _, err := tc.call(client, tc.rate)
			require.NoError(t, err)
			m, ok := ws.Membership("u1")
			require.True(t, ok)
			assert.Equal(t, &Money{Amount: 2500, Currency: "GBP"}, m.HourlyRate)
		})
	}
}

func TestMembersSetRates_badAmountIsValidationError(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	failOnUnexpectedRequest(t, mux)
	for _, r := range []RateChange{{Amount: -1}, {Amount: math.MaxInt32 + 1}, {Amount: 1, Since: time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)}} {
		_, _, err := client.Members.SetHourlyRate(ctx, "ws1", "u1", r)
		assert.ErrorIs(t, err, ErrInvalidInput)
		_, _, err = client.Members.SetCostRate(ctx, "ws1", "u1", r)
		assert.ErrorIs(t, err, ErrInvalidInput)
	}
}

func TestMembersSetRates_retriedOnServerError(t *testing.T) {
	t.Parallel()
	client, srv := setupServer(t)
	srv.HandleFunc("PUT /v1/workspaces/ws1/users/u1/hourly-rate", func(w http.ResponseWriter, r *http.Request) {
		if srv.count("PUT /v1/workspaces/ws1/users/u1/hourly-rate") == 1 {
			w.WriteHeader(http.StatusBadGateway)
			return
		}
		fmt.Fprint(w, memberWorkspaceJSON)
	})
	_, _, err := client.Members.SetHourlyRate(ctx, "ws1", "u1", RateChange{Amount: 1})
	require.NoError(t, err)
	assert.EqualValues(t, 2, srv.count("PUT /v1/workspaces/ws1/users/u1/hourly-rate"))
}

func TestMembersSetHourlyRate_backDatingWithoutHistoricRatesIsPaidFeature(t *testing.T) {
	t.Parallel()
	client, mux := setup(t)
	serveAdminOf(t, mux, "ws1")
	mux.HandleFunc("PUT /v1/workspaces/ws1/users/u1/hourly-rate", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusForbidden)
		fmt.Fprint(w, ruleRefusalJSON)
	})
	mux.HandleFunc("GET /v1/workspaces/ws1", func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, memberWorkspaceJSON) })
	_, _, err := client.Members.SetHourlyRate(ctx, "ws1", "u1", RateChange{Amount: 1, Since: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)})
	assert.ErrorIs(t, err, ErrPaidFeature)
	assert.Contains(t, err.Error(), "HISTORIC_RATES")
}
