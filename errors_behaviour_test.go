package clockify_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clockify-go/clockify"
	"github.com/clockify-go/clockify/clockifytest"
)

// TestErrorMessages_onePrefix: the package's typical failures each read as one message with one
// "clockify: " prefix, however many layers wrapped it.
func TestErrorMessages_onePrefix(t *testing.T) {
	t.Parallel()
	const nobody = "64f0a1b2c3d4e5f6020000ff"
	cases := []struct {
		name string
		call func(t *testing.T, srv *clockifytest.Server, c *clockify.Client) error
	}{
		{"invalid input", func(_ *testing.T, _ *clockifytest.Server, c *clockify.Client) error {
			_, _, err := c.Profiles.Update(bctx, demoWS, clockifytest.DemoMemberID, nil)
			return err
		}},
		{"an unknown member's profile", func(_ *testing.T, _ *clockifytest.Server, c *clockify.Client) error {
			_, _, err := c.Profiles.Get(bctx, demoWS, nobody)
			return err
		}},
		{"no member with the e-mail", func(_ *testing.T, _ *clockifytest.Server, c *clockify.Client) error {
			_, _, err := c.Members.FindByEmail(bctx, demoWS, "nobody@example.com")
			return err
		}},
		{"an unknown member", func(_ *testing.T, _ *clockifytest.Server, c *clockify.Client) error {
			_, _, err := c.Members.Get(bctx, demoWS, nobody)
			return err
		}},
		{"a rule found before sending", func(_ *testing.T, _ *clockifytest.Server, c *clockify.Client) error {
			_, err := c.Members.Remove(bctx, demoWS, clockifytest.DemoOwnerID)
			return err
		}},
		{"a rule named after a refusal", func(_ *testing.T, _ *clockifytest.Server, c *clockify.Client) error {
			_, _, err := c.Members.StopTimer(bctx, demoWS, clockifytest.DemoAdminID, time.Now())
			return err
		}},
		{"an invitation refused on the Free plan", func(_ *testing.T, _ *clockifytest.Server, c *clockify.Client) error {
			_, _, err := c.Members.InviteMember(bctx, clockifytest.DemoFreeWorkspaceID, "new@example.com", nil)
			return err
		}},
		{"an unknown API key", func(t *testing.T, srv *clockifytest.Server, _ *clockify.Client) error {
			dead := srv.IssueKey(clockifytest.DemoAdminID)
			srv.RevokeKey(dead)
			_, err := keysClient(t, srv, clockify.WithAPIKey(dead)).APIKeys.Verify(bctx)
			return err
		}},
		{"a new API key refused", func(t *testing.T, srv *clockifytest.Server, _ *clockify.Client) error {
			revoked := srv.IssueKey(clockifytest.DemoAdminID)
			srv.RevokeKey(revoked)
			return keysClient(t, srv, clockify.WithAPIKey(srv.IssueKey(clockifytest.DemoAdminID))).APIKeys.Rotate(bctx, revoked)
		}},
		{"a server error", func(_ *testing.T, srv *clockifytest.Server, c *clockify.Client) error {
			srv.InjectFault(clockifytest.Fault{Status: 500, Count: -1})
			_, _, err := c.Profiles.Get(bctx, demoWS, clockifytest.DemoMemberID)
			return err
		}},
		{"a bulk change never started", func(_ *testing.T, _ *clockifytest.Server, c *clockify.Client) error {
			ctx, cancel := context.WithCancel(bctx)
			cancel()
			return clockify.SummarizeBulk(c.Profiles.GetMany(ctx, demoWS, []string{clockifytest.DemoMemberID}, nil)).Err
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := demoServer(t)
			err := tc.call(t, srv, srv.Client(fastOpts...))
			require.Error(t, err)
			msg := err.Error()
			assert.True(t, strings.HasPrefix(msg, "clockify: "), msg)
			assert.Equal(t, 1, strings.Count(msg, "clockify:"), "one prefix: %q", msg)
		})
	}
}
