package clockifytest

import (
	"context"
	"errors"
	"net/http"
	"testing"
	"time"

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

// Two 429s with Retry-After: 1 cost the fast client nothing like a second:
// the call succeeds well within a deadline that the real waits would
// outlive.
func TestClient_retriesFast(t *testing.T) {
	s := newDemo(t)
	s.InjectFault(Fault{PathPrefix: "/v1/user", Status: http.StatusTooManyRequests, RetryAfter: "1", Count: 2})
	ctx, cancel := context.WithTimeout(context.Background(), 900*time.Millisecond)
	defer cancel()
	me, _, err := s.Client().Members.Current(ctx)
	require.NoError(t, err)
	assert.Equal(t, DemoOwnerID, me.ID)
	assert.Len(t, s.Requests(), 3)
}

func TestClient_realRetryWaitsOnRequest(t *testing.T) {
	s := newDemo(t, WithRealRetryWaits())
	s.InjectFault(Fault{PathPrefix: "/v1/user", Status: http.StatusTooManyRequests, RetryAfter: "5"})
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	_, _, err := s.Client().Members.Current(ctx)
	require.Error(t, err, "the real policy honours Retry-After: 5, which outlives the deadline")
	assert.Len(t, s.Requests(), 1)

	// One client can ask for the real waits too.
	s2 := newDemo(t)
	s2.InjectFault(Fault{PathPrefix: "/v1/user", Status: http.StatusTooManyRequests, RetryAfter: "5"})
	_, _, err = s2.Client(clockify.WithRetry(clockify.DefaultRetryPolicy())).Members.Current(ctx)
	require.Error(t, err)
	assert.Len(t, s2.Requests(), 1)
}

// A test can walk the onboarding story: invite, accept, edit the profile.
func TestAcceptInvitation_thenTheProfileCanBeEdited(t *testing.T) {
	s := newDemo(t)
	ctx := context.Background()
	c := s.Client()
	_, _, err := c.Members.Invite(ctx, DemoWorkspaceID, "ada.moreau@example.com", nil)
	require.NoError(t, err)
	id, ok := s.FindMemberByEmail(DemoWorkspaceID, "ada.moreau@example.com")
	require.True(t, ok)

	capacity := clockify.Hours(6)
	_, _, err = c.Profiles.Update(ctx, DemoWorkspaceID, id, &clockify.ProfileUpdate{WorkCapacity: &capacity})
	require.ErrorIs(t, err, clockify.ErrInvitationPending)

	s.AcceptInvitation(DemoWorkspaceID, id)
	m, _ := s.Member(DemoWorkspaceID, id)
	assert.Equal(t, MembershipActive, m.MembershipStatus)
	assert.Equal(t, AccountActive, m.AccountStatus)
	assert.Equal(t, "Ada Moreau", m.Name)

	p, _, err := c.Profiles.Update(ctx, DemoWorkspaceID, id, &clockify.ProfileUpdate{WorkCapacity: &capacity})
	require.NoError(t, err)
	assert.Equal(t, capacity, p.WorkCapacity)

	assert.Panics(t, func() { s.AcceptInvitation(DemoWorkspaceID, id) }, "no longer pending")
}

func TestDeclineInvitation(t *testing.T) {
	s := newDemo(t)
	s.DeclineInvitation(DemoWorkspaceID, DemoInvitedID)
	m, _ := s.Member(DemoWorkspaceID, DemoInvitedID)
	assert.Equal(t, MembershipDeclined, m.MembershipStatus)
	// Inviting the address again makes it pending once more.
	require.Equal(t, http.StatusOK, send(t, s, http.MethodPost, demoWS+"/users?send-email=true", `{"email":"leo.dubois@example.com"}`).status)
	m, _ = s.Member(DemoWorkspaceID, DemoInvitedID)
	assert.Equal(t, MembershipPending, m.MembershipStatus)
	assert.Panics(t, func() { s.DeclineInvitation(DemoWorkspaceID, DemoMemberID) })
}

// FastRetryPolicy and the default features are functions: a test changing the value one call
// returned changes no server and no client.
func TestDefaults_callerChangesDoNotReachTheFake(t *testing.T) {
	p := FastRetryPolicy()
	p.MaxRetries = 0
	f := DefaultPaidFeatures()
	f[0] = "NOTHING"
	free := DefaultFreeFeatures()
	free[0] = "NOTHING"
	assert.Equal(t, clockify.DefaultRetryPolicy().MaxRetries, FastRetryPolicy().MaxRetries)
	assert.NotEqual(t, f, DefaultPaidFeatures())
	assert.NotEqual(t, free, DefaultFreeFeatures())

	s := NewServer()
	defer s.Close()
	ws, _, err := s.Client().Workspaces.Get(context.Background(), DefaultWorkspaceID)
	require.NoError(t, err)
	assert.ElementsMatch(t, DefaultPaidFeatures(), ws.Features)
	assert.True(t, ws.HasFeature("ADD_TIME_FOR_OTHERS"))

	// The client still retries as FastRetryPolicy says.
	s.InjectFault(Fault{PathPrefix: "/v1/user", Status: http.StatusServiceUnavailable, Count: 2})
	_, _, err = s.Client().Members.Current(context.Background())
	require.NoError(t, err)
}
