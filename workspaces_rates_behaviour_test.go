package clockify_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
)

func TestWorkspacesBehaviour_SetRates(t *testing.T) {
	srv := demoServer(t)
	c := srv.Client(fastOpts...)
	ctx := context.Background()

	ws, _, err := c.Workspaces.SetHourlyRate(ctx, demoWS, clockify.RateChange{Amount: 9900})
	require.NoError(t, err)
	assert.Equal(t, &clockify.Money{Amount: 9900, Currency: "EUR"}, ws.HourlyRate)
	ws, _, err = c.Workspaces.SetCostRate(ctx, demoWS, clockify.RateChange{Amount: 6100})
	require.NoError(t, err)
	assert.Equal(t, &clockify.Money{Amount: 6100, Currency: "EUR"}, ws.CostRate)
	got, _, err := c.Workspaces.Get(ctx, demoWS)
	require.NoError(t, err)
	assert.Equal(t, ws.HourlyRate, got.HourlyRate)

	member := srv.ClientAs(clockifytest.DemoMemberID, fastOpts...)
	_, _, err = member.Workspaces.SetHourlyRate(ctx, demoWS, clockify.RateChange{Amount: 1})
	assert.ErrorIs(t, err, clockify.ErrAdminOnly)
}
