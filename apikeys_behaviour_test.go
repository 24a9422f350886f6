package clockify_test

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
)

func roleByWorkspace(info *clockify.KeyInfo) map[string]clockify.Role {
	m := map[string]clockify.Role{}
	for _, w := range info.Workspaces {
		m[w.Workspace.ID] = w.Role
	}
	return m
}

func TestAPIKeysBehaviour_verifyReportsRolePerWorkspace(t *testing.T) {
	t.Parallel()
	srv := demoServer(t)
	tests := []struct {
		name   string
		userID string
		want   map[string]clockify.Role
	}{
		{"owner of both", clockifytest.DemoOwnerID, map[string]clockify.Role{
			clockifytest.DemoWorkspaceID: clockify.RoleOwner, clockifytest.DemoFreeWorkspaceID: clockify.RoleOwner}},
		{"admin", clockifytest.DemoAdminID, map[string]clockify.Role{
			clockifytest.DemoWorkspaceID: clockify.RoleWorkspaceAdmin}},
		{"team manager is no admin", clockifytest.DemoTeamManagerID, map[string]clockify.Role{
			clockifytest.DemoWorkspaceID: ""}},
		{"member of two", clockifytest.DemoMultiWorkspaceID, map[string]clockify.Role{
			clockifytest.DemoWorkspaceID: "", clockifytest.DemoFreeWorkspaceID: ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			key := srv.IssueKey(tt.userID)
			info, err := keysClient(t, srv, clockify.WithAPIKey(key)).APIKeys.Verify(context.Background())
			require.NoError(t, err)
			assert.Equal(t, tt.userID, info.User.ID)
			assert.Equal(t, clockify.Fingerprint(key), info.Fingerprint)
			assert.True(t, info.WorkspacesListed)
			assert.Equal(t, tt.want, roleByWorkspace(info))
		})
	}
}

func TestAPIKeysBehaviour_verifyRevokedKey(t *testing.T) {
	t.Parallel()
	srv := demoServer(t)
	key := srv.IssueKey(clockifytest.DemoAdminID)
	client := keysClient(t, srv, clockify.WithAPIKey(key))
	srv.RevokeKey(key)

	_, err := client.APIKeys.Verify(context.Background())
	require.ErrorIs(t, err, clockify.ErrInvalidAPIKey)
	var apiErr *clockify.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 4003, apiErr.Code)
	assert.Contains(t, err.Error(), "region or subdomain")
	assert.NotContains(t, err.Error(), key)
}

func TestAPIKeysBehaviour_addonToken(t *testing.T) {
	t.Parallel()
	srv := demoServer(t)
	token := srv.IssueAddonToken(clockifytest.DemoWorkspaceID)
	client := keysClient(t, srv, clockify.WithAddonToken(token))

	info, err := client.APIKeys.Verify(context.Background())
	require.NoError(t, err)
	assert.Equal(t, clockify.CredentialAddonToken, info.CredentialKind)
	assert.Equal(t, clockifytest.DemoOwnerID, info.User.ID)
	assert.False(t, info.WorkspacesListed)
	for _, r := range srv.Requests() {
		assert.NotEqual(t, "/v1/workspaces", r.Path, "GET /v1/workspaces refuses addon tokens")
	}

	err = client.APIKeys.Rotate(context.Background(), srv.IssueKey(clockifytest.DemoOwnerID))
	assert.ErrorIs(t, err, clockify.ErrInvalidInput)

	srv.RevokeAddonToken(token)
	_, err = client.APIKeys.Verify(context.Background())
	assert.ErrorIs(t, err, clockify.ErrInvalidAddonToken)
	assert.NotContains(t, err.Error(), token)
}

// A user generates a new key in the web app, which deactivates the old one; the running
// program, which verified its key at start, takes the new key without a restart.
func TestAPIKeysBehaviour_rotateAfterWebAppReplacedKey(t *testing.T) {
	t.Parallel()
	srv := demoServer(t)
	ctx := context.Background()
	oldKey := srv.IssueKey(clockifytest.DemoAdminID)
	client := keysClient(t, srv, clockify.WithAPIKey(oldKey))
	_, err := client.APIKeys.Verify(ctx)
	require.NoError(t, err)

	newKey := srv.IssueKey(clockifytest.DemoAdminID)
	srv.RevokeKey(oldKey)
	_, err = client.APIKeys.Verify(ctx)
	require.ErrorIs(t, err, clockify.ErrInvalidAPIKey, "the old key is dead")

	require.NoError(t, client.APIKeys.Rotate(ctx, newKey))
	info, err := client.APIKeys.Verify(ctx)
	require.NoError(t, err)
	assert.Equal(t, clockify.Fingerprint(newKey), info.Fingerprint)
	assert.Equal(t, clockify.RoleWorkspaceAdmin, roleByWorkspace(info)[clockifytest.DemoWorkspaceID])
}

// The user keeps several named keys and retires the old one only after the program moved on.
func TestAPIKeysBehaviour_rotateThenRevokeOld(t *testing.T) {
	t.Parallel()
	srv := demoServer(t)
	ctx := context.Background()
	oldKey := srv.IssueKey(clockifytest.DemoMemberID)
	client := keysClient(t, srv, clockify.WithAPIKey(oldKey))

	newKey := srv.IssueKey(clockifytest.DemoMemberID)
	require.NoError(t, client.APIKeys.Rotate(ctx, newKey))
	srv.RevokeKey(oldKey)

	info, err := client.APIKeys.Verify(ctx)
	require.NoError(t, err)
	assert.Equal(t, clockifytest.DemoMemberID, info.User.ID)
}

func TestAPIKeysBehaviour_rotateRefusals(t *testing.T) {
	t.Parallel()
	srv := demoServer(t)
	ctx := context.Background()
	key := srv.IssueKey(clockifytest.DemoAdminID)
	client := keysClient(t, srv, clockify.WithAPIKey(key))

	revoked := srv.IssueKey(clockifytest.DemoAdminID)
	srv.RevokeKey(revoked)
	err := client.APIKeys.Rotate(ctx, revoked)
	assert.ErrorIs(t, err, clockify.ErrInvalidAPIKey)

	ownersKey := srv.IssueKey(clockifytest.DemoOwnerID)
	err = client.APIKeys.Rotate(ctx, ownersKey)
	assert.ErrorIs(t, err, clockify.ErrKeyOwnerMismatch)
	assert.NotContains(t, err.Error(), ownersKey)
	assert.NotContains(t, err.Error(), key)

	info, err := client.APIKeys.Verify(ctx)
	require.NoError(t, err)
	assert.Equal(t, clockifytest.DemoAdminID, info.User.ID, "still the admin's key")
	assert.Equal(t, clockify.Fingerprint(key), info.Fingerprint)
}

// Without an earlier Verify, Rotate cannot tell whose a dead key was, and refuses rather than
// switching the program to whichever user the new key belongs to.
func TestAPIKeysBehaviour_rotateWithDeadUnverifiedKey(t *testing.T) {
	t.Parallel()
	srv := demoServer(t)
	oldKey := srv.IssueKey(clockifytest.DemoAdminID)
	client := keysClient(t, srv, clockify.WithAPIKey(oldKey))
	srv.RevokeKey(oldKey)

	err := client.APIKeys.Rotate(context.Background(), srv.IssueKey(clockifytest.DemoAdminID))
	assert.ErrorIs(t, err, clockify.ErrKeyOwnerUnknown)
	assert.False(t, errors.Is(err, clockify.ErrInvalidAPIKey))
}

func ExampleAPIKeysService_Verify_roles() {
	srv := clockifytest.NewDemoServer()
	defer srv.Close()
	client, _ := clockify.NewClient(clockify.WithBaseURL(srv.URL), clockify.WithAPIKey(srv.OwnerKey()))

	info, err := client.APIKeys.Verify(context.Background())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(info.User.Name, "-", info.CredentialKind)
	for _, w := range info.Workspaces {
		fmt.Printf("%s: %s (plan %s)\n", w.Workspace.Name, w.Role, w.Workspace.Plan())
	}

	// A key Clockify does not know, e.g. one generated for another region or subdomain.
	srv.RevokeKey(srv.OwnerKey())
	_, err = client.APIKeys.Verify(context.Background())
	fmt.Println(errors.Is(err, clockify.ErrInvalidAPIKey))
	// Output:
	// Maya Lindqvist - API key
	// Acme Studio: OWNER (plan STANDARD_2021)
	// Maya's Sandbox: OWNER (plan FREE)
	// true
}

func ExampleAPIKeysService_Rotate_newKeyFromWebApp() {
	srv := clockifytest.NewDemoServer()
	defer srv.Close()
	ctx := context.Background()
	client, _ := clockify.NewClient(clockify.WithBaseURL(srv.URL), clockify.WithAPIKey(srv.OwnerKey()))
	// Verify at start: it also lets Rotate check a new key after the old one stopped working.
	if _, err := client.APIKeys.Verify(ctx); err != nil {
		fmt.Println(err)
		return
	}

	// Later, the owner generates a new key in the web app, which deactivates the old one.
	newKey := srv.IssueKey(clockifytest.DemoOwnerID)
	srv.RevokeKey(srv.OwnerKey())

	if err := client.APIKeys.Rotate(ctx, newKey); err != nil {
		fmt.Println(err)
		return
	}
	info, _ := client.APIKeys.Verify(ctx)
	fmt.Println(info.User.Name, info.Fingerprint == clockify.Fingerprint(newKey))

	// Someone else's key is refused, and the client keeps its key.
	err := client.APIKeys.Rotate(ctx, srv.IssueKey(clockifytest.DemoAdminID))
	fmt.Println(errors.Is(err, clockify.ErrKeyOwnerMismatch))
	// Output:
	// Maya Lindqvist true
	// true
}

func ExampleFingerprint_logging() {
	fmt.Println(clockify.Fingerprint("an-api-key"))
	// Output:
	// fp:31fd29a00995
}
