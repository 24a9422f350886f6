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

func TestRolesBehaviour_AssignAndRemoveShowInOf(t *testing.T) {
	srv := membersDemo(t)
	c := srv.Client(membersTestOpts...)
	ctx := context.Background()
	id := clockifytest.DemoMemberID

	roles, err := c.Roles.Of(ctx, membersWS, id)
	require.NoError(t, err)
	assert.Empty(t, roles)

	grants, resp, err := c.Roles.Assign(ctx, membersWS, id, clockify.ProjectManagerOf(clockifytest.DemoProjectID))
	require.NoError(t, err)
	assert.Equal(t, http.StatusCreated, resp.StatusCode)
	assert.Equal(t, []*clockify.RoleGrant{{WorkspaceID: membersWS, UserID: id, EntityID: clockifytest.DemoProjectID,
		Role: clockify.RoleProjectManager}}, grants)
	grants, _, err = c.Roles.Assign(ctx, membersWS, id, clockify.TeamManagerOfGroup(clockifytest.DemoGroupID))
	require.NoError(t, err)
	assert.Equal(t, "USER_GROUP", grants[0].SourceType)
	_, _, err = c.Roles.Assign(ctx, membersWS, id, clockify.WorkspaceAdmin(membersWS))
	require.NoError(t, err)

	roles, err = c.Roles.Of(ctx, membersWS, id)
	require.NoError(t, err)
	assert.Equal(t, []clockify.Role{clockify.RoleWorkspaceAdmin, clockify.RoleTeamManager, clockify.RoleProjectManager}, roles)

	for _, a := range []clockify.RoleAssignment{clockify.ProjectManagerOf(clockifytest.DemoProjectID),
		clockify.TeamManagerOfGroup(clockifytest.DemoGroupID), clockify.WorkspaceAdmin(membersWS)} {
		resp, err := c.Roles.Remove(ctx, membersWS, id, a)
		require.NoError(t, err, a.String())
		assert.Equal(t, http.StatusNoContent, resp.StatusCode)
	}
	roles, err = c.Roles.Of(ctx, membersWS, id)
	require.NoError(t, err)
	assert.Empty(t, roles)
}

func TestRolesBehaviour_OfReportsTheOwnerAsOwnerOnly(t *testing.T) {
	srv := membersDemo(t)
	c := srv.Client(membersTestOpts...)
	roles, err := c.Roles.Of(context.Background(), membersWS, clockifytest.DemoOwnerID)
	require.NoError(t, err)
	assert.Equal(t, []clockify.Role{clockify.RoleOwner}, roles)

	roles, err = c.Roles.Of(context.Background(), membersWS, clockifytest.DemoTeamManagerID)
	require.NoError(t, err)
	assert.Equal(t, []clockify.Role{clockify.RoleTeamManager}, roles)
}

func TestRolesBehaviour_RemovingTheAdminRoleAsNonOwnerIsOwnerOnly(t *testing.T) {
	srv := membersDemo(t)
	secondAdmin := srv.AddMember(membersWS, clockifytest.MemberSeed{Name: "Second Admin", Roles: clockifytest.Roles{Admin: true}})
	admin := srv.ClientAs(clockifytest.DemoAdminID, membersTestOpts...)
	ctx := context.Background()

	_, err := admin.Roles.Remove(ctx, membersWS, secondAdmin, clockify.WorkspaceAdmin(membersWS))
	assert.ErrorIs(t, err, clockify.ErrOwnerOnly)
	var apiErr *clockify.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusForbidden, apiErr.StatusCode)
	state, _ := srv.Member(membersWS, secondAdmin)
	assert.True(t, state.Roles.Admin)

	owner := srv.Client(membersTestOpts...)
	_, err = owner.Roles.Remove(ctx, membersWS, secondAdmin, clockify.WorkspaceAdmin(membersWS))
	require.NoError(t, err)
	state, _ = srv.Member(membersWS, secondAdmin)
	assert.False(t, state.Roles.Admin)
}

func TestRolesBehaviour_ManagerRolesNeedTheFeature(t *testing.T) {
	srv := membersDemo(t)
	srv.SetFeatures(membersWS, clockifytest.FeatureEditMemberProfile)
	c := srv.Client(membersTestOpts...)
	_, _, err := c.Roles.Assign(context.Background(), membersWS, clockifytest.DemoMemberID, clockify.TeamManagerOf(clockifytest.DemoInactiveID))
	assert.ErrorIs(t, err, clockify.ErrPaidFeature)
}
