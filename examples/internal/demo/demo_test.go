package demo

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestExplain(t *testing.T) {
	assert.Equal(t, "accepted", Explain(nil))
	wrapped := fmt.Errorf("step: %w", &clockify.RestrictionError{Rule: clockify.ErrOwnerOnly, Detail: "only the owner"})
	assert.Equal(t, "ErrOwnerOnly: step: clockify: only the owner", Explain(wrapped))
	assert.Equal(t, "ErrInvalidInput: clockify: invalid input", Explain(clockify.ErrInvalidInput))
	assert.Equal(t, "boom", Explain(errors.New("boom")))
}

func TestReason(t *testing.T) {
	err := &clockify.RestrictionError{Rule: clockify.ErrMemberInactive, UserID: "u1", Detail: "member u1 is inactive"}
	assert.Equal(t, "member is inactive", Reason(err), "the rule's words, the same for every member")
	assert.Equal(t, "boom", Reason(errors.New("boom")))
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

	t.Setenv("CLOCKIFY_WORKSPACE_ID", "ws1")
	var out strings.Builder
	env, err := Connect(&out, nil)
	require.NoError(t, err)
	defer env.Close()
	assert.False(t, env.Offline())
	assert.Equal(t, "ws1", env.WorkspaceID)
	assert.Contains(t, out.String(), "real Clockify API, workspace ws1")
}
