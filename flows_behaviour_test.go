package clockify_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
)

func TestFlowsBehaviour_FindByEmailIsExactAndOneRequest(t *testing.T) {
	srv := demoServer(t)
	c := srv.Client(fastOpts...)
	ctx := context.Background()

	u, _, err := c.Members.FindByEmail(ctx, demoWS, "EMMA.schultz@acme-studio.example")
	require.NoError(t, err)
	assert.Equal(t, clockifytest.DemoMemberID, u.ID)
	assert.Len(t, sentTo(srv, http.MethodGet, "/v1/workspaces/"+demoWS+"/users"), 1)

	// "acme-studio.example" is a substring of every demo address, but no member's address.
	_, _, err = c.Members.FindByEmail(ctx, demoWS, "acme-studio@example.com")
	assert.ErrorIs(t, err, clockify.ErrNotFound)
}

func TestFlowsBehaviour_FindByEmailFindsPendingInviteeWithStatus(t *testing.T) {
	srv := demoServer(t)
	c := srv.Client(fastOpts...)
	u, _, err := c.Members.FindByEmail(context.Background(), demoWS, "leo.dubois@example.com")
	require.NoError(t, err)
	assert.Equal(t, clockifytest.DemoInvitedID, u.ID)
	m, ok := u.Membership(demoWS)
	require.True(t, ok)
	assert.Equal(t, clockify.MembershipPending, m.MembershipStatus)
}

func TestFlowsBehaviour_GetByIDInTwoRequests(t *testing.T) {
	srv := demoServer(t)
	c := srv.Client(fastOpts...)
	ctx := context.Background()
	for _, id := range []string{clockifytest.DemoTeamManagerID, clockifytest.DemoInactiveID, clockifytest.DemoLimitedID} {
		srv.ResetRequests()
		u, _, err := c.Members.Get(ctx, demoWS, id)
		require.NoError(t, err, id)
		assert.Equal(t, id, u.ID)
		assert.Len(t, srv.Requests(), 2, id)
	}
	u, _, err := c.Members.Get(ctx, demoWS, clockifytest.DemoTeamManagerID)
	require.NoError(t, err)
	assert.NotEmpty(t, u.RoleGrants(), "the lookup carries the member's manager roles")

	_, _, err = c.Members.Get(ctx, demoWS, "64f0a1b2c3d4e5f6020000ff")
	assert.ErrorIs(t, err, clockify.ErrNotFound)
}

func TestFlowsBehaviour_InviteMemberReturnsPendingMember(t *testing.T) {
	srv := demoServer(t)
	c := srv.Client(fastOpts...)
	ctx := context.Background()
	u, _, err := c.Members.InviteMember(ctx, demoWS, "nina.park@acme-studio.example", &clockify.InviteOptions{SendEmail: clockify.Ptr(false)})
	require.NoError(t, err)
	assert.Equal(t, "nina.park@acme-studio.example", u.Email)
	m, ok := u.Membership(demoWS)
	require.True(t, ok)
	assert.Equal(t, clockify.MembershipPending, m.MembershipStatus)

	_, _, err = c.Profiles.Update(ctx, demoWS, u.ID, &clockify.ProfileUpdate{WorkCapacity: clockify.Ptr(clockify.Hours(8))})
	assert.ErrorIs(t, err, clockify.ErrInvitationPending, "a pending member's profile can't be edited")
}

func TestFlowsBehaviour_WorkspacesAndCallerRole(t *testing.T) {
	srv := demoServer(t)
	ctx := context.Background()
	owner := srv.Client(fastOpts...)

	list, _, err := owner.Workspaces.List(ctx)
	require.NoError(t, err)
	assert.Len(t, list, 2)

	ws, _, err := owner.Workspaces.FindByName(ctx, "Acme Studio")
	require.NoError(t, err)
	assert.Equal(t, demoWS, ws.ID)
	assert.Equal(t, "STANDARD_2021", ws.Plan())
	assert.True(t, ws.HasFeature("EDIT_MEMBER_PROFILE"))

	got, _, err := owner.Workspaces.Get(ctx, clockifytest.DemoFreeWorkspaceID)
	require.NoError(t, err)
	assert.Equal(t, "FREE", got.Plan())

	for id, want := range map[string]clockify.Role{
		clockifytest.DemoOwnerID: clockify.RoleOwner, clockifytest.DemoAdminID: clockify.RoleWorkspaceAdmin, clockifytest.DemoMemberID: "",
	} {
		role, _, err := srv.ClientAs(id, fastOpts...).Workspaces.CallerRole(ctx, demoWS)
		require.NoError(t, err)
		assert.Equal(t, want, role, id)
	}
}

func TestFlowsBehaviour_GroupsFindByNameAndAll(t *testing.T) {
	srv := demoServer(t)
	c := srv.Client(fastOpts...)
	ctx := context.Background()
	g, _, err := c.Groups.FindByName(ctx, demoWS, "Design Team")
	require.NoError(t, err)
	assert.Equal(t, clockifytest.DemoGroupID, g.ID)
	assert.True(t, g.HasMember(clockifytest.DemoMemberID))

	_, _, err = c.Groups.FindByName(ctx, demoWS, "Design")
	assert.ErrorIs(t, err, clockify.ErrNotFound)

	var names []string
	for g, err := range c.Groups.All(ctx, demoWS, &clockify.ListGroupsOptions{ListOptions: clockify.ListOptions{PageSize: 2}}) {
		require.NoError(t, err)
		names = append(names, g.Name)
	}
	assert.ElementsMatch(t, []string{"Design Team", "Engineering", "Kiosk Staff"}, names)
	assert.Len(t, sentTo(srv, "GET", "/v1/workspaces/"+demoWS+"/user-groups"), 4, "FindByName twice, then two pages")
}

func TestFlowsBehaviour_GetManyReadsEveryProfile(t *testing.T) {
	srv := demoServer(t)
	c := srv.Client(fastOpts...)
	ids := []string{clockifytest.DemoMemberID, clockifytest.DemoProjectManagerID, "64f0a1b2c3d4e5f6020000ff"}
	results := c.Profiles.GetMany(context.Background(), demoWS, ids, nil)
	require.Len(t, results, 3)
	require.NoError(t, results[0].Err)
	require.NoError(t, results[1].Err)
	assert.Equal(t, clockify.Hours(10), results[1].Profile.WorkCapacity)
	assert.ErrorIs(t, results[2].Err, clockify.ErrNotFound)
}
