package clockifytest

import (
	"context"
	"errors"
	"testing"

	"github.com/clockify-go/clockify"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestClient_actsAsTheOwner(t *testing.T) {
	s := newDemo(t)
	c := s.Client(clockify.WithoutRetry())
	require.NotNil(t, c)
	me, _, err := c.Members.Current(context.Background())
	require.NoError(t, err)
	assert.Equal(t, DemoOwnerID, me.ID)
	reqs := s.Requests()
	require.NotEmpty(t, reqs)
	assert.Equal(t, HeaderAPIKey, reqs[0].AuthHeader)
	assert.Equal(t, "/v1/user", reqs[0].Path)
}

func TestClient_iteratesTheTeam(t *testing.T) {
	s := newDemo(t)
	var got []string
	for u, err := range s.Client().Members.All(context.Background(), DemoWorkspaceID, nil) {
		require.NoError(t, err)
		got = append(got, u.ID)
	}
	assert.Len(t, got, 9, "limited members are hidden by default")
	assert.NotContains(t, got, DemoLimitedID)
}

func TestClient_seesTheServersRefusals(t *testing.T) {
	s := newDemo(t)
	_, _, err := s.Client(clockify.WithoutRetry()).Members.Deactivate(context.Background(), DemoWorkspaceID, DemoOwnerID)
	require.Error(t, err)
	var apiErr *clockify.APIError
	require.True(t, errors.As(err, &apiErr), "%v", err)
	assert.Equal(t, 400, apiErr.StatusCode)
	st, _ := s.Member(DemoWorkspaceID, DemoOwnerID)
	assert.Equal(t, MembershipActive, st.MembershipStatus)
}

func TestClientAs_usesTheMembersOwnKey(t *testing.T) {
	s := newDemo(t)
	me, _, err := s.ClientAs(DemoMemberID).Members.Current(context.Background())
	require.NoError(t, err)
	assert.Equal(t, DemoMemberID, me.ID)
}

func TestClientE_reportsBadOptions(t *testing.T) {
	s := newDemo(t)
	_, err := s.ClientE(clockify.WithAddonToken("tok"))
	assert.Error(t, err, "a second credential is refused")
	assert.Panics(t, func() { s.Client(clockify.WithAddonToken("tok")) })
}
