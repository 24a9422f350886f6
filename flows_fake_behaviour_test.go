package clockify_test

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
)

func TestFlowsBehaviour_GroupsCreateRenameDelete(t *testing.T) {
	srv := demoServer(t)
	c := srv.Client(fastOpts...)
	ctx := context.Background()

	g, _, err := c.Groups.Create(ctx, demoWS, "Night shift")
	require.NoError(t, err)
	state, ok := srv.Group(demoWS, g.ID)
	require.True(t, ok)
	assert.Equal(t, "Night shift", state.Name)

	_, _, err = c.Groups.Create(ctx, demoWS, "Design Team")
	assert.ErrorIs(t, err, clockify.ErrGroupExists)
	_, _, err = c.Groups.Rename(ctx, demoWS, g.ID, "Design Team")
	assert.ErrorIs(t, err, clockify.ErrGroupExists)

	g, _, err = c.Groups.Rename(ctx, demoWS, g.ID, "Night crew")
	require.NoError(t, err)
	found, _, err := c.Groups.FindByName(ctx, demoWS, "Night crew")
	require.NoError(t, err)
	assert.Equal(t, g.ID, found.ID)

	_, _, err = c.Groups.Delete(ctx, demoWS, g.ID)
	require.NoError(t, err)
	_, ok = srv.Group(demoWS, g.ID)
	assert.False(t, ok)
	_, _, err = c.Groups.Delete(ctx, demoWS, g.ID)
	assert.ErrorIs(t, err, clockify.ErrNotFound)
}

func TestFlowsBehaviour_RunningTimersAndStop(t *testing.T) {
	srv := demoServer(t)
	c := srv.Client(fastOpts...)
	ctx := context.Background()
	start := time.Now().Add(-2 * time.Hour).UTC().Truncate(time.Second)
	srv.AddTimeEntry(demoWS, clockifytest.TimeEntrySeed{UserID: clockifytest.DemoAdminID, Description: "Forgot me", Start: start})

	e, _, err := c.Members.RunningTimer(ctx, demoWS, clockifytest.DemoAdminID)
	require.NoError(t, err)
	assert.Equal(t, "Forgot me", e.Description)
	assert.Equal(t, start, e.Start)
	assert.True(t, e.Running())

	_, _, err = c.Members.StopTimer(ctx, demoWS, clockifytest.DemoAdminID, start.Add(-time.Minute))
	assert.ErrorIs(t, err, clockify.ErrEndBeforeStart)

	end := start.Add(90 * time.Minute)
	stopped, _, err := c.Members.StopTimer(ctx, demoWS, clockifytest.DemoAdminID, end)
	require.NoError(t, err)
	require.NotNil(t, stopped.End)
	assert.Equal(t, end, *stopped.End)
	assert.Equal(t, clockify.Hours(1.5), stopped.Duration)
	_, running := srv.RunningTimer(demoWS, clockifytest.DemoAdminID)
	assert.False(t, running)

	_, _, err = c.Members.StopTimer(ctx, demoWS, clockifytest.DemoAdminID, time.Now())
	assert.ErrorIs(t, err, clockify.ErrNoRunningTimer)
	_, _, err = c.Members.RunningTimer(ctx, demoWS, clockifytest.DemoAdminID)
	assert.ErrorIs(t, err, clockify.ErrNoRunningTimer)
}

func TestFlowsBehaviour_StopTimerNotRepeatedAfterServerActed(t *testing.T) {
	srv := demoServer(t)
	c := srv.Client(fastOpts...)
	ctx := context.Background()
	srv.InjectFault(clockifytest.Fault{Method: "PATCH", Status: 502, AfterHandler: true})
	_, _, err := c.Members.StopTimer(ctx, demoWS, clockifytest.DemoMemberID, time.Now())
	assert.ErrorIs(t, err, clockify.ErrServer, "the 502 comes back; a retry could stop a newer timer")
	assert.Len(t, sentTo(srv, "PATCH", "/v1/workspaces/"+demoWS+"/user/"+clockifytest.DemoMemberID+"/time-entries"), 1)
}

func TestFlowsBehaviour_ProjectRates(t *testing.T) {
	srv := demoServer(t)
	c := srv.Client(fastOpts...)
	ctx := context.Background()
	p, _, err := c.Members.SetProjectHourlyRate(ctx, demoWS, clockifytest.DemoProjectID, clockifytest.DemoMemberID, clockify.RateChange{Amount: 9900})
	require.NoError(t, err)
	m, ok := p.Membership(clockifytest.DemoMemberID)
	require.True(t, ok)
	require.NotNil(t, m.HourlyRate)
	assert.Equal(t, int64(9900), m.HourlyRate.Amount)
	_, _, err = c.Members.SetProjectCostRate(ctx, demoWS, clockifytest.DemoProjectID, clockifytest.DemoMemberID, clockify.RateChange{Amount: 4000})
	require.NoError(t, err)
	state, ok := srv.Project(demoWS, clockifytest.DemoProjectID)
	require.True(t, ok)
	assert.Equal(t, int64(9900), int64(state.HourlyRates[clockifytest.DemoMemberID].Amount))
	assert.Equal(t, int64(4000), int64(state.CostRates[clockifytest.DemoMemberID].Amount))
}

func TestFlowsBehaviour_UploadImageThenSetOnLimitedMember(t *testing.T) {
	srv := demoServer(t)
	c := srv.Client(fastOpts...)
	ctx := context.Background()
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00")
	img, _, err := c.Profiles.UploadImage(ctx, "tomas.png", bytes.NewReader(png))
	require.NoError(t, err)
	stored, ok := srv.UploadedImage(img.URL)
	require.True(t, ok)
	assert.Equal(t, png, stored)
	p, _, err := c.Profiles.Update(ctx, demoWS, clockifytest.DemoLimitedID, &clockify.ProfileUpdate{ImageURL: &img.URL})
	require.NoError(t, err)
	assert.Equal(t, img.URL, p.ImageURL)
}
