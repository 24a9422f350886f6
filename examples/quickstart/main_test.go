package main

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The README promises that go run ./examples/quickstart works offline: this runs it as a
// newcomer would, without CLOCKIFY_API_KEY.
func TestQuickstartOffline(t *testing.T) {
	t.Setenv("CLOCKIFY_API_KEY", "")
	var out strings.Builder
	require.NoError(t, run(context.Background(), &out))
	got := out.String()
	assert.Contains(t, got, "offline demo server")
	assert.Regexp(t, `Maya Lindqvist\s+maya\.lindqvist@\S+\s+ACTIVE\s+owner\s+PT8H\s+Mon–Fri`, got)
	assert.Regexp(t, `Lucas Ferreira\s+\S+\s+ACTIVE\s+project manager\s+PT10H\s+Mon Tue Wed Thu`, got)
	assert.Regexp(t, `Tomás Vega\s+-\s+ACTIVE \(limited\)`, got, "limited members are listed too")
	assert.Contains(t, got, "now: PT7H30M, Mon–Fri")
	assert.Contains(t, got, "refused: clockify: member")
	assert.Contains(t, got, "pending approval")
}
