package clockify_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
)

func TestMembersBehaviour_PendingApprovals(t *testing.T) {
	srv := demoServer(t)
	c := srv.Client(fastOpts...)
	ctx := context.Background()

	got, _, err := c.Members.PendingApprovals(ctx, demoWS, clockifytest.DemoPendingApprovalsID)
	require.NoError(t, err)
	require.Len(t, got, 2)
	assert.Equal(t, clockifytest.DemoApprovalRequestID, got[0].ID)
	assert.Equal(t, "Sofia Rossi", got[0].OwnerName)

	none, _, err := c.Members.PendingApprovals(ctx, demoWS, clockifytest.DemoMemberID)
	require.NoError(t, err)
	assert.Empty(t, none)
}

func TestProfilesBehaviour_pendingApprovalsRefusalNamesThem(t *testing.T) {
	srv := demoServer(t)
	c := srv.Client(fastOpts...)
	ctx := context.Background()
	u := &clockify.ProfileUpdate{WeekStart: clockify.Ptr(clockify.Sunday)}

	_, _, err := c.Profiles.Update(ctx, demoWS, clockifytest.DemoPendingApprovalsID, u)
	require.ErrorIs(t, err, clockify.ErrPendingApprovals)
	assert.Contains(t, err.Error(), "2 pending approval requests, pending since 2026-11-09")
	assert.Contains(t, err.Error(), clockifytest.DemoApprovalRequestID+", for 2026-11-02 to 2026-11-08")

	checked := c.Profiles.Check(ctx, demoWS, clockifytest.DemoPendingApprovalsID, u)
	assert.Equal(t, err.Error(), checked.Error(), "Check and Update say the same")
}
