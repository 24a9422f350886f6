package main

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestOffboardOffline(t *testing.T) {
	t.Setenv("CLOCKIFY_API_KEY", "")
	var out strings.Builder
	require.NoError(t, run(context.Background(), &out, false, ""))
	got := out.String()
	assert.Contains(t, got, "remove role: TEAM_MANAGER of group")
	assert.Contains(t, got, "done: roles now []")
	for _, rule := range []string{"ErrOwnerImmutable", "ErrInvitationPending", "ErrOwnerOnly", "ErrMustDeactivateFirst", "ErrRemovedInCAKE"} {
		assert.Contains(t, got, rule+": clockify: ")
	}
	assert.Contains(t, got, "ErrAdminOnly: the key is neither a workspace Admin's nor the Owner's; run this with an Admin's or the Owner's API key")
}
