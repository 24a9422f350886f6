package demo

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
	"github.com/clockify-go/clockify/examples/internal/cli"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestExplain(t *testing.T) {
	srv := clockifytest.NewDemoServer()
	defer srv.Close()
	_, _, refused := srv.Client().Members.Deactivate(context.Background(), clockifytest.DemoWorkspaceID, clockifytest.DemoOwnerID)
	require.ErrorIs(t, refused, clockify.ErrOwnerImmutable)

	assert.Equal(t, "accepted", Explain(nil))
	assert.Equal(t, "ErrOwnerImmutable: step: "+refused.Error(), Explain(fmt.Errorf("step: %w", refused)))
	assert.Equal(t, "ErrInvalidInput: clockify: invalid input", Explain(clockify.ErrInvalidInput))
	assert.Equal(t, "boom", Explain(errors.New("boom")))
	assert.Equal(t, "member Eve[2J not found", Explain(errors.New("member Eve\x1b[2J not found")), "printable")
}

func TestReason(t *testing.T) {
	srv := clockifytest.NewDemoServer()
	defer srv.Close()
	update := &clockify.ProfileUpdate{WorkCapacity: clockify.Ptr(clockify.Hours(6))}
	results := srv.Client().Profiles.UpdateMany(context.Background(), clockifytest.DemoWorkspaceID, []clockify.ProfileChange{
		{UserID: clockifytest.DemoInactiveID, Update: update}, {UserID: clockifytest.DemoOwnerID, Update: update}}, nil)
	require.ErrorIs(t, results[0].Err, clockify.ErrMemberInactive)
	assert.Equal(t, strings.TrimPrefix(clockify.ErrMemberInactive.Error(), "clockify: "), Reason(results[0].Err),
		"the rule's words, the same for every member")
	assert.Equal(t, strings.TrimPrefix(clockify.ErrOwnerProfile.Error(), "clockify: "), Reason(results[1].Err))
	assert.Equal(t, "boom", Reason(errors.New("boom")))
	assert.Equal(t, "bad name: Eve", Reason(errors.New("bad name: \u202eEve")), "printable")
}

func TestAccountStatusesListLimitedMembers(t *testing.T) {
	srv := clockifytest.NewDemoServer()
	defer srv.Close()
	ids := func(statuses []clockify.AccountStatus) []string {
		var out []string
		opts := &clockify.ListMembersOptions{Status: clockify.MembershipActive, AccountStatuses: statuses}
		for u, err := range srv.Client().Members.All(context.Background(), clockifytest.DemoWorkspaceID, opts) {
			require.NoError(t, err)
			out = append(out, u.ID)
		}
		return out
	}
	assert.NotContains(t, ids(nil), clockifytest.DemoLimitedID, "Clockify's default hides limited members")
	assert.Contains(t, ids(ActiveAccounts()), clockifytest.DemoLimitedID)
	assert.Contains(t, ids(EveryAccount()), clockifytest.DemoLimitedID)
	assert.Len(t, ids(ActiveAccounts()), len(ids(nil))+1, "the default's members and the limited one")
	for _, s := range EveryAccount() {
		assert.True(t, s.Valid(), s)
	}
}

func TestConnect_offlineIsTheDemoOwner(t *testing.T) {
	t.Setenv("CLOCKIFY_API_KEY", "")
	var out strings.Builder
	env, err := Connect(&out, nil)
	require.NoError(t, err)
	defer env.Close()
	assert.True(t, env.Offline())
	assert.Equal(t, clockifytest.DemoWorkspaceID, env.WorkspaceID)
	assert.Contains(t, out.String(), "offline demo server")
	u, _, err := env.Client.Members.Current(context.Background())
	require.NoError(t, err)
	assert.Equal(t, clockifytest.DemoOwnerID, u.ID)
}

func TestConnect_realAPINeedsWorkspace(t *testing.T) {
	t.Setenv("CLOCKIFY_API_KEY", "k")
	t.Setenv("CLOCKIFY_WORKSPACE_ID", "")
	_, err := Connect(&strings.Builder{}, nil)
	assert.ErrorContains(t, err, "CLOCKIFY_WORKSPACE_ID")
	assert.Equal(t, cli.ExitUsage, cli.Code(err), "a missing setting is bad usage")

	t.Setenv("CLOCKIFY_WORKSPACE_ID", "ws1")
	var out strings.Builder
	env, err := Connect(&out, nil)
	require.NoError(t, err)
	defer env.Close()
	assert.False(t, env.Offline())
	assert.Equal(t, "ws1", env.WorkspaceID)
	assert.Contains(t, out.String(), "real Clockify API, workspace ws1")
}
