package clockify_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/clockify-go/clockify"
)

// Against the fake, which compares group names as Clockify does (case-insensitively), a name
// differing only in case from an existing group's is ErrGroupExists for Create and Rename, while
// a group may take its own name in another case.
func TestGroupsFake_nameInAnotherCaseIsGroupExists(t *testing.T) {
	srv := demoServer(t)
	c := srv.Client(fastOpts...)
	ctx := context.Background()

	for _, name := range []string{"design team", "DESIGN TEAM", "Design team"} {
		_, _, err := c.Groups.Create(ctx, demoWS, name)
		assert.ErrorIs(t, err, clockify.ErrGroupExists, name)
		var re *clockify.RestrictionError
		assert.ErrorAs(t, err, &re, name)
	}
	g, _, err := c.Groups.Create(ctx, demoWS, "Night shift")
	require.NoError(t, err)
	_, _, err = c.Groups.Rename(ctx, demoWS, g.ID, "design TEAM")
	assert.ErrorIs(t, err, clockify.ErrGroupExists)

	g, _, err = c.Groups.Rename(ctx, demoWS, g.ID, "NIGHT SHIFT")
	require.NoError(t, err)
	assert.Equal(t, "NIGHT SHIFT", g.Name)
}
