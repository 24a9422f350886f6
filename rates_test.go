package clockify

import (
	"fmt"
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
