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
	t.Parallel()
	_, c := demo(t)
	ctx := context.Background()
	id := clockifytest.DemoMemberID

	roles, err := c.Roles.Of(ctx, demoWS, id)
	require.NoError(t, err)
	assert.Empty(t, roles)

	grants, resp, err := c.Roles.Assign(ctx, demoWS, id, clockify.ProjectManagerOf(clockifytest.DemoProjectID))
	require.NoError(t, err)
	assert.Equal(t, http.StatusCreated, resp.StatusCode)
	assert.Equal(t, []*clockify.RoleGrant{{WorkspaceID: demoWS, UserID: id, EntityID: clockifytest.DemoProjectID,
		Role: clockify.RoleProjectManager}}, grants)
	grants, _, err = c.Roles.Assign(ctx, demoWS, id, clockify.TeamManagerOfGroup(clockifytest.DemoGroupID))
	require.NoError(t, err)
	assert.Equal(t, "USER_GROUP", grants[0].SourceType)
	_, _, err = c.Roles.Assign(ctx, demoWS, id, clockify.WorkspaceAdmin(demoWS))
	require.NoError(t, err)

	roles, err = c.Roles.Of(ctx, demoWS, id)
	require.NoError(t, err)
	assert.Equal(t, []clockify.Role{clockify.RoleWorkspaceAdmin, clockify.RoleTeamManager, clockify.RoleProjectManager}, roles)

	for _, a := range []clockify.RoleAssignment{clockify.ProjectManagerOf(clockifytest.DemoProjectID),
		clockify.TeamManagerOfGroup(clockifytest.DemoGroupID), clockify.WorkspaceAdmin(demoWS)} {
		resp, err := c.Roles.Remove(ctx, demoWS, id, a)
		require.NoError(t, err, a.String())
		assert.Equal(t, http.StatusNoContent, resp.StatusCode)
	}
	roles, err = c.Roles.Of(ctx, demoWS, id)
	require.NoError(t, err)
	assert.Empty(t, roles)
}

func TestRolesBehaviour_OfReportsTheOwnerAsOwnerOnly(t *testing.T) {
	t.Parallel()
	_, c := demo(t)
	roles, err := c.Roles.Of(context.Background(), demoWS, clockifytest.DemoOwnerID)
	require.NoError(t, err)
	assert.Equal(t, []clockify.Role{clockify.RoleOwner}, roles)

	roles, err = c.Roles.Of(context.Background(), demoWS, clockifytest.DemoTeamManagerID)
	require.NoError(t, err)
	assert.Equal(t, []clockify.Role{clockify.RoleTeamManager}, roles)
}

func TestRolesBehaviour_RemovingTheAdminRoleAsNonOwnerIsOwnerOnly(t *testing.T) {
	t.Parallel()
	srv := demoServer(t)
	secondAdmin := srv.AddMember(demoWS, clockifytest.MemberSeed{Name: "Second Admin", Roles: clockifytest.Roles{Admin: true}})
	admin := srv.ClientAs(clockifytest.DemoAdminID, fastOpts...)
	ctx := context.Background()

	_, err := admin.Roles.Remove(ctx, demoWS, secondAdmin, clockify.WorkspaceAdmin(demoWS))
	assert.ErrorIs(t, err, clockify.ErrOwnerOnly)
	var apiErr *clockify.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusForbidden, apiErr.StatusCode)
	state, _ := srv.Member(demoWS, secondAdmin)
	assert.True(t, state.Roles.Admin)

	owner := srv.Client(fastOpts...)
	_, err = owner.Roles.Remove(ctx, demoWS, secondAdmin, clockify.WorkspaceAdmin(demoWS))
	require.NoError(t, err)
	state, _ = srv.Member(demoWS, secondAdmin)
	assert.False(t, state.Roles.Admin)
}

func TestRolesBehaviour_ManagerRolesNeedTheFeature(t *testing.T) {
	t.Parallel()
	srv := demoServer(t)
	srv.SetFeatures(demoWS, clockifytest.FeatureEditMemberProfile)
	c := srv.Client(fastOpts...)
	_, _, err := c.Roles.Assign(context.Background(), demoWS, clockifytest.DemoMemberID, clockify.TeamManagerOf(clockifytest.DemoInactiveID))
	assert.ErrorIs(t, err, clockify.ErrPaidFeature)
}
