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
	var out, stderr strings.Builder
	require.Equal(t, 0, realMain(context.Background(), nil, &out, &stderr), stderr.String())
	got := out.String()
	assert.Contains(t, got, "offline demo server")
	assert.Regexp(t, `Maya Lindqvist\s+maya\.lindqvist@\S+\s+ACTIVE\s+owner\s+PT8H\s+Mon–Fri`, got)
	assert.Regexp(t, `Lucas Ferreira\s+\S+\s+ACTIVE\s+project manager\s+PT10H\s+Mon Tue Wed Thu`, got)
	assert.Regexp(t, `Tomás Vega\s+-\s+ACTIVE \(limited\)`, got, "limited members are listed too")
	assert.Contains(t, got, "now: PT7H30M, Mon–Fri")
	assert.Contains(t, got, "refused: clockify: member")
	assert.Contains(t, got, "pending approval")
	assert.Empty(t, stderr.String())
}

func TestQuickstartRefusesFlagsAndArguments(t *testing.T) {
	t.Setenv("CLOCKIFY_API_KEY", "")
	for _, args := range [][]string{{"-bogus"}, {"extra"}, {"-apply"}} {
		var out, stderr strings.Builder
		assert.Equal(t, 2, realMain(context.Background(), args, &out, &stderr), args)
		assert.Empty(t, out.String(), "the demo does not run: %v", args)
		assert.Contains(t, stderr.String(), "Run 'quickstart -h' for help.")
	}
}

func TestQuickstartHelp(t *testing.T) {
	var out, stderr strings.Builder
	assert.Equal(t, 0, realMain(context.Background(), []string{"-h"}, &out, &stderr))
	for _, want := range []string{"Usage: quickstart", "lists the team", "CLOCKIFY_API_KEY", "CLOCKIFY_WORKSPACE_ID",
		"CLOCKIFY_USER_ID", "Exit status:"} {
		assert.Contains(t, out.String(), want)
	}
	assert.NotContains(t, out.String(), "offline demo server (clockifytest) at", "-h runs nothing")
}
